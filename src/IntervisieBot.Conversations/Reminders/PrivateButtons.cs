using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Protection;

namespace IntervisieBot.Conversations.Reminders;

/// <summary>
/// Buttons the bot sends a member privately about their group (pass a turn, answer the evaluation). The press comes
/// back in the member's personal chat, so the button names the group, with a MAC over the group, the member, the
/// meeting and the card: only the member it was sent to can use it, and only for that group and meeting.
/// </summary>
public sealed class PrivateButtons(PrivacyProtector protector)
{
    public const string MeetingKey = "meeting";
    private const string GroupKey = "group";
    private const string ScopeKey = "scope";
    private const string SignatureKey = "signature";
    private const string Purpose = "private-button";

    public CardButton Button(string title, string card, string action, ConversationAddress group, string memberId, string meeting, ButtonStyle style = ButtonStyle.Default) =>
        new(title, new Dictionary<string, string>
        {
            [Cards.CardKey] = card,
            [Cards.ActionKey] = action,
            [MeetingKey] = meeting,
            [GroupKey] = group.ConversationId,
            [ScopeKey] = group.Scope.ToString(),
            [SignatureKey] = protector.Tag(Purpose, Signed(group, memberId, meeting, card)),
        }, style);

    /// <summary>The group and meeting a private press is about, or null when the button was not sent to the one who pressed it.</summary>
    public (ConversationAddress Group, string Meeting)? Read(IncomingTurn turn, string card)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var values = turn.Values;
        if (!values.TryGetValue(GroupKey, out var id) || !values.TryGetValue(MeetingKey, out var meeting)
            || !Enum.TryParse<ConversationScope>(values.GetValueOrDefault(ScopeKey), out var scope) || scope == ConversationScope.Personal)
        {
            return null;
        }

        // A personal chat lives in the same channel and tenant as the member's group conversation.
        var group = turn.Conversation.Sibling(id, scope);
        return protector.VerifyTag(Purpose, Signed(group, turn.From.Id, meeting, card), values.GetValueOrDefault(SignatureKey)) ? (group, meeting) : null;
    }

    private static string Signed(ConversationAddress group, string memberId, string meeting, string card) =>
        string.Join('\n', group.Key, group.TenantId ?? "", memberId, meeting, card);
}

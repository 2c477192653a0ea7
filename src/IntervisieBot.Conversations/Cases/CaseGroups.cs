using IntervisieBot.Conversations.Groups;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Cases;

/// <summary>
/// Which group a case is for: the groups whose roster has the member, and the one this personal chat prepares a case
/// for, kept in the personal chat's values so a button pressed later still knows.
/// </summary>
public sealed class CaseGroups(GroupStore groups, MemberGroupIndex index)
{
    /// <summary>The group the personal chat is preparing a case for ({ id, scope }), in the personal chat's values.</summary>
    public const string GroupValue = "caseGroup";

    private static readonly ConversationValue<ChosenCaseGroup> Chosen = new(GroupValue, DialogStateJson.Default.ChosenCaseGroup);

    /// <summary>The groups whose roster has the member now; an index entry the roster no longer backs is dropped.</summary>
    public async Task<IReadOnlyList<MemberGroup>> OfMemberAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        var memberGroups = new List<MemberGroup>();
        foreach (var listed in await index.GroupsOfAsync(turn.Conversation, turn.From.Id, cancellationToken))
        {
            // The index follows the roster as stored; a whole new set-up can leave a member listed who is no longer in it.
            if (await MemberGroupAsync(listed.Group, turn.From.Id, cancellationToken) is not null)
            {
                memberGroups.Add(listed);
            }
            else
            {
                await index.RemoveAsync(listed.Group, turn.From.Id, cancellationToken);
            }
        }

        return memberGroups;
    }

    /// <summary>Remembers the group this personal chat prepares a case for.</summary>
    public static void Remember(DialogContext dc, ChosenCaseGroup group) => Chosen.Set(dc.State, group with { Name = null });

    /// <summary>The group, when the member is (still) in its roster.</summary>
    public async Task<Group?> MemberGroupAsync(ConversationAddress address, string memberId, CancellationToken cancellationToken) =>
        await groups.GetAsync(address, cancellationToken) is { } group && group.Roster.Contains(memberId) ? group : null;

    /// <summary>The group this personal chat prepares a case for; the personal chat's channel and tenant are the group's.</summary>
    public static ConversationAddress? GroupOf(DialogContext dc) =>
        Chosen.Get(dc.State) is { Id: { } id } chosen
        && Enum.TryParse<ConversationScope>(chosen.Scope, out var scope) && scope != ConversationScope.Personal
            ? dc.Turn.Conversation.Sibling(id, scope)
            : null;

    /// <summary>The meeting the member's case is for: the next one they bring the case to, else the next one.</summary>
    public static Meeting? MeetingFor(Group group, string memberId, DateTimeOffset now)
    {
        var coming = group.NextMeetings(now, Group.Horizon);
        return (coming.FirstOrDefault(r => r.CaseOwner?.Id == memberId) ?? (coming.Count > 0 ? coming[0] : null))?.Meeting;
    }
}

using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>
/// Keeps buttons in the conversation they were sent to. Every button the bot sends in answer to a turn carries a MAC of
/// that conversation (<see cref="OriginKey"/>); a press whose MAC names another conversation (a card value copied from,
/// or forged after, another group's card) is refused with a friendly word, before any state is read, so nothing
/// changes and nothing is lost. A press without a MAC (a card from before, or sent on the bot's own initiative) goes on:
/// whatever it names is looked up in the current conversation's own data, which is all a turn ever reaches.
/// </summary>
public sealed class ConversationGuard(TurnRouter router, PrivacyProtector protector) : IBot
{
    public const string OriginKey = "origin";
    private const string Purpose = "card-origin";

    public async Task OnTurnAsync(ITurnContext context, CancellationToken cancellationToken = default)
    {
        var turn = context.Turn;
        if (turn.Kind == TurnKind.CardAction && turn.Values.TryGetValue(OriginKey, out var origin)
            && !protector.VerifyTag(Purpose, turn.Conversation.Key, origin))
        {
            var texts = PrivacyTexts.For(Language.FromLocale(turn.Locale));
            await context.SendAsync(new OutgoingMessage(texts.ForeignButton), cancellationToken);
            return;
        }

        await router.OnTurnAsync(new StampingTurnContext(context, this), cancellationToken);
    }

    private OutgoingMessage Stamp(OutgoingMessage message, ConversationAddress conversation)
    {
        if (message.Card is not { Buttons.Count: > 0 } card)
        {
            return message;
        }

        var origin = protector.Tag(Purpose, conversation.Key);
        return message with
        {
            Card = card with
            {
                Buttons = card.Buttons.Select(b => b with { Data = new Dictionary<string, string>(b.Data) { [OriginKey] = origin } }).ToList(),
            },
        };
    }

    /// <summary>Stamps the buttons of what is said in the turn's conversation; hands the turn on without the stamp.</summary>
    private sealed class StampingTurnContext(ITurnContext inner, ConversationGuard guard) : ITurnContext
    {
        public IncomingTurn Turn { get; } = inner.Turn.Values.ContainsKey(OriginKey)
            ? inner.Turn with { Values = inner.Turn.Values.Where(v => v.Key != OriginKey).ToDictionary() }
            : inner.Turn;

        public Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default) =>
            inner.SendAsync(guard.Stamp(message, Turn.Conversation), cancellationToken);

        public Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken = default) =>
            inner.UpdateAsync(messageId, guard.Stamp(message, Turn.Conversation), cancellationToken);

        public Task<IReadOnlyList<Participant>> GetMembersAsync(CancellationToken cancellationToken = default) => inner.GetMembersAsync(cancellationToken);

        // A private message's buttons come back from the member's personal chat, whose address only the channel knows.
        public Task SendPrivateAsync(Participant member, OutgoingMessage message, CancellationToken cancellationToken = default) =>
            inner.SendPrivateAsync(member, message, cancellationToken);

        // An answer to the presser alone carries no buttons of the group's.
        public Task AnswerPresserAsync(OutgoingMessage message, CancellationToken cancellationToken = default) =>
            inner.AnswerPresserAsync(message, cancellationToken);

        public ITurnContext ForGroup(ConversationAddress group) => new StampingTurnContext(inner.ForGroup(group), guard);
    }
}

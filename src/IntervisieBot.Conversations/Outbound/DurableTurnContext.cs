using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Outbound;

/// <summary>
/// A turn's context whose messages are never dropped: what the channel could not deliver after its retries
/// (<see cref="MessageNotDeliveredException"/>) is kept in the <see cref="Outbox"/> and goes out later, instead of
/// failing the turn. It also tells whether the turn began to answer: the dialog engine says things only after the
/// turn's change is stored, so a turn that failed after that must not apologise as if nothing happened. Without an
/// outbox (a bot composed without the scheduler) such a failure reaches the caller as before.
/// </summary>
public sealed class DurableTurnContext : ITurnContext
{
    private readonly ITurnContext _inner;
    private readonly Outbox? _outbox;
    private readonly Answered _answered;

    public DurableTurnContext(ITurnContext inner, Outbox? outbox)
        : this(inner, outbox, new Answered())
    {
    }

    private DurableTurnContext(ITurnContext inner, Outbox? outbox, Answered answered)
    {
        _inner = inner;
        _outbox = outbox;
        _answered = answered;
    }

    public IncomingTurn Turn => _inner.Turn;

    /// <summary>Whether the turn began to answer (here or in a context made from it by <see cref="ForGroup"/>).</summary>
    public bool HasBegunToAnswer => _answered.Value;

    public async Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        _answered.Value = true;
        try
        {
            return await _inner.SendAsync(message, cancellationToken);
        }
        catch (MessageNotDeliveredException) when (_outbox is not null)
        {
            await _outbox!.KeepAsync(Turn.Conversation, OutboxOperation.Send, new KeptMessage(message, null, null), cancellationToken);
            return null;
        }
    }

    public async Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        _answered.Value = true;
        try
        {
            await _inner.UpdateAsync(messageId, message, cancellationToken);
        }
        catch (MessageNotDeliveredException) when (_outbox is not null)
        {
            await _outbox!.KeepAsync(Turn.Conversation, OutboxOperation.Update, new KeptMessage(message, null, messageId), cancellationToken);
        }
    }

    public async Task SendPrivateAsync(Participant member, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        _answered.Value = true;
        try
        {
            await _inner.SendPrivateAsync(member, message, cancellationToken);
        }
        catch (MessageNotDeliveredException) when (_outbox is not null)
        {
            await _outbox!.KeepAsync(Turn.Conversation, OutboxOperation.SendPrivate, new KeptMessage(message, member, null), cancellationToken);
        }
    }

    public async Task AnswerPresserAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        _answered.Value = true;
        try
        {
            await _inner.AnswerPresserAsync(message, cancellationToken);
        }
        catch (MessageNotDeliveredException) when (_outbox is not null)
        {
            // Later, the answer can no longer be the pressed card's: it goes to the presser's personal chat.
            var (operation, member) = Turn.Conversation.IsPersonal ? (OutboxOperation.Send, (Participant?)null) : (OutboxOperation.SendPrivate, Turn.From);
            await _outbox!.KeepAsync(Turn.Conversation, operation, new KeptMessage(message, member, null), cancellationToken);
        }
    }

    public Task<IReadOnlyList<Participant>> GetMembersAsync(CancellationToken cancellationToken = default) => _inner.GetMembersAsync(cancellationToken);

    public ITurnContext ForGroup(ConversationAddress group) => new DurableTurnContext(_inner.ForGroup(group), _outbox, _answered);

    private sealed class Answered
    {
        public volatile bool Value;
    }
}

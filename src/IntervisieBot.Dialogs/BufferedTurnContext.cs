using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Dialogs;

/// <summary>
/// Holds back what the bot says during a turn until the turn's state is stored, so a turn that is run again after
/// losing a write race does not say things twice. Reads (members) go straight through. A live message
/// (<see cref="DialogContext.ShowLiveAsync"/>) is said once per slot and turn, with its last content, at the place of
/// its first mention; the ids of live messages that were posted anew are handed back by <see cref="FlushAsync"/>.
/// </summary>
internal sealed class BufferedTurnContext(ITurnContext inner) : ITurnContext
{
    private readonly List<Func<CancellationToken, Task>> _pending = [];
    private readonly Dictionary<string, LiveSend> _live = new(StringComparer.Ordinal);

    public IncomingTurn Turn => inner.Turn;

    /// <summary>Whether the bot said anything this turn so far (in the conversation, privately, or to the presser).</summary>
    public bool HasSaid => _pending.Count > 0;

    public Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        _pending.Add(ct => inner.SendAsync(message, ct));
        return Task.FromResult<string?>(null);
    }

    public Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        _pending.Add(ct => inner.UpdateAsync(messageId, message, ct));
        return Task.CompletedTask;
    }

    public Task SendPrivateAsync(Participant member, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        _pending.Add(ct => inner.SendPrivateAsync(member, message, ct));
        return Task.CompletedTask;
    }

    public Task AnswerPresserAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        _pending.Add(ct => inner.AnswerPresserAsync(message, ct));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Participant>> GetMembersAsync(CancellationToken cancellationToken = default) => inner.GetMembersAsync(cancellationToken);

    public ITurnContext ForGroup(ConversationAddress group) => throw new NotSupportedException("Reroute a turn before its dialog turn starts.");

    /// <summary>
    /// Shows <paramref name="message"/> in <paramref name="slot"/>: updates <paramref name="knownId"/> in place, or posts
    /// it when there is none (or it is gone). <paramref name="remember"/> false: the slot ends with this message.
    /// </summary>
    public void ShowLive(string slot, string? knownId, OutgoingMessage message, bool remember)
    {
        if (_live.TryGetValue(slot, out var pending))
        {
            pending.Message = message;
            pending.Remember = remember;
            return;
        }

        var send = new LiveSend(slot, knownId, message, remember);
        _live[slot] = send;
        _pending.Add(send.RunAsync(inner));
    }

    /// <summary>Forgets the slot's message this turn, whatever was said of it before: a later show posts a new one.</summary>
    public void EndLive(string slot)
    {
        if (_live.Remove(slot, out var pending))
        {
            pending.Remember = false;
        }
    }

    /// <summary>
    /// Says everything, in order. Returns the live slots whose message id changed (posted anew; null: the channel gave
    /// no id), for the runner to remember.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string?>> FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var send in _pending)
        {
            await send(cancellationToken);
        }

        _pending.Clear();
        var changed = _live.Values.Where(l => l.Remember && l.SentId != l.KnownId).ToDictionary(l => l.Slot, l => l.SentId, StringComparer.Ordinal);
        _live.Clear();
        return changed;
    }

    private sealed class LiveSend(string slot, string? knownId, OutgoingMessage message, bool remember)
    {
        public string Slot { get; } = slot;

        public string? KnownId { get; } = knownId;

        public OutgoingMessage Message { get; set; } = message;

        public bool Remember { get; set; } = remember;

        public string? SentId { get; private set; }

        public Func<CancellationToken, Task> RunAsync(ITurnContext context) => async ct => SentId = await LiveMessage.ShowAsync(context, KnownId, Message, ct);
    }
}

using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Dialogs;

/// <summary>
/// Holds back what the bot says during a turn until the turn's state is stored, so a turn that is run again after
/// losing a write race does not say things twice. Reads (members) go straight through.
/// </summary>
internal sealed class BufferedTurnContext(ITurnContext inner) : ITurnContext
{
    private readonly List<Func<CancellationToken, Task>> _pending = [];

    public IncomingTurn Turn => inner.Turn;

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

    public Task<IReadOnlyList<Participant>> GetMembersAsync(CancellationToken cancellationToken = default) => inner.GetMembersAsync(cancellationToken);

    public ITurnContext ForGroup(ConversationAddress group) => throw new NotSupportedException("Reroute a turn before its dialog turn starts.");

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var send in _pending)
        {
            await send(cancellationToken);
        }

        _pending.Clear();
    }
}

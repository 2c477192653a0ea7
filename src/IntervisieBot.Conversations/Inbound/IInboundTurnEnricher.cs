using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Inbound;

/// <summary>
/// A channel's last touch to a turn just before it runs (Slack looks up the sender's name and locale then, not before
/// answering Slack), also for a turn taken from the inbox after a restart.
/// </summary>
public interface IInboundTurnEnricher
{
    bool Handles(ConversationAddress conversation);

    Task<IncomingTurn> EnrichAsync(IncomingTurn turn, CancellationToken cancellationToken);
}

using IntervisieBot.Channels.Slack.Installations;
using IntervisieBot.Channels.Slack.WebApi;
using IntervisieBot.Conversations.Inbound;
using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.Logging;

namespace IntervisieBot.Channels.Slack.Inbound;

/// <summary>
/// Just before a Slack turn runs (not before Slack is answered), the sender's name and locale are looked up, so the
/// bot answers in their language; also for a turn taken from the inbox after a restart.
/// </summary>
public sealed partial class SlackTurnEnricher(SlackWorkspaces workspaces, SlackUserDirectory users, ILogger<SlackTurnEnricher> logger) : IInboundTurnEnricher
{
    public bool Handles(ConversationAddress conversation) =>
        conversation is not null && string.Equals(conversation.Adapter, SlackMessenger.Adapter, StringComparison.Ordinal);

    public async Task<IncomingTurn> EnrichAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        try
        {
            if (await workspaces.FindAsync(turn.Conversation.TenantId, cancellationToken) is not { } workspace)
            {
                return turn;
            }

            var from = await users.GetAsync(workspace, turn.From.Id, cancellationToken);
            return turn with { From = new Participant(from.Id, from.Name), Locale = from.Locale };
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            // The turn still runs; the sender is called by their id and the bot answers in English.
            LogUserUnknown(e is SlackApiException s ? s.Error : e.GetType().Name);
            return turn;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A Slack user could not be looked up: {Error}")]
    private partial void LogUserUnknown(string? error);
}

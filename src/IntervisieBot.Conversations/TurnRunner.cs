using IntervisieBot.Conversations.Texts;
using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.Logging;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations;

/// <summary>
/// Runs the bot for one turn so that a failure never reaches the channel as a crash: it is logged (type and stack,
/// never the turn's text) and the conversation gets a short apology in its language. A store that is out of reach
/// (<see cref="Storage.Tables.StoreUnavailableException"/>) is passed on: the turn did not happen and can run later.
/// </summary>
public sealed partial class TurnRunner(IBot bot, ILogger<TurnRunner> logger)
{
    public async Task RunAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        try
        {
            await bot.OnTurnAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ConversationUnreachableException)
        {
            LogUnreachable(context.Turn.Kind);
        }
        catch (Storage.Tables.StoreUnavailableException)
        {
            // Not this turn's fault: whoever runs it waits for the store (and tells the conversation once).
            throw;
        }
        catch (Exception e)
        {
            LogFailed(e, context.Turn.Kind, context.Turn.Conversation.ChannelId);
            await ApologizeAsync(context, cancellationToken);
        }
    }

    private async Task ApologizeAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        if (context.Turn.Kind is TurnKind.BotRemoved)
        {
            return;
        }

        try
        {
            var texts = BotTexts.For(Language.FromLocale(context.Turn.Locale));
            await context.SendAsync(new OutgoingMessage(texts.SomethingWentWrong), cancellationToken);
        }
        catch (Exception e)
        {
            LogApologyFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Kind} turn on {ChannelId} failed")]
    private partial void LogFailed(Exception exception, TurnKind kind, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Kind} turn could not be answered: the conversation is unreachable")]
    private partial void LogUnreachable(TurnKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the apology for a failed turn")]
    private partial void LogApologyFailed(Exception exception);
}

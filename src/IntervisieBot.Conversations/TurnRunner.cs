using IntervisieBot.Conversations.Outbound;
using IntervisieBot.Conversations.Texts;
using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.Logging;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations;

/// <summary>
/// Runs the bot for one turn so that a failure never reaches the channel as a crash: it is logged (type and stack,
/// never the turn's text) and the conversation gets a short apology in its language, but only when the turn failed
/// before it began to answer, that is before its change was stored. What the channel could not deliver is kept in the
/// outbox and delivered later (<see cref="DurableTurnContext"/>), so a lost reply never turns into a false apology.
/// A store that is out of reach (<see cref="Storage.Tables.StoreUnavailableException"/>) before the turn answered is
/// passed on: the turn did not happen and can run later.
/// </summary>
public sealed partial class TurnRunner(IBot bot, ILogger<TurnRunner> logger, Outbox? outbox = null)
{
    public async Task RunAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var durable = new DurableTurnContext(context, outbox);
        try
        {
            await bot.OnTurnAsync(durable, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ConversationUnreachableException)
        {
            LogUnreachable(context.Turn.Kind);
        }
        catch (Storage.Tables.StoreUnavailableException) when (!durable.HasBegunToAnswer)
        {
            // Not this turn's fault: whoever runs it waits for the store (and tells the conversation once).
            throw;
        }
        catch (Exception e) when (durable.HasBegunToAnswer)
        {
            // Its change was stored (the bot says things only after that): "nothing is lost, try again" would be false.
            LogFailedAfterAnswering(e, context.Turn.Kind, context.Turn.Conversation.ChannelId);
        }
        catch (Exception e)
        {
            LogFailed(e, context.Turn.Kind, context.Turn.Conversation.ChannelId);
            await ApologizeAsync(durable, cancellationToken);
        }
    }

    private async Task ApologizeAsync(DurableTurnContext context, CancellationToken cancellationToken)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Kind} turn on {ChannelId} failed after it began to answer; no apology")]
    private partial void LogFailedAfterAnswering(Exception exception, TurnKind kind, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Kind} turn could not be answered: the conversation is unreachable")]
    private partial void LogUnreachable(TurnKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the apology for a failed turn")]
    private partial void LogApologyFailed(Exception exception);
}

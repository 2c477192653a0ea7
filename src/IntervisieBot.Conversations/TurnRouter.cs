using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Dialogs;
using IntervisieBot.Conversations.Flows;
using IntervisieBot.Conversations.Messages;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Conversations.Texts;
using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Conversations;

/// <summary>
/// The bot's entry point for every turn. Membership changes are answered directly; messages and button presses go
/// through the dialog engine: <c>help</c> answers without touching a running flow, <c>stop</c> ends it (asking first
/// when the flow says so), a running flow gets the turn, and otherwise the command decides what starts.
/// </summary>
public sealed class TurnRouter(DialogSet dialogs, DialogTurnRunner runner, MethodLibrary methods, SessionRecordStore records, SessionRoutes routes) : IBot
{
    private const string StopPendingKey = "stopPending";
    private const string StopCard = "stop";

    public async Task OnTurnAsync(ITurnContext context, CancellationToken cancellationToken = default)
    {
        var turn = context.Turn;
        var texts = BotTexts.For(Languages.FromLocale(turn.Locale));
        switch (turn.Kind)
        {
            case TurnKind.BotAdded:
                await context.SendAsync(OutgoingMessage.FromCard(Cards.WelcomeFor(turn, texts)), cancellationToken);
                break;
            case TurnKind.Message when turn.Conversation.IsPersonal && Commands.RecognizeBare(turn.Text) == Command.None
                                       && await routes.FindAsync(turn.Conversation.ChannelId, turn.Conversation.TenantId, turn.From.Id, cancellationToken) is { } group
                                       && await ContributeAsync(context, group, cancellationToken):
                break;
            case TurnKind.Message or TurnKind.CardAction:
                await runner.RunAsync(dialogs, context, (dc, ct) => OnDialogTurnAsync(dc, texts, ct), cancellationToken);
                break;
            case TurnKind.Scheduled:
                await runner.RunAsync(dialogs, context, OnScheduledAsync, cancellationToken);
                break;
            default:
                // Removal and membership changes need no answer yet: nothing is posted, nothing is forgotten.
                break;
        }
    }

    private async Task OnDialogTurnAsync(DialogContext dc, BotTexts texts, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        if (turn.Kind == TurnKind.CardAction && await OnCardActionAsync(dc, texts, cancellationToken))
        {
            return;
        }

        if (dc.State.Values[StopPendingKey] is not null && await OnStopAnswerAsync(dc, texts, cancellationToken))
        {
            return;
        }

        var command = dc.ActiveDialog is null ? Commands.Recognize(turn.Text) : Commands.RecognizeBare(turn.Text);
        switch (command)
        {
            case Command.Help:
                await dc.SendAsync(OutgoingMessage.FromCard(Cards.Help(texts)), cancellationToken);
                return;
            case Command.Stop:
                await OnStopAsync(dc, texts, cancellationToken);
                return;
            default:
                break;
        }

        if (dc.ActiveDialog is not null)
        {
            await dc.ContinueDialogAsync(cancellationToken);
            return;
        }

        if (turn.Kind != TurnKind.Message)
        {
            return;
        }

        switch (command)
        {
            case Command.Methods:
                await dc.SendAsync(OutgoingMessage.FromCard(MethodCards.Overview(methods, texts, texts == BotTexts.Dutch)), cancellationToken);
                break;
            case Command.Advice:
                await dc.BeginDialogAsync(AdviceDialog.Id, cancellationToken: cancellationToken);
                break;
            case Command.Start when !turn.Conversation.IsPersonal:
                await dc.BeginDialogAsync(SessionSetupDialog.Id, new JsonObject { ["method"] = Commands.Parse(turn.Text).Argument }, cancellationToken);
                break;
            case Command.Report:
                var sessionTexts = SessionTexts.For(Languages.FromLocale(turn.Locale));
                var record = await records.LatestAsync(turn.Conversation, cancellationToken);
                await dc.SendAsync(
                    record is null
                        ? new OutgoingMessage(sessionTexts.NoReport)
                        : OutgoingMessage.FromCard(SessionDialog.ReportCard(record, methods, sessionTexts, sessionTexts == SessionTexts.Dutch)),
                    cancellationToken);
                break;
            default:
                await dc.SendAsync(new OutgoingMessage(command == Command.None ? texts.NotUnderstood : texts.NotYetAvailable), cancellationToken);
                break;
        }
    }

    /// <summary>Scheduled work reaches the dialog it names only while that dialog (the same version) is still on the stack.</summary>
    private Task OnScheduledAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var id = dc.Turn.Values.GetValueOrDefault(Dialog.ScheduledDialogKey);
        var instance = dc.State.Stack.LastOrDefault(i => i.Id == id);
        return instance is not null && dialogs.Find(instance.Id) is { } dialog && dialog.Version == instance.Version
            ? dialog.OnScheduledAsync(dc, instance, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>
    /// A private message while the member's group session waits for contributions is one, handled on the group's state.
    /// Otherwise it is an ordinary personal message, and the route, which has served its purpose, is dropped.
    /// </summary>
    private async Task<bool> ContributeAsync(ITurnContext context, ConversationAddress group, CancellationToken cancellationToken)
    {
        var contributed = false;
        await runner.RunAsync(dialogs, context.ForGroup(group), async (dc, ct) =>
        {
            if (dc.ActiveDialog is { Id: SessionDialog.DialogId } active && dialogs.Find(active.Id) is SessionDialog session && session.IsCollecting(active))
            {
                contributed = true;
                await dc.ContinueDialogAsync(ct);
            }
        }, cancellationToken);
        if (!contributed)
        {
            await routes.ForgetAsync(context.Turn.Conversation.ChannelId, context.Turn.Conversation.TenantId, context.Turn.From.Id, cancellationToken);
        }

        return contributed;
    }

    private async Task OnStopAsync(DialogContext dc, BotTexts texts, CancellationToken cancellationToken)
    {
        if (dc.ActiveDialog is null)
        {
            await dc.SendAsync(new OutgoingMessage(texts.NothingToStop), cancellationToken);
            return;
        }

        if (dc.State.Stack.Any(instance => dialogs.Find(instance.Id)?.ConfirmBeforeStop == true))
        {
            dc.State.Values[StopPendingKey] = true;
            var yesNo = ConfirmPrompt.Choices(texts == BotTexts.Dutch);
            await dc.SendAsync(OutgoingMessage.FromCard(new Card
            {
                Body = [new CardText(texts.ConfirmStop)],
                Buttons = yesNo.Select(c => Cards.Button(c.Title, c.Value, StopCard, c.Value == "yes" ? ButtonStyle.Destructive : ButtonStyle.Default)).ToList(),
            }), cancellationToken);
            return;
        }

        await dc.CancelAllDialogsAsync(cancellationToken);
        await dc.SendAsync(new OutgoingMessage(texts.Stopped), cancellationToken);
    }

    /// <summary>The answer to "are you sure you want to stop?"; anything else means no, and is handled as usual.</summary>
    private static async Task<bool> OnStopAnswerAsync(DialogContext dc, BotTexts texts, CancellationToken cancellationToken)
    {
        dc.State.Values.Remove(StopPendingKey);
        var typed = dc.Turn.Text.Trim().ToLowerInvariant();
        var yes = ConfirmPrompt.Choices(dutch: true)[0].Synonyms!.Contains(typed);
        var no = ConfirmPrompt.Choices(dutch: true)[1].Synonyms!.Contains(typed);
        if (!yes && !no)
        {
            return false;
        }

        await AnswerStopAsync(dc, texts, yes, cancellationToken);
        return true;
    }

    /// <summary>Yes ends every flow; no carries on where the group was.</summary>
    private static async Task AnswerStopAsync(DialogContext dc, BotTexts texts, bool stop, CancellationToken cancellationToken)
    {
        if (stop)
        {
            await dc.CancelAllDialogsAsync(cancellationToken);
        }

        await dc.SendAsync(new OutgoingMessage(stop ? texts.Stopped : texts.Continuing), cancellationToken);
    }

    /// <summary>Buttons of the bot's own cards; returns false for buttons that belong to a running flow.</summary>
    private static async Task<bool> OnCardActionAsync(DialogContext dc, BotTexts texts, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        turn.Values.TryGetValue(Cards.ActionKey, out var action);
        turn.Values.TryGetValue(Cards.CardKey, out var card);
        switch (card)
        {
            case "welcome":
                if (turn.ReplyToId is { } cardMessage)
                {
                    // Answered cards lose their buttons, so nobody presses them twice.
                    await dc.Context.UpdateAsync(cardMessage, OutgoingMessage.FromCard(Cards.WelcomeFor(turn, texts, turn.From.Name)), cancellationToken);
                }

                if (action == "help")
                {
                    await dc.SendAsync(OutgoingMessage.FromCard(Cards.Help(texts)), cancellationToken);
                }

                return true;
            case StopCard:
                var pending = dc.State.Values[StopPendingKey] is not null;
                dc.State.Values.Remove(StopPendingKey);
                if (turn.ReplyToId is { } stopMessage)
                {
                    await dc.Context.UpdateAsync(
                        stopMessage,
                        OutgoingMessage.FromCard(new Card { Body = [new CardText(texts.ConfirmStop), new CardText(string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.AnsweredBy, turn.From.Name), TextStyle.Subtle)] }),
                        cancellationToken);
                }

                if (pending)
                {
                    await AnswerStopAsync(dc, texts, action == "yes", cancellationToken);
                }

                return true;
            default:
                return false;
        }
    }
}

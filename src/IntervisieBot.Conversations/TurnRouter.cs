using IntervisieBot.Conversations.Texts;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations;

/// <summary>
/// The bot's entry point for every turn. Membership changes are answered directly; messages and button presses go
/// through the dialog engine: <c>help</c> answers without touching a running flow, <c>stop</c> ends it (asking first
/// when the flow says so), a running flow gets the turn, and otherwise the command decides what starts.
/// </summary>
public sealed class TurnRouter(
    DialogSet dialogs,
    DialogTurnRunner runner,
    IEnumerable<ICommandHandler> commandHandlers,
    IEnumerable<ICardHandler> cardHandlers,
    IEnumerable<IMembershipHandler> membershipHandlers,
    IEnumerable<IScheduledTurnHandler> scheduledHandlers,
    IEnumerable<IPersonalMessageRoute> personalRoutes) : IBot
{
    private const string StopPendingKey = "stopPending";

    /// <summary>Whether "stop" asked "are you sure?" and waits for the answer (a conversation-wide value).</summary>
    private static readonly ConversationValue<bool> StopPending = new(StopPendingKey, DialogStateJson.Default.Boolean);
    private const string StopCard = "stop";

    /// <summary>A button that stands for a typed command carries the command word under this key (e.g. "setup").</summary>
    public const string CommandKey = "command";

    private readonly Dictionary<Command, ICommandHandler> _commands = ByCommand(commandHandlers);
    private readonly Dictionary<string, ICardHandler> _cards = cardHandlers.ToDictionary(h => h.Card, StringComparer.Ordinal);
    private readonly Dictionary<string, IScheduledTurnHandler> _scheduled = scheduledHandlers.ToDictionary(h => h.Name, StringComparer.Ordinal);

    public async Task OnTurnAsync(ITurnContext context, CancellationToken cancellationToken = default)
    {
        var turn = context.Turn;
        var texts = BotTexts.For(Language.FromLocale(turn.Locale));
        switch (turn.Kind)
        {
            case TurnKind.BotAdded:
                await context.SendAsync(OutgoingMessage.FromCard(Cards.WelcomeFor(turn, texts)), cancellationToken);
                foreach (var handler in membershipHandlers)
                {
                    await handler.OnMembersChangedAsync(context, cancellationToken);
                }

                break;
            case TurnKind.Message or TurnKind.CardAction when turn.Conversation.IsPersonal && Commands.RecognizeBare(turn.Text) == Command.None
                                       && await RouteElsewhereAsync(context, cancellationToken):
                break;
            case TurnKind.Message or TurnKind.CardAction:
                await runner.RunAsync(dialogs, context, (dc, ct) => OnDialogTurnAsync(dc, texts, ct), cancellationToken);
                break;
            case TurnKind.MembersAdded or TurnKind.MembersRemoved:
                foreach (var handler in membershipHandlers)
                {
                    await handler.OnMembersChangedAsync(context, cancellationToken);
                }

                break;
            case TurnKind.Scheduled when turn.Values.TryGetValue(IScheduledTurnHandler.NameKey, out var name) && _scheduled.TryGetValue(name, out var scheduled):
                await scheduled.HandleAsync(context, cancellationToken);
                break;
            case TurnKind.Scheduled:
                await runner.RunAsync(dialogs, context, OnScheduledAsync, cancellationToken);
                break;
            default:
                // Removal needs no answer: nothing is posted, nothing is forgotten.
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

        if (StopPending.Has(dc.State) && await OnStopAnswerAsync(dc, texts, cancellationToken))
        {
            return;
        }

        var text = turn.Kind == TurnKind.CardAction && turn.Values.TryGetValue(CommandKey, out var pressed) ? pressed : turn.Text;
        var command = dc.ActiveDialog is null ? Commands.Recognize(text) : Commands.RecognizeBare(text);
        var running = RunningFlowWithStatus(dc);
        switch (command)
        {
            case Command.Help when running is var (flow, instance):
                // Mid-flow, help says where the flow is and which words work now.
                await dc.SendAsync(flow.Status(dc, instance), cancellationToken);
                return;
            case Command.Help:
                await dc.SendAsync(OutgoingMessage.FromCard(Cards.Help(texts)), cancellationToken);
                return;
            case Command.Start when running is var (flow, instance):
                await dc.SendAsync(flow.AlreadyRunning(dc, instance), cancellationToken);
                return;
            case Command.Stop:
                await OnStopAsync(dc, texts, cancellationToken);
                return;
            case Command.Case when dc.ActiveDialog is not null && turn.Conversation.IsPersonal && _commands.TryGetValue(command, out var prepare):
                // In a personal chat "casus" on its own starts the case preparation afresh, wherever an earlier one stopped.
                await dc.CancelAllDialogsAsync(cancellationToken);
                await prepare.HandleAsync(dc, command, "", cancellationToken);
                return;
            case Command.Forget or Command.Export when dc.ActiveDialog is not null && _commands.TryGetValue(command, out var privacy):
                // A request about the group's data is answered whatever runs; the running flow stays as it is.
                await privacy.HandleAsync(dc, command, "", cancellationToken);
                return;
            case Command.None when dc.ActiveDialog is not null && Commands.Parse(text) is (var typed and not Command.None, var argument)
                                   && _commands.TryGetValue(typed, out var anyway) && anyway.AnswersWhileAFlowRuns(typed, argument):
                // A typed command its feature answers whatever runs ("vergeet annuleren"); never an answer to the running flow.
                await anyway.HandleAsync(dc, typed, argument, cancellationToken);
                return;
            default:
                break;
        }

        if (dc.ActiveDialog is not null)
        {
            await dc.ContinueDialogAsync(cancellationToken);
            if (turn.Kind == TurnKind.Message && turn.MentionsBot && !dc.HasSaid)
            {
                // Never silent: a message to the bot that the flow left unanswered hears where the flow is.
                await dc.SendAsync(RunningFlowWithStatus(dc) is var (flow, instance) ? flow.Status(dc, instance) : new OutgoingMessage(texts.FlowWaiting), cancellationToken);
            }

            return;
        }

        if (turn.Kind != TurnKind.Message && command == Command.None)
        {
            if (turn.Kind == TurnKind.CardAction)
            {
                // A button whose flow is over, or that was never the presser's to press: only the presser hears so.
                await dc.Context.AnswerPresserAsync(new OutgoingMessage(texts.NothingRunningAnyMore), cancellationToken);
            }

            return;
        }

        if (_commands.TryGetValue(command, out var handler))
        {
            await handler.HandleAsync(dc, command, Commands.Parse(text).Argument, cancellationToken);
            return;
        }

        await dc.SendAsync(new OutgoingMessage(command == Command.None ? texts.NotUnderstood : texts.NotYetAvailable), cancellationToken);
    }

    private static Dictionary<Command, ICommandHandler> ByCommand(IEnumerable<ICommandHandler> handlers)
    {
        var byCommand = new Dictionary<Command, ICommandHandler>();
        foreach (var handler in handlers)
        {
            foreach (var command in handler.Commands)
            {
                if (!byCommand.TryAdd(command, handler))
                {
                    throw new InvalidOperationException($"Two handlers answer the command {command}: {byCommand[command].GetType().Name} and {handler.GetType().Name}.");
                }
            }
        }

        return byCommand;
    }

    /// <summary>The innermost running flow that can say where it is (a session), with its place on the stack.</summary>
    private (IFlowStatus Flow, DialogInstance Instance)? RunningFlowWithStatus(DialogContext dc)
    {
        for (var i = dc.State.Stack.Count - 1; i >= 0; i--)
        {
            var instance = dc.State.Stack[i];
            if (dialogs.Find(instance.Id) is IFlowStatus flow && ((Dialog)flow).Version == instance.Version)
            {
                return (flow, instance);
            }
        }

        return null;
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

    /// <summary>A personal message that a feature waits for elsewhere (a session collecting contributions) goes there.</summary>
    private async Task<bool> RouteElsewhereAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        foreach (var route in personalRoutes)
        {
            if (await route.TryRouteAsync(context, cancellationToken))
            {
                return true;
            }
        }

        return false;
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
            StopPending.Set(dc.State, true);
            var yesNo = ConfirmPrompt.Choices(texts.Language);
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
        StopPending.Remove(dc.State);
        var typed = dc.Turn.Text.Trim().ToLowerInvariant();
        var yes = ConfirmPrompt.Choices(Language.Dutch)[0].Synonyms!.Contains(typed);
        var no = ConfirmPrompt.Choices(Language.Dutch)[1].Synonyms!.Contains(typed);
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
    private async Task<bool> OnCardActionAsync(DialogContext dc, BotTexts texts, CancellationToken cancellationToken)
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

                // A button that stands for a command (set up) goes on as if the command was typed.
                return !turn.Values.ContainsKey(CommandKey);
            case IFlowStatus.ShowAgainCard:
                if (RunningFlowWithStatus(dc) is var (flow, instance))
                {
                    await flow.ShowAgainAsync(dc, instance, cancellationToken);
                }
                else
                {
                    await dc.Context.AnswerPresserAsync(new OutgoingMessage(texts.NothingRunningAnyMore), cancellationToken);
                }

                return true;
            case StopCard:
                var pending = StopPending.Has(dc.State);
                StopPending.Remove(dc.State);
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
            case not null when _cards.TryGetValue(card, out var handler):
                await handler.HandleAsync(dc, cancellationToken);
                return true;
            default:
                return false;
        }
    }
}

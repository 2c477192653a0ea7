using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations;

/// <summary>
/// Answers typed commands (or buttons that stand for one) when no flow is running in the conversation. Each feature
/// registers its own with <see cref="ConversationsServiceCollectionExtensions.AddCommandHandler{THandler}"/>, so the
/// router stays the same when a feature is added.
/// </summary>
public interface ICommandHandler
{
    IReadOnlyCollection<Command> Commands { get; }

    /// <param name="dc">The turn, with the conversation's dialogs and state.</param>
    /// <param name="command">Which of <see cref="Commands"/> it is.</param>
    /// <param name="argument">What followed the command word ("start incidentmethode" → "incidentmethode").</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the command, typed with this argument, is answered even while a flow runs (where otherwise only a command
    /// word on its own counts, and "volgende keer ..." is an answer to the flow). No, unless the feature says so.
    /// </summary>
    bool AnswersWhileAFlowRuns(Command command, string argument) => false;
}

/// <summary>
/// Handles the buttons of one kind of card (the <see cref="Cards.CardKey"/> value of its buttons) that do not belong
/// to a running flow, e.g. the buttons of a reminder. Runs before the flow gets the turn.
/// </summary>
public interface ICardHandler
{
    string Card { get; }

    Task HandleAsync(DialogContext dc, CancellationToken cancellationToken);
}

/// <summary>Adds a feature's dialogs to the bot's one <see cref="DialogSet"/>.</summary>
public interface IDialogModule
{
    void AddTo(DialogSet dialogs);
}

/// <summary>
/// Hears people joining or leaving a conversation (<see cref="TurnKind.MembersAdded"/> and
/// <see cref="TurnKind.MembersRemoved"/>), and the bot being added (<see cref="TurnKind.BotAdded"/>),
/// outside of the dialogs; e.g. to offer a change to the group's roster. Each handler looks at the turn's kind.
/// </summary>
public interface IMembershipHandler
{
    Task OnMembersChangedAsync(ITurnContext context, CancellationToken cancellationToken);
}

/// <summary>
/// Proactive work of a feature that needs no dialog (a reminder): a scheduled turn whose values carry
/// <see cref="NameKey"/> = <see cref="Name"/> goes here instead of to the dialogs. It runs in the group's lane, and
/// what it sends goes through the channel like any turn (buttons in the group are stamped with the conversation).
/// </summary>
public interface IScheduledTurnHandler
{
    public const string NameKey = "handler";

    string Name { get; }

    Task HandleAsync(ITurnContext context, CancellationToken cancellationToken);
}

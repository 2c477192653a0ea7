using IntervisieBot.Dialogs;

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

using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations;

/// <summary>
/// A long-running flow (a session) that can say where it is, so the bot is never silent while it runs: <c>help</c>,
/// and any message that mentions the bot and that the flow left unanswered, get <see cref="Status"/>; <c>start</c>
/// gets <see cref="AlreadyRunning"/>, whose button (<see cref="ShowAgainCard"/>) shows the flow's current card again.
/// The router finds it on the dialog itself, so it names no feature.
/// </summary>
public interface IFlowStatus
{
    /// <summary>The card of the button that shows a running flow's current card again.</summary>
    const string ShowAgainCard = "flow";

    /// <summary>Where the flow is now, who acts, and the words that work now, in the member's language.</summary>
    OutgoingMessage Status(DialogContext dc, DialogInstance instance);

    /// <summary>The answer to starting the flow again while it runs, with a button <see cref="ShowAgainCard"/>.</summary>
    OutgoingMessage AlreadyRunning(DialogContext dc, DialogInstance instance);

    /// <summary>Shows the flow's current card again (the button of <see cref="AlreadyRunning"/>).</summary>
    Task ShowAgainAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken);
}

using System.Text.Json.Nodes;

namespace IntervisieBot.Dialogs;

public enum DialogTurnStatus
{
    /// <summary>The dialog waits for the next turn (it asked something).</summary>
    Waiting,

    /// <summary>The dialog finished; its result goes to the dialog below it on the stack.</summary>
    Complete,

    /// <summary>The stack was emptied.</summary>
    Cancelled,
}

public sealed record DialogTurnResult(DialogTurnStatus Status, JsonNode? Result = null)
{
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);
}

/// <summary>
/// A step of a conversation with a fixed <see cref="Id"/> that is stored on the dialog stack: never rename it, and
/// give a changed flow a new <see cref="Version"/> so conversations running the old one can finish.
/// </summary>
public abstract class Dialog(string id, int version = 1)
{
    /// <summary>The key in a scheduled turn's values that names the dialog the work is for.</summary>
    public const string ScheduledDialogKey = "dialog";

    public string Id { get; } = id;

    public int Version { get; } = version;

    /// <summary>Whether "stop" asks first (a running session: stopping loses what was said).</summary>
    public virtual bool ConfirmBeforeStop => false;

    /// <summary>Starts the dialog; it is already on the stack, with empty state.</summary>
    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken);

    /// <summary>A new turn arrived while this dialog is the active one.</summary>
    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>
    /// Work this dialog scheduled came due (a <see cref="Messages.TurnKind.Scheduled"/> turn naming it) while it is on
    /// the stack as <paramref name="instance"/>. The work may be stale by now: check that what it is about still holds.
    /// </summary>
    public virtual Task OnScheduledAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A child this dialog started has ended with <paramref name="result"/>.</summary>
    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, JsonNode? result, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(result, cancellationToken);
}

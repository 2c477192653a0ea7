using System.Text.Json.Nodes;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Dialogs;

/// <summary>
/// One turn's view of a conversation's dialogs: the turn (who said what), the stack, and what the bot says back.
/// Everything said is buffered by the runner and goes out only once the new state is stored.
/// </summary>
public sealed class DialogContext(DialogSet dialogs, ConversationState state, ITurnContext context)
{
    public ITurnContext Context { get; } = context;

    public IncomingTurn Turn => Context.Turn;

    public ConversationState State { get; } = state;

    public DialogInstance? ActiveDialog => State.Active;

    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default) => Context.SendAsync(message, cancellationToken);

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = dialogs.Find(dialogId) ?? throw new InvalidOperationException($"No dialog has the id '{dialogId}'.");
        State.Stack.Add(new DialogInstance { Id = dialog.Id, Version = dialog.Version });
        return await dialog.BeginAsync(this, options, cancellationToken);
    }

    /// <summary>Gives the turn to the active dialog; with no active dialog, nothing happens.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        var active = ActiveDialog;
        if (active is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete);
        }

        if (State.Stack.Any(instance => dialogs.Find(instance.Id) is not { } known || known.Version != instance.Version))
        {
            // A flow on the stack changed or vanished since this conversation started it (a deploy): end it cleanly
            // rather than misread its stored step index and values.
            await CancelAllDialogsAsync(cancellationToken);
            return new DialogTurnResult(DialogTurnStatus.Cancelled);
        }

        return await dialogs.Find(active.Id)!.ContinueAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(JsonNode? result = null, CancellationToken cancellationToken = default)
    {
        if (State.Stack.Count > 0)
        {
            State.Stack.RemoveAt(State.Stack.Count - 1);
        }

        var parent = ActiveDialog;
        if (parent is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        var dialog = dialogs.Find(parent.Id);
        return dialog is null
            ? new DialogTurnResult(DialogTurnStatus.Complete, result)
            : await dialog.ResumeAsync(this, result?.DeepClone(), cancellationToken);
    }

    /// <summary>Ends the active dialog and starts another in its place (a loop, or a flow handing over).</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default)
    {
        if (State.Stack.Count > 0)
        {
            State.Stack.RemoveAt(State.Stack.Count - 1);
        }

        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        _ = cancellationToken;
        State.Stack.Clear();
        return Task.FromResult(new DialogTurnResult(DialogTurnStatus.Cancelled));
    }
}

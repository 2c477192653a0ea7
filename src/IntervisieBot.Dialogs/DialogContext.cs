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

    /// <summary>
    /// Whether the bot said anything this turn so far (sent, updated, privately or to the presser). A context that does
    /// not hold back what is said cannot tell, and counts as having said something.
    /// </summary>
    public bool HasSaid => Context is not BufferedTurnContext buffered || buffered.HasSaid;

    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default) => Context.SendAsync(message, cancellationToken);

    /// <summary>
    /// Shows <paramref name="message"/> as the live message named <paramref name="slot"/> (e.g. <c>session</c>) of this
    /// conversation: the first time it is posted, later it is updated in place (Teams <c>updateActivity</c>, Slack
    /// <c>chat.update</c>). A message that is gone, or a channel that gave no id, gets a new one. The slot's message id is
    /// kept in the conversation's state; a turn that only updates it costs no extra read or write.
    /// </summary>
    public async Task ShowLiveAsync(string slot, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(slot);
        ArgumentNullException.ThrowIfNull(message);
        var known = State.LiveMessages?.GetValueOrDefault(slot);
        if (Context is BufferedTurnContext buffered)
        {
            buffered.ShowLive(slot, known, message, remember: true);
            return;
        }

        RememberLive(State, slot, await LiveMessage.ShowAsync(Context, known, message, cancellationToken));
    }

    /// <summary>
    /// Updates the live message of <paramref name="slot"/> a last time with <paramref name="finalMessage"/> (e.g. without
    /// its buttons; null leaves it as it is) and forgets the slot: the next <see cref="ShowLiveAsync"/> posts a new one.
    /// </summary>
    public async Task EndLiveAsync(string slot, OutgoingMessage? finalMessage = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(slot);
        var known = State.LiveMessages?.GetValueOrDefault(slot);
        RememberLive(State, slot, null);
        if (Context is BufferedTurnContext buffered)
        {
            if (finalMessage is not null)
            {
                buffered.ShowLive(slot, known, finalMessage, remember: false);
            }

            buffered.EndLive(slot);
        }
        else if (finalMessage is not null)
        {
            await LiveMessage.ShowAsync(Context, known, finalMessage, cancellationToken);
        }
    }

    /// <summary>Keeps <paramref name="messageId"/> as the slot's message (null: forgets the slot).</summary>
    internal static void RememberLive(ConversationState state, string slot, string? messageId)
    {
        if (messageId is not null)
        {
            (state.LiveMessages ??= new Dictionary<string, string>(StringComparer.Ordinal))[slot] = messageId;
        }
        else if (state.LiveMessages is { } live && live.Remove(slot) && live.Count == 0)
        {
            state.LiveMessages = null;
        }
    }

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

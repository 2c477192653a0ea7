using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Dialogs;

/// <summary>What a step of a <see cref="WaterfallDialog{TState}"/> sees and can do.</summary>
public sealed class WaterfallStepContext<TState>
    where TState : class, new()
{
    private readonly WaterfallDialog<TState> _dialog;

    internal WaterfallStepContext(WaterfallDialog<TState> dialog, DialogContext dc, int index, JsonNode? options, TState state, JsonNode? result)
    {
        _dialog = dialog;
        Dialogs = dc;
        Index = index;
        Options = options;
        State = state;
        Result = result;
    }

    public DialogContext Dialogs { get; }

    public int Index { get; }

    public JsonNode? Options { get; }

    /// <summary>The options the dialog began with as a typed value (null when it began without).</summary>
    public T? OptionsAs<T>(JsonTypeInfo<T> type) => Options is null ? default : Options.Deserialize(type);

    /// <summary>What this run of the dialog has gathered; stored with it at the end of the turn.</summary>
    public TState State { get; }

    /// <summary>The previous step's result, or the answer to the prompt it asked.</summary>
    public JsonNode? Result { get; }

    /// <summary>Who gave <see cref="Result"/>: the sender of this turn.</summary>
    public Participant From => Dialogs.Turn.From;

    public Task<DialogTurnResult> NextAsync(JsonNode? result = null, CancellationToken cancellationToken = default) =>
        _dialog.NextAsync(Dialogs, Index, result, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken = default) =>
        Dialogs.BeginDialogAsync(promptId, options.ToJson(), cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default) =>
        Dialogs.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndAsync(JsonNode? result = null, CancellationToken cancellationToken = default) =>
        Dialogs.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default) =>
        Dialogs.ReplaceDialogAsync(dialogId, options, cancellationToken);
}

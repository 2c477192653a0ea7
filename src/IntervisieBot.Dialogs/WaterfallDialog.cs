using System.Text.Json.Nodes;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Dialogs;

/// <summary>
/// A dialog of ordered steps. Each step gets the options the dialog began with, the values gathered so far, the
/// previous step's (or child's) result and who gave it, and then prompts, moves on, ends, or hands over.
/// The step index is stored, so steps must not be reordered without a new version of the dialog.
/// </summary>
public sealed class WaterfallDialog(string id, IReadOnlyList<Func<WaterfallStepContext, CancellationToken, Task<DialogTurnResult>>> steps, int version = 1)
    : Dialog(id, version)
{
    private const string StepKey = "step";
    private const string OptionsKey = "options";
    private const string ValuesKey = "values";

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = options?.DeepClone();
        state[ValuesKey] = new JsonObject();
        return RunStepAsync(dc, 0, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        // A waterfall that is itself the active dialog (no prompt running) takes the turn's text as the step's result.
        RunStepAsync(dc, CurrentStep(dc) + 1, JsonValue.Create(dc.Turn.Text), cancellationToken);

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, JsonNode? result, CancellationToken cancellationToken) =>
        RunStepAsync(dc, CurrentStep(dc) + 1, result, cancellationToken);

    private static int CurrentStep(DialogContext dc) => dc.ActiveDialog!.State[StepKey]?.GetValue<int>() ?? 0;

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, JsonNode? result, CancellationToken cancellationToken)
    {
        if (index >= steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var state = dc.ActiveDialog!.State;
        state[StepKey] = index;
        var step = new WaterfallStepContext(this, dc, index, state[OptionsKey], (JsonObject)state[ValuesKey]!, result);
        return await steps[index](step, cancellationToken);
    }

    internal Task<DialogTurnResult> NextAsync(DialogContext dc, int index, JsonNode? result, CancellationToken cancellationToken) =>
        RunStepAsync(dc, index + 1, result, cancellationToken);
}

/// <summary>What a waterfall step sees and can do.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _dialog;

    internal WaterfallStepContext(WaterfallDialog dialog, DialogContext dc, int index, JsonNode? options, JsonObject values, JsonNode? result)
    {
        _dialog = dialog;
        Dialogs = dc;
        Index = index;
        Options = options;
        Values = values;
        Result = result;
    }

    public DialogContext Dialogs { get; }

    public int Index { get; }

    public JsonNode? Options { get; }

    /// <summary>What this run of the dialog has gathered; stored with it.</summary>
    public JsonObject Values { get; }

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

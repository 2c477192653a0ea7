using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace IntervisieBot.Dialogs;

/// <summary>
/// A dialog of ordered steps whose gathered values are one typed <typeparamref name="TState"/> (a fresh one when the
/// dialog begins), stored with the step index and the options as a <see cref="DialogState{T}"/>. Each step gets the
/// options, the state, the previous step's (or child's) result and who gave it, and then prompts, moves on, ends, or
/// hands over. The step index is stored, so steps must not be reordered, nor the state's shape changed, without a
/// new version of the dialog.
/// </summary>
public sealed class WaterfallDialog<TState>(
    string id,
    JsonTypeInfo<TState> stateType,
    IReadOnlyList<Func<WaterfallStepContext<TState>, CancellationToken, Task<DialogTurnResult>>> steps,
    int version = 1)
    : Dialog(id, version)
    where TState : class, new()
{
    private const string StepKey = "step";
    private const string OptionsKey = "options";

    private readonly DialogState<TState> _state = new(stateType);

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        instance.State[OptionsKey] = options?.DeepClone();
        _state.Set(instance, new TState());
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

        var instance = dc.ActiveDialog!;
        instance.State[StepKey] = index;
        var state = _state.Find(instance) ?? _state.Set(instance, new TState());
        var step = new WaterfallStepContext<TState>(this, dc, index, instance.State[OptionsKey], state, result);
        return await steps[index](step, cancellationToken);
    }

    internal Task<DialogTurnResult> NextAsync(DialogContext dc, int index, JsonNode? result, CancellationToken cancellationToken) =>
        RunStepAsync(dc, index + 1, result, cancellationToken);
}

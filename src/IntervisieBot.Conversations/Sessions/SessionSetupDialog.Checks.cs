using System.Text.Json.Nodes;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// The set-up's checks from the sources' pitfalls: a method that needs a safe group is confirmed by the group first
/// (or another is chosen); fewer than three people get a warning before the session begins; and in a larger group the
/// case owner may choose one or two askers for the question steps while the others observe.
/// </summary>
public static partial class SessionSetupDialog
{
    /// <summary>
    /// From how many participants besides the case owner the case owner is asked who may ask. In smaller groups the
    /// questions do not come from all sides at once: the rounds and private collect steps already keep them in order,
    /// and leaving out observers would leave the case owner with one or two views.
    /// </summary>
    public const int AskersFrom = 5;

    /// <summary>How many people the sources advise at least (the case owner and the facilitator counted).</summary>
    public const int AdvisedPresent = 3;

    private const string AnotherMethod = "another-method";
    private const string StartAnyway = "start-anyway";
    private const string NotNow = "not-now";
    private const string Everyone = "everyone";
    private const string OnlyFirst = "only-first";

    private static SessionCheckTexts CheckTexts(WaterfallStepContext<SessionSetupState> step) => SessionCheckTexts.For(LanguageOf(step));

    /// <summary>A method that needs a safe group (<see cref="MethodDefinition.RequiresHighSafety"/>): the group confirms, or chooses another.</summary>
    private static async Task<DialogTurnResult> ConfirmSafetyStepAsync(WaterfallStepContext<SessionSetupState> step, MethodLibrary library, CancellationToken cancellationToken)
    {
        if (step.Result is null || library.Find(step.Result.GetValue<string>()) is not { RequiresHighSafety: true } method)
        {
            return await step.NextAsync(step.Result, cancellationToken);
        }

        var texts = CheckTexts(step);
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Text = texts.SafetyQuestion(method.Name.In(LanguageOf(step))) + "\n\n" + method.Summary.In(LanguageOf(step)),
            Choices =
            [
                // "Yes" answers with the method itself, so the next step goes on as for any other method.
                new PromptChoice(method.Id, texts.SafeEnoughButton, texts.SafeEnoughWords),
                new PromptChoice(AnotherMethod, texts.OtherMethodButton, texts.OtherMethodWords),
            ],
            Language = LanguageOf(step),
        }, cancellationToken);
    }

    /// <summary>"Choose another method" starts the set-up again at the method choice (nothing else was asked yet); else <paramref name="next"/>.</summary>
    private static Task<DialogTurnResult> UnlessAnotherMethodAsync(WaterfallStepContext<SessionSetupState> step, Func<Task<DialogTurnResult>> next, CancellationToken cancellationToken) =>
        step.Result?.GetValue<string>() == AnotherMethod
            ? step.ReplaceAsync(Id, Options(Options(step) with { Method = null }), cancellationToken)
            : next();

    /// <summary>Fewer than three taking part: why the sources advise at least three, and "start anyway" or "not now".</summary>
    private static async Task<DialogTurnResult> WarnFewPresentStepAsync(WaterfallStepContext<SessionSetupState> step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        step.State.Present = [.. step.Result.AsArray().Select(v => v!.GetValue<string>()).Append(step.State.Owner!).Append(step.State.Facilitator!).Distinct()];
        if (step.State.Present.Count >= AdvisedPresent)
        {
            return await step.NextAsync(JsonValue.Create(StartAnyway), cancellationToken);
        }

        var texts = CheckTexts(step);
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Text = texts.FewPresent(step.State.Present.Count),
            Choices =
            [
                new PromptChoice(StartAnyway, texts.StartAnywayButton, texts.StartAnywayWords),
                new PromptChoice(NotNow, texts.NotNowButton, texts.NotNowWords),
            ],
            Language = LanguageOf(step),
        }, cancellationToken);
    }

    /// <summary>
    /// After "not now" the set-up ends. Else, when the method has question steps and five or more participants besides
    /// the case owner are present, the case owner chooses who may ask: everyone, or a first asker (a second is asked next).
    /// </summary>
    private static async Task<DialogTurnResult> AskAskersStepAsync(WaterfallStepContext<SessionSetupState> step, MethodLibrary library, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        if (step.Result.GetValue<string>() == NotNow)
        {
            await step.Dialogs.SendAsync(new OutgoingMessage(CheckTexts(step).NotNow), cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        var method = library.Get(step.State.Method!);
        var participants = Participants(step);
        if (!method.Steps.Any(s => s.IsQuestionStep && s.Actor == StepActor.Participants) || participants.Count < AskersFrom)
        {
            return await step.NextAsync(JsonValue.Create(Everyone), cancellationToken);
        }

        var texts = CheckTexts(step);
        var owner = Members(step).Single(m => m.Id == step.State.Owner);
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Text = texts.AskAskers(owner.Name),
            Choices = [new PromptChoice(Everyone, texts.EveryoneButton, texts.EveryoneWords), .. participants.Select(m => new PromptChoice(m.Id, m.Name))],
            AllowedAnswerers = [owner.Id],
            Language = LanguageOf(step),
        }, cancellationToken);
    }

    /// <summary>After a first asker: "only them", or a second one.</summary>
    private static async Task<DialogTurnResult> AskSecondAskerStepAsync(WaterfallStepContext<SessionSetupState> step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        if (step.Result.GetValue<string>() == Everyone)
        {
            return await step.NextAsync(JsonValue.Create(Everyone), cancellationToken);
        }

        var first = Members(step).Single(m => m.Id == step.Result.GetValue<string>());
        step.State.Askers = [first.Id];
        var texts = CheckTexts(step);
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Text = texts.AskSecondAsker(first.Name),
            Choices = [new PromptChoice(OnlyFirst, texts.OnlyButton(first.Name), ["alleen", "only", "nee", "no"]), .. Participants(step).Where(m => m.Id != first.Id).Select(m => new PromptChoice(m.Id, m.Name))],
            AllowedAnswerers = [step.State.Owner!],
            Language = LanguageOf(step),
        }, cancellationToken);
    }

    /// <summary>The askers are known: the group hears once who asks and who observes; then the present go on to the session.</summary>
    private static async Task<DialogTurnResult> AskersChosenStepAsync(WaterfallStepContext<SessionSetupState> step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        if (step.Result.GetValue<string>() is var second && second != Everyone && second != OnlyFirst)
        {
            step.State.Askers.Add(second);
        }

        if (step.State.Askers.Count > 0)
        {
            var participants = Participants(step);
            await step.Dialogs.SendAsync(
                new OutgoingMessage(CheckTexts(step).AskersChosen(
                    [.. participants.Where(m => step.State.Askers.Contains(m.Id)).Select(m => m.Name)],
                    [.. participants.Where(m => !step.State.Askers.Contains(m.Id)).Select(m => m.Name)])),
                cancellationToken);
        }

        return await step.NextAsync(new JsonArray([.. step.State.Present.Select(id => JsonValue.Create(id))]), cancellationToken);
    }

    /// <summary>Who is present besides the case owner, in the conversation's order.</summary>
    private static List<SessionMember> Participants(WaterfallStepContext<SessionSetupState> step) =>
        [.. Members(step).Where(m => m.Id != step.State.Owner && step.State.Present.Contains(m.Id))];
}

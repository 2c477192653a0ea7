using System.Globalization;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Texts;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Conversations.Methods;

/// <summary>
/// J7, method advice: what kind of question, how much time, how experienced and how safe the group is; then the
/// methods ranked, each with its reasons. Four questions with buttons; typed answers work too. Version 2 keeps its
/// answers in an <see cref="AdviceState"/>.
/// </summary>
public static class AdviceDialog
{
    public const string Id = "advice";
    private const string ChoiceId = "advice-choice";
    private const string ConfirmId = "advice-confirm";

    /// <summary>The conversation's recommended method; see <see cref="Sessions.SessionSetupDialog.RecommendedMethod"/>.</summary>
    private static ConversationValue<string> RecommendedMethod => Sessions.SessionSetupDialog.RecommendedMethod;

    public static DialogSet AddAdvice(this DialogSet dialogs, MethodLibrary library) => dialogs
        .Add(new ChoicePrompt(ChoiceId))
        .Add(new ConfirmPrompt(ConfirmId))
        .Add(new WaterfallDialog<AdviceState>(Id, DialogStateJson.Default.AdviceState,
        [
            AskKindStepAsync,
            AskTimeStepAsync,
            AskExperienceStepAsync,
            AskSafetyStepAsync,
            (step, ct) => AdviseStepAsync(step, library, ct),
        ],
        version: 2));

    private static Language LanguageOf(WaterfallStepContext<AdviceState> step) => step.State.Language;

    private static BotTexts Texts(WaterfallStepContext<AdviceState> step) => BotTexts.For(LanguageOf(step));

    private static Task<DialogTurnResult> AskKindStepAsync(WaterfallStepContext<AdviceState> step, CancellationToken cancellationToken)
    {
        var language = Language.FromLocale(step.Dialogs.Turn.Locale);
        step.State.Language = language;
        var kinds = Enum.GetValues<QuestionKind>()
            .Select(k => new PromptChoice(k.ToString(), Capitalize(AdviceReasons.Describe(k).In(language))))
            .ToList();
        return step.PromptAsync(ChoiceId, new PromptOptions { Text = Texts(step).AdviceAskKind, Choices = kinds, Language = language }, cancellationToken);
    }

    private static Task<DialogTurnResult> AskTimeStepAsync(WaterfallStepContext<AdviceState> step, CancellationToken cancellationToken) =>
        KeepAndAskAsync(step, (s, kind) => s.Kind = kind, ChoiceId, texts => new PromptOptions
        {
            Text = texts.AdviceAskTime,
            Choices = texts.AdviceTimes.Select(t => new PromptChoice(t.Value, t.Title, [t.Value, t.Value + " min", t.Value + " minuten", t.Value + " minutes"])).ToList(),
        }, cancellationToken);

    private static Task<DialogTurnResult> AskExperienceStepAsync(WaterfallStepContext<AdviceState> step, CancellationToken cancellationToken) =>
        KeepAndAskAsync(step, (s, minutes) => s.Minutes = minutes, ChoiceId, texts => new PromptOptions
        {
            Text = texts.AdviceAskExperience,
            Choices = texts.AdviceExperiences.Select(e => new PromptChoice(e.Value, e.Title, [e.Value, e.Title.Split(':', ' ')[0]])).ToList(),
        }, cancellationToken);

    private static Task<DialogTurnResult> AskSafetyStepAsync(WaterfallStepContext<AdviceState> step, CancellationToken cancellationToken) =>
        KeepAndAskAsync(step, (s, experience) => s.Experience = experience, ConfirmId, texts => new PromptOptions { Text = texts.AdviceAskSafety }, cancellationToken);

    /// <summary>Keeps the previous answer with <paramref name="keep"/> and asks the next question; no answer ends the advice.</summary>
    private static async Task<DialogTurnResult> KeepAndAskAsync(
        WaterfallStepContext<AdviceState> step, Action<AdviceState, string> keep, string promptId, Func<BotTexts, PromptOptions> question, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        keep(step.State, step.Result.GetValue<string>());
        return await step.PromptAsync(promptId, question(Texts(step)) with { Language = LanguageOf(step) }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AdviseStepAsync(WaterfallStepContext<AdviceState> step, MethodLibrary library, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        var request = new AdviceRequest(
            Enum.Parse<QuestionKind>(step.State.Kind!),
            TimeSpan.FromMinutes(int.Parse(step.State.Minutes!, CultureInfo.InvariantCulture)),
            step.State.Experience switch
            {
                "new" => GroupExperience.New,
                "some" => GroupExperience.Some,
                _ => GroupExperience.Experienced,
            },
            step.Result.GetValue<bool>());
        var ranked = MethodAdvisor.Rank(request, library);
        RecommendedMethod.Set(step.Dialogs.State, ranked[0].Method.Id);
        await step.Dialogs.SendAsync(OutgoingMessage.FromCard(MethodCards.Advice(ranked, Texts(step), LanguageOf(step))), cancellationToken);
        return await step.EndAsync(JsonValue.Create(ranked[0].Method.Id), cancellationToken);
    }

    private static async Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext<AdviceState> step, CancellationToken cancellationToken)
    {
        await step.Dialogs.SendAsync(new OutgoingMessage(Texts(step).AdviceGaveUp), cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

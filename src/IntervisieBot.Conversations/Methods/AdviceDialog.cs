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
/// methods ranked, each with its reasons. Four questions with buttons; typed answers work too.
/// </summary>
public static class AdviceDialog
{
    public const string Id = "advice";
    private const string ChoiceId = "advice-choice";
    private const string ConfirmId = "advice-confirm";

    public static DialogSet AddAdvice(this DialogSet dialogs, MethodLibrary library) => dialogs
        .Add(new ChoicePrompt(ChoiceId))
        .Add(new ConfirmPrompt(ConfirmId))
        .Add(new WaterfallDialog(Id,
        [
            AskKindStepAsync,
            AskTimeStepAsync,
            AskExperienceStepAsync,
            AskSafetyStepAsync,
            (step, ct) => AdviseStepAsync(step, library, ct),
        ]));

    private static Language LanguageOf(WaterfallStepContext step) => StoredLanguage.Read(step.Values) ?? Language.Dutch;

    private static BotTexts Texts(WaterfallStepContext step) => BotTexts.For(LanguageOf(step));

    private static Task<DialogTurnResult> AskKindStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var language = Language.FromLocale(step.Dialogs.Turn.Locale);
        step.Values[StoredLanguage.Key] = StoredLanguage.Write(language);
        var kinds = Enum.GetValues<QuestionKind>()
            .Select(k => new PromptChoice(k.ToString(), Capitalize(AdviceReasons.Describe(k).In(language))))
            .ToList();
        return step.PromptAsync(ChoiceId, new PromptOptions { Text = Texts(step).AdviceAskKind, Choices = kinds, Language = language }, cancellationToken);
    }

    private static Task<DialogTurnResult> AskTimeStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        KeepAndAskAsync(step, "kind", ChoiceId, texts => new PromptOptions
        {
            Text = texts.AdviceAskTime,
            Choices = texts.AdviceTimes.Select(t => new PromptChoice(t.Value, t.Title, [t.Value, t.Value + " min", t.Value + " minuten", t.Value + " minutes"])).ToList(),
        }, cancellationToken);

    private static Task<DialogTurnResult> AskExperienceStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        KeepAndAskAsync(step, "minutes", ChoiceId, texts => new PromptOptions
        {
            Text = texts.AdviceAskExperience,
            Choices = texts.AdviceExperiences.Select(e => new PromptChoice(e.Value, e.Title, [e.Value, e.Title.Split(':', ' ')[0]])).ToList(),
        }, cancellationToken);

    private static Task<DialogTurnResult> AskSafetyStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        KeepAndAskAsync(step, "experience", ConfirmId, texts => new PromptOptions { Text = texts.AdviceAskSafety }, cancellationToken);

    /// <summary>Keeps the previous answer under <paramref name="key"/> and asks the next question; no answer ends the advice.</summary>
    private static async Task<DialogTurnResult> KeepAndAskAsync(
        WaterfallStepContext step, string key, string promptId, Func<BotTexts, PromptOptions> question, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        step.Values[key] = step.Result.DeepClone();
        return await step.PromptAsync(promptId, question(Texts(step)) with { Language = LanguageOf(step) }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AdviseStepAsync(WaterfallStepContext step, MethodLibrary library, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        var request = new AdviceRequest(
            Enum.Parse<QuestionKind>(step.Values["kind"]!.GetValue<string>()),
            TimeSpan.FromMinutes(int.Parse(step.Values["minutes"]!.GetValue<string>(), CultureInfo.InvariantCulture)),
            step.Values["experience"]!.GetValue<string>() switch
            {
                "new" => GroupExperience.New,
                "some" => GroupExperience.Some,
                _ => GroupExperience.Experienced,
            },
            step.Result.GetValue<bool>());
        var ranked = MethodAdvisor.Rank(request, library);
        step.Dialogs.State.Values[Sessions.SessionSetupDialog.RecommendedMethodKey] = ranked[0].Method.Id;
        await step.Dialogs.SendAsync(OutgoingMessage.FromCard(MethodCards.Advice(ranked, Texts(step), LanguageOf(step))), cancellationToken);
        return await step.EndAsync(JsonValue.Create(ranked[0].Method.Id), cancellationToken);
    }

    private static async Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Dialogs.SendAsync(new OutgoingMessage(Texts(step).AdviceGaveUp), cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

using System.Globalization;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Conversations.Texts;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Conversations.Methods;

/// <summary>
/// J7, method advice: what kind of question, how much time, how experienced and how safe the group is; then the
/// methods ranked, each with its reasons. Four questions with buttons; typed answers work too. In a group that is set
/// up the time is the group's meeting length, not asked. When the waiting case's owner already chose a method, that
/// choice stays first and the advice is a second opinion. Version 3 keeps its answers and the meeting length in an
/// <see cref="AdviceState"/>.
/// </summary>
public static class AdviceDialog
{
    public const string Id = "advice";
    private const string ChoiceId = "advice-choice";
    private const string ConfirmId = "advice-confirm";

    /// <summary>The conversation's recommended method; see <see cref="Sessions.SessionSetupDialog.RecommendedMethod"/>.</summary>
    private static ConversationValue<string> RecommendedMethod => Sessions.SessionSetupDialog.RecommendedMethod;

    public static DialogSet AddAdvice(this DialogSet dialogs, MethodLibrary library, GroupStore groups, ISessionCases cases) => dialogs
        .Add(new ChoicePrompt(ChoiceId))
        .Add(new ConfirmPrompt(ConfirmId))
        .Add(new WaterfallDialog<AdviceState>(Id, DialogStateJson.Default.AdviceState,
        [
            (step, ct) => AskKindStepAsync(step, groups, ct),
            AskTimeStepAsync,
            AskExperienceStepAsync,
            AskSafetyStepAsync,
            (step, ct) => AdviseStepAsync(step, library, groups, cases, ct),
        ],
        version: 3));

    private static Language LanguageOf(WaterfallStepContext<AdviceState> step) => step.State.Language;

    private static BotTexts Texts(WaterfallStepContext<AdviceState> step) => BotTexts.For(LanguageOf(step));

    private static async Task<DialogTurnResult> AskKindStepAsync(WaterfallStepContext<AdviceState> step, GroupStore groups, CancellationToken cancellationToken)
    {
        var language = Language.FromLocale(step.Dialogs.Turn.Locale);
        step.State.Language = language;
        if (await GroupAsync(step, groups, cancellationToken) is { } group)
        {
            step.State.MeetingMinutes = (int)group.Settings.Duration.TotalMinutes;
        }

        var kinds = Enum.GetValues<QuestionKind>()
            .Select(k => new PromptChoice(k.ToString(), Capitalize(AdviceReasons.Describe(k).In(language))))
            .ToList();
        return await step.PromptAsync(ChoiceId, new PromptOptions { Text = Texts(step).AdviceAskKind, Choices = kinds, Language = language }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskTimeStepAsync(WaterfallStepContext<AdviceState> step, CancellationToken cancellationToken)
    {
        // A group that is set up told the bot how long it meets: asking again would invite a different answer.
        if (step.Result is not null && step.State.MeetingMinutes is { } minutes)
        {
            step.State.Kind = step.Result.GetValue<string>();
            return await step.NextAsync(JsonValue.Create(minutes.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        }

        return await KeepAndAskAsync(step, (s, kind) => s.Kind = kind, ChoiceId, texts => new PromptOptions
        {
            Text = texts.AdviceAskTime,
            Choices = texts.AdviceTimes.Select(t => new PromptChoice(t.Value, t.Title, [t.Value, t.Value + " min", t.Value + " minuten", t.Value + " minutes"])).ToList(),
        }, cancellationToken);
    }

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

    private static async Task<DialogTurnResult> AdviseStepAsync(
        WaterfallStepContext<AdviceState> step, MethodLibrary library, GroupStore groups, ISessionCases cases, CancellationToken cancellationToken)
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
        var texts = Texts(step);
        var language = LanguageOf(step);

        // The case owner's own choice is never silently overridden: it stays the one "start" offers first.
        var group = await GroupAsync(step, groups, cancellationToken);
        var choice = group is null ? null : await cases.OwnersChoiceAsync(step.Dialogs.Turn.Conversation, cancellationToken);
        var chosen = choice is null ? null : library.Find(choice.MethodId);
        var ownersChoice = chosen is null
            ? null
            : texts.AdviceOwnersChoice(group!.Roster.Find(choice!.OwnerId)?.Name ?? texts.AdviceCaseOwner, chosen.Name.In(language));
        var recommended = chosen ?? ranked[0].Method;
        RecommendedMethod.Set(step.Dialogs.State, recommended.Id);
        var meetingLength = step.State.MeetingMinutes is { } minutes ? texts.AdviceMeetingLength(minutes) : null;
        await step.Dialogs.SendAsync(OutgoingMessage.FromCard(MethodCards.Advice(ranked, texts, language, ownersChoice, meetingLength)), cancellationToken);
        return await step.EndAsync(JsonValue.Create(recommended.Id), cancellationToken);
    }

    /// <summary>The group the advice is asked in, when it is set up; null in a personal chat.</summary>
    private static async Task<Group?> GroupAsync(WaterfallStepContext<AdviceState> step, GroupStore groups, CancellationToken cancellationToken) =>
        step.Dialogs.Turn.Conversation.IsPersonal ? null : await groups.GetAsync(step.Dialogs.Turn.Conversation, cancellationToken);

    private static async Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext<AdviceState> step, CancellationToken cancellationToken)
    {
        await step.Dialogs.SendAsync(new OutgoingMessage(Texts(step).AdviceGaveUp), cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

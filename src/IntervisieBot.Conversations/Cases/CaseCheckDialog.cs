using System.Text.Json.Nodes;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Cases;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Questions;

namespace IntervisieBot.Conversations.Cases;

/// <summary>
/// The checks of a saved case, each with why it matters: the owner's own question, current, reflective rather than a
/// task, not a 'why' question (with a chance to rewrite it); then the kind of question and the methods that fit.
/// Version 2 keeps the answers in a <see cref="CaseCheckState"/>.
/// </summary>
public sealed class CaseCheckDialog(CaseStore cases, CaseGroups caseGroups, MethodLibrary library, TimeProvider time) : IDialogModule
{
    public const string Id = "case-check";

    public void AddTo(DialogSet dialogs) => dialogs.Add(new WaterfallDialog<CaseCheckState>(Id, DialogStateJson.Default.CaseCheckState,
    [
        CheckOwnStepAsync,
        CheckCurrentStepAsync,
        CheckReflectiveStepAsync,
        CheckWhyStepAsync,
        RewriteStepAsync,
        AskKindStepAsync,
        AdviseStepAsync,
    ],
    version: 2));

    /// <summary>Stores the case as typed (a new text starts its checks afresh), then walks the owner through the checks.</summary>
    public async Task SaveAndCheckAsync(DialogContext dc, ConversationAddress address, Group group, PreparedCase typed, CaseTexts texts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = typed with
        {
            MeetingId = CaseGroups.MeetingFor(group, dc.Turn.From.Id, now)?.Key,
            Checks = new CaseChecks(),
            Kind = null,
            Recommended = [],
            UpdatedAt = now,
            ClosedAt = null,
            Keep = false,
        };
        await cases.SaveAsync(address, dc.Turn.From.Id, stored, cancellationToken);
        await dc.SendAsync(new OutgoingMessage(texts.Saved), cancellationToken);
        await dc.CancelAllDialogsAsync(cancellationToken);
        await dc.BeginDialogAsync(Id, null, cancellationToken);
    }

    private async Task<DialogTurnResult> CheckOwnStepAsync(WaterfallStepContext<CaseCheckState> step, CancellationToken cancellationToken)
    {
        step.State.Language = Language.FromLocale(step.Dialogs.Turn.Locale);
        return await step.PromptAsync(CaseDialogs.ConfirmId, new PromptOptions { Text = Texts(step).CheckOwn, Language = LanguageOf(step) }, cancellationToken);
    }

    private async Task<DialogTurnResult> CheckCurrentStepAsync(WaterfallStepContext<CaseCheckState> step, CancellationToken cancellationToken)
    {
        await NoteAsync(step, (s, own) => s.Own = own, t => t.CheckOwnNo, cancellationToken);
        return await step.PromptAsync(CaseDialogs.ConfirmId, new PromptOptions { Text = Texts(step).CheckCurrent, Language = LanguageOf(step) }, cancellationToken);
    }

    private async Task<DialogTurnResult> CheckReflectiveStepAsync(WaterfallStepContext<CaseCheckState> step, CancellationToken cancellationToken)
    {
        await NoteAsync(step, (s, current) => s.Current = current, t => t.CheckCurrentNo, cancellationToken);
        if (await CaseAsync(step, cancellationToken) is not { } value)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        var texts = Texts(step);
        return await step.PromptAsync(CaseDialogs.ConfirmId, new PromptOptions
        {
            Text = (CaseReview.LooksLikeTask(value.Question) ? texts.LooksLikeTask : "") + texts.CheckReflective,
            Language = LanguageOf(step),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> CheckWhyStepAsync(WaterfallStepContext<CaseCheckState> step, CancellationToken cancellationToken)
    {
        await NoteAsync(step, (s, reflective) => s.Reflective = reflective, t => t.CheckReflectiveNo, cancellationToken);
        if (await CaseAsync(step, cancellationToken) is not { } value)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        return WhyQuestion.IsWhyQuestion(QuestionText(value.Question))
            ? await step.PromptAsync(CaseDialogs.ConfirmId, new PromptOptions { Text = Texts(step).WhyFound, Language = LanguageOf(step) }, cancellationToken)
            : await step.NextAsync(JsonValue.Create(false), cancellationToken);
    }

    private async Task<DialogTurnResult> RewriteStepAsync(WaterfallStepContext<CaseCheckState> step, CancellationToken cancellationToken) =>
        step.Result?.GetValue<bool>() == true
            ? await step.PromptAsync(CaseDialogs.TextId, new PromptOptions { Text = Texts(step).AskRewrite, Language = LanguageOf(step) }, cancellationToken)
            : await step.NextAsync(null, cancellationToken);

    private async Task<DialogTurnResult> AskKindStepAsync(WaterfallStepContext<CaseCheckState> step, CancellationToken cancellationToken)
    {
        var texts = Texts(step);
        if (step.Result?.GetValue<string>() is { Length: > 0 } rewritten)
        {
            step.State.Question = rewritten;
            if (WhyQuestion.IsWhyQuestion(QuestionText(rewritten)))
            {
                await step.Dialogs.SendAsync(new OutgoingMessage(texts.StillWhy), cancellationToken);
            }
        }

        var language = LanguageOf(step);
        return await step.PromptAsync(CaseDialogs.ChoiceId, new PromptOptions
        {
            Text = texts.AskKind,
            Choices =
            [
                .. Enum.GetValues<QuestionKind>().Select(k => new PromptChoice(k.ToString(), Capitalize(AdviceReasons.Describe(k).In(language)))),
                new PromptChoice("unknown", texts.DontKnow, ["weet niet", "geen idee", "don't know", "not sure"]),
            ],
            Language = language,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AdviseStepAsync(WaterfallStepContext<CaseCheckState> step, CancellationToken cancellationToken)
    {
        var texts = Texts(step);
        var language = LanguageOf(step);
        var address = CaseGroups.GroupOf(step.Dialogs);
        if (address is null || await CaseAsync(step, cancellationToken) is not { } value || await caseGroups.MemberGroupAsync(address, step.From.Id, cancellationToken) is not { } group)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        if (step.State.Question is { } question)
        {
            value = value with { Question = question };
        }

        var answer = step.Result?.GetValue<string>();
        QuestionKind kind;
        if (Enum.TryParse<QuestionKind>(answer, out var chosen))
        {
            kind = chosen;
        }
        else
        {
            kind = CaseReview.InferKind(value);
            await step.Dialogs.SendAsync(new OutgoingMessage(CaseCards.Format(texts.Inferred, AdviceReasons.Describe(kind).In(language))), cancellationToken);
        }

        var ranked = MethodAdvisor.Rank(AdviceFor(group, kind), library);
        value = value with
        {
            Kind = kind,
            Recommended = [.. ranked.Take(3).Select(a => a.Method.Id)],
            Checks = new CaseChecks(step.State.Own, step.State.Current, step.State.Reflective),
            UpdatedAt = time.GetUtcNow(),
        };
        var saved = await cases.SaveAsync(address, step.From.Id, value, cancellationToken);
        await step.Dialogs.SendAsync(OutgoingMessage.FromCard(CaseCards.Advice(texts, ranked, value.PreferredMethod, library, language)), cancellationToken);
        var ready = CaseCards.ForOwner(texts, value, library, language, address.ConversationId, address.Scope.ToString(), texts.ReadyTitle, saved);
        CardElement[] fundamental = value.LacksFundamentalQuestion && library.Find(PreparedCase.SocraticMethod) is { } socratic
            ? [new CardText(CaseCards.Format(texts.AddFundamental, socratic.Name.In(language)))]
            : [];
        await step.Dialogs.SendAsync(OutgoingMessage.FromCard(ready with { Body = [new CardText(value.Title, TextStyle.Heading), .. ready.Body, new CardText(texts.Ready), .. fundamental] }), cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    /// <summary>
    /// Advice for the group as it is: the meeting's length it set (the methods' own steps hold the introduction,
    /// the rules and the close, so nothing comes off), and how far the group has come (experience and safety grow with
    /// the sessions held).
    /// </summary>
    public static AdviceRequest AdviceFor(Group group, QuestionKind kind)
    {
        var held = group.Outcomes.Count;
        return new AdviceRequest(
            kind,
            group.Settings.Duration,
            held == 0 ? GroupExperience.New : held < 6 ? GroupExperience.Some : GroupExperience.Experienced,
            HighSafety: held >= 3);
    }

    /// <summary>The answer to a check (kept with <paramref name="keep"/>); "no" gets the explanation of what works better.</summary>
    private static async Task NoteAsync(WaterfallStepContext<CaseCheckState> step, Action<CaseCheckState, bool?> keep, Func<CaseTexts, string> onNo, CancellationToken cancellationToken)
    {
        keep(step.State, step.Result?.GetValue<bool>());
        if (step.Result?.GetValue<bool>() == false)
        {
            await step.Dialogs.SendAsync(new OutgoingMessage(onNo(Texts(step))), cancellationToken);
        }
    }

    private static Language LanguageOf(WaterfallStepContext<CaseCheckState> step) => CaseDialogs.LanguageOf(step.Dialogs, step.State.Language);

    private static CaseTexts Texts(WaterfallStepContext<CaseCheckState> step) => CaseTexts.For(LanguageOf(step));

    /// <summary>"Mijn vraag is: waarom …" asks 'why' as much as "Waarom …" does.</summary>
    private static string QuestionText(string question)
    {
        var trimmed = question.Trim();
        foreach (var lead in new[] { "mijn vraag is", "my question is" })
        {
            if (trimmed.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                return trimmed[lead.Length..].TrimStart(':', ' ', ',');
            }
        }

        return trimmed;
    }

    private async Task<PreparedCase?> CaseAsync(WaterfallStepContext<CaseCheckState> step, CancellationToken cancellationToken) =>
        CaseGroups.GroupOf(step.Dialogs) is { } address ? await cases.GetAsync(address, step.From.Id, cancellationToken) : null;

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// "start [method]": which method (skipped when named; the recommended one first), who brings the case, who
/// facilitates (never the case owner), and who else is present, from the conversation's own members; then the
/// running session takes over. Version 2 added "who is present"; version 3 keeps its answers in a
/// <see cref="SessionSetupState"/>; version 4 adds the checks (a safe group, fewer than three, the askers; see
/// SessionSetupDialog.Checks.cs), and asks which
/// meeting the session belongs to when the plan cannot tell (<c>SessionSetupDialog.Meeting.cs</c>).
/// </summary>
public static partial class SessionSetupDialog
{
    public const string Id = "session-setup";

    /// <summary>
    /// The conversation's recommended method (a method id in the conversation's values), set by the method advice and
    /// later by a prepared case; "start" offers it first.
    /// </summary>
    public const string RecommendedMethodKey = "recommendedMethod";

    /// <summary>The conversation's recommended method as a typed value; see <see cref="RecommendedMethodKey"/>.</summary>
    public static ConversationValue<string> RecommendedMethod { get; } = new(RecommendedMethodKey, DialogStateJson.Default.String);

    /// <summary>A method fits a second case in the same meeting when it takes an hour at most.</summary>
    public static readonly TimeSpan ShortMethod = TimeSpan.FromMinutes(60);

    private const string ChoiceId = "session-choice";
    private const string PresentId = "session-present";

    public static DialogSet AddSessions(
        this DialogSet dialogs, MethodLibrary library, TimeProvider time, SessionRoutes routes, SessionRecordStore records, ISessionRotation rotation, ISessionCases cases, Scheduling.IDueWorkScheduler? scheduler = null, RevealOrder? order = null) => dialogs
        .Add(new ChoicePrompt(ChoiceId))
        .Add(new MultiChoicePrompt(PresentId))
        .Add(new SessionDialog(library, time, routes, records, rotation, cases, scheduler, order))
        .Add(new WaterfallDialog<SessionSetupState>(Id, DialogStateJson.Default.SessionSetupState,
        [
            (step, ct) => AskMethodStepAsync(step, library, cases, ct),
            (step, ct) => ConfirmSafetyStepAsync(step, library, ct),
            (step, ct) => UnlessAnotherMethodAsync(step, () => AskCaseOwnerStepAsync(step, rotation, ct), ct),
            AskFacilitatorStepAsync,
            AskPresentStepAsync,
            WarnFewPresentStepAsync,
            (step, ct) => AskAskersStepAsync(step, library, ct),
            AskSecondAskerStepAsync,
            AskersChosenStepAsync,
            AskMeetingStepAsync,
            (step, ct) => BeginStepAsync(step, library, time, ct),
        ],
        version: 4));

    private static Language LanguageOf(WaterfallStepContext<SessionSetupState> step) => step.State.Language;

    private static SessionSetupOptions Options(WaterfallStepContext<SessionSetupState> step) =>
        step.OptionsAs(DialogStateJson.Default.SessionSetupOptions) ?? new SessionSetupOptions();

    /// <summary>The options that begin set-up of a session.</summary>
    public static JsonNode Options(SessionSetupOptions options) => JsonSerializer.SerializeToNode(options, DialogStateJson.Default.SessionSetupOptions)!;

    private static SessionTexts Texts(WaterfallStepContext<SessionSetupState> step) => SessionTexts.For(LanguageOf(step));

    private static async Task<DialogTurnResult> AskMethodStepAsync(WaterfallStepContext<SessionSetupState> step, MethodLibrary library, ISessionCases cases, CancellationToken cancellationToken)
    {
        var language = Language.FromLocale(step.Dialogs.Turn.Locale);
        step.State.Language = language;
        var named = Options(step).Method is { Length: > 0 } name ? library.Find(name) : null;
        if (named is not null)
        {
            return await step.NextAsync(JsonValue.Create(named.Id), cancellationToken);
        }

        var secondCase = Options(step).FirstOwner is not null;
        // A prepared case's method (the owner's wish, or what the advice gave it) goes first; else the group's last advice.
        var fromCase = secondCase ? null : await cases.MethodForAsync(step.Dialogs.Turn.Conversation, cancellationToken);
        var recommended = (fromCase ?? RecommendedMethod.Get(step.Dialogs.State)) is { } id ? library.Find(id) : null;
        var methods = library.All.Where(m => !secondCase || m.Duration.Max <= ShortMethod).ToList();
        if (recommended is not null && methods.Remove(recommended))
        {
            methods.Insert(0, recommended);
        }
        else
        {
            recommended = null;
        }

        var texts = Texts(step);
        var choices = methods
            .Select(m => new PromptChoice(
                m.Id,
                $"{m.Name.In(language)} ({(int)m.Duration.Min.TotalMinutes}–{(int)m.Duration.Max.TotalMinutes} min){(m == recommended ? " · " + texts.Recommended : "")}",
                [m.Name.In(language), .. m.Aliases]))
            .ToList();
        return await step.PromptAsync(ChoiceId, new PromptOptions { Text = secondCase ? texts.AskSecondCaseMethod : texts.AskMethod, Choices = choices, Language = language }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskCaseOwnerStepAsync(WaterfallStepContext<SessionSetupState> step, ISessionRotation rotation, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        step.State.Method = step.Result.GetValue<string>();
        var members = await step.Dialogs.Context.GetMembersAsync(cancellationToken);
        if (members.Count < 2)
        {
            await step.Dialogs.SendAsync(new OutgoingMessage(Texts(step).TooFewMembers), cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        step.State.Members = [.. members.Select(m => new SessionMember(m.Id, m.Name))];
        var firstOwner = Options(step).FirstOwner;
        // A group that is set up: the rotation's case owner and facilitator come first, marked; anyone can still be chosen.
        var opening = firstOwner is null ? await rotation.OpenAsync(step.Dialogs.Turn.Conversation, LanguageOf(step), cancellationToken) : null;
        step.State.ProposedFacilitator = opening?.Facilitator;
        step.State.OnTurn = opening?.OnTurn;
        // The meeting the session belongs to comes from the same reading of the group (a second case carries its own).
        step.State.Meeting = opening?.Meeting ?? Options(step).Meeting;
        step.State.MeetingQuestion = opening is { Meeting: null } ? opening.MeetingQuestion : null;
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Text = opening?.Proposal is { } proposal ? Texts(step).AskCaseOwner + "\n\n" + proposal : Texts(step).AskCaseOwner,
            Choices = Proposed(members.Where(m => m.Id != firstOwner).Select(m => new PromptChoice(m.Id, m.Name)), opening?.CaseOwner, opening?.OnTurn),
            Language = LanguageOf(step),
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskFacilitatorStepAsync(WaterfallStepContext<SessionSetupState> step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        step.State.Owner = step.Result.GetValue<string>();
        var owner = step.Result.GetValue<string>();
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Text = Texts(step).AskFacilitator,
            Choices = Proposed(
                Members(step).Where(m => m.Id != owner).Select(m => new PromptChoice(m.Id, m.Name)),
                step.State.ProposedFacilitator,
                step.State.OnTurn),
            Language = LanguageOf(step),
        }, cancellationToken);
    }

    /// <summary>The case owner and the facilitator are there by definition; the others are ticked, all of them at first.</summary>
    private static async Task<DialogTurnResult> AskPresentStepAsync(WaterfallStepContext<SessionSetupState> step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        step.State.Facilitator = step.Result.GetValue<string>();
        var members = Members(step);
        var owner = members.Single(m => m.Id == step.State.Owner);
        var facilitator = members.Single(m => m.Id == step.Result.GetValue<string>());
        var others = members.Where(m => m.Id != owner.Id && m.Id != facilitator.Id).ToList();
        if (others.Count == 0)
        {
            return await step.NextAsync(new JsonArray(), cancellationToken);
        }

        return await step.PromptAsync(PresentId, new PromptOptions
        {
            Text = Texts(step).AskPresent(owner.Name, facilitator.Name),
            Choices = others.Select(m => new PromptChoice(m.Id, m.Name)).ToList(),
            Language = LanguageOf(step),
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> BeginStepAsync(WaterfallStepContext<SessionSetupState> step, MethodLibrary library, TimeProvider time, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        var present = PresentAndMeeting(step);
        var members = Members(step);
        var owner = members.Single(m => m.Id == step.State.Owner);
        var facilitator = members.Single(m => m.Id == step.State.Facilitator);
        present.Add(owner.Id);
        present.Add(facilitator.Id);
        var attendees = members.Where(m => present.Contains(m.Id)).ToList();
        var session = Session.Start(library.Get(step.State.Method!), owner, facilitator, attendees, time.GetUtcNow(), step.State.Askers);
        RecommendedMethod.Remove(step.Dialogs.State);
        return await step.ReplaceAsync(
            SessionDialog.DialogId,
            SessionDialog.Options(new SessionDialogState { Session = session.ToSnapshot(), Language = LanguageOf(step), SecondCase = Options(step).FirstOwner is not null, Meeting = step.State.Meeting }),
            cancellationToken);
    }

    /// <summary>The members to choose from, the one the rotation proposes first and marked as on turn.</summary>
    private static List<PromptChoice> Proposed(IEnumerable<PromptChoice> choices, string? proposed, string? onTurn)
    {
        var list = choices.ToList();
        var index = list.FindIndex(c => c.Value == proposed);
        if (index < 0 || onTurn is null)
        {
            return list;
        }

        var choice = list[index];
        list.RemoveAt(index);
        list.Insert(0, choice with { Title = Format(onTurn, choice.Title), Synonyms = [choice.Title, .. choice.Synonyms ?? []] });
        return list;
    }

    private static string Format(string template, params object[] values) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, values);

    private static List<SessionMember> Members(WaterfallStepContext<SessionSetupState> step) => step.State.Members;
}

using IntervisieBot.Conversations.Cases;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Questions;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// A running session in the group conversation (J6): the agreements, then the method's steps one by one, each with
/// its interaction; then the close (the case owner's insight and one action, the rating) and the record. Only the
/// facilitator and the case owner move it (others get a friendly explanation); the rules live in the domain
/// <see cref="Session"/>, the cards in <see cref="SessionCards"/>, what a member asks in <see cref="SessionAction"/>.
/// Contributions to a collect step are sent privately and arrive here through <see cref="SessionRoutes"/>.
/// </summary>
/// <remarks>
/// Version 2: the close's phase moved from the dialog state into the stored session; a session stored by version 1
/// ends cleanly at the next turn. Version 3: the state is one typed <see cref="SessionDialogState"/>.
/// </remarks>
public sealed partial class SessionDialog(
    MethodLibrary library, TimeProvider time, SessionRoutes routes, SessionRecordStore records, ISessionRotation rotation, ISessionCases cases, IDueWorkScheduler? scheduler = null)
    : Dialog(DialogId, version: 3)
{
    public const string DialogId = "session";

    /// <summary>A session that starts this soon after the last one ended belongs to the same meeting.</summary>
    public static readonly TimeSpan SameMeeting = TimeSpan.FromHours(4);

    /// <summary>The running session's state; the timer is kept in it too.</summary>
    internal static DialogState<SessionDialogState> States { get; } = new(DialogStateJson.Default.SessionDialogState);
    private readonly SessionTimer _timer = new(scheduler, time);

    public override bool ConfirmBeforeStop => true;

    /// <summary>Whether the stored session waits for private contributions now (a running collect step).</summary>
    public bool IsCollecting(DialogInstance instance)
    {
        var session = Load(States.Get(instance));
        return session.Status == SessionStatus.Running && session.Phase == SessionPhase.Steps
            && session.CurrentStep.Interaction == StepInteraction.Collect;
    }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var state = States.Set(dc.ActiveDialog!, options!.Deserialize(States.Type)!);
        var session = Load(state);
        var (texts, language) = Texts(state);
        var held = await records.AllAsync(dc.Turn.Conversation, cancellationToken);
        var previous = held.MaxBy(r => r.EndedAt);
        // A case after another one the same evening is part of the same meeting: no agreements, check-in or follow-up again.
        var secondCase = state.SecondCase || (previous is not null && session.StartedAt - previous.EndedAt < SameMeeting);
        var meetingNumber = held.Select(r => r.StartedAt.UtcDateTime.Date).Distinct().Count() + (secondCase ? 0 : 1);
        // A group that is set up opens with its own agreements, and every few sessions with reviewing them.
        var opening = await rotation.OpenAsync(dc.Turn.Conversation, language, cancellationToken);
        await dc.SendAsync(OutgoingMessage.FromCard(SessionCards.Opening(session, opening, previous, meetingNumber, secondCase, texts, language)), cancellationToken);
        await IntroduceCaseAsync(dc, session, language, cancellationToken);
        await AnnounceStepAsync(dc, session, texts, language, cancellationToken);
        Save(state, session);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = States.Get(dc.ActiveDialog!);
        var session = Load(state);
        var (texts, language) = Texts(state);
        var result = dc.Turn.PersonalChat is not null
            ? await OnPrivateContributionAsync(dc, session, texts, cancellationToken)
            : await OnGroupTurnAsync(dc, session, texts, language, cancellationToken);
        if (result.Status == DialogTurnStatus.Waiting && dc.ActiveDialog?.Id == DialogId)
        {
            Save(States.Get(dc.ActiveDialog), session);
        }

        return result;
    }

    private async Task<DialogTurnResult> OnGroupTurnAsync(DialogContext dc, Session session, SessionTexts texts, Language language, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var by = turn.From.Id;
        if (SessionAction.Parse(turn) is not { } action)
        {
            return await OnTextAsync(dc, session, texts, cancellationToken);
        }

        if (action.Moves && action.At is { } pressedAt && pressedAt != SessionCards.Where(session))
        {
            // A button on an earlier card (or a second press of the same one) must not move the session again.
            return await SayAsync(dc, texts.StaleButton, cancellationToken);
        }

        switch (action.Kind)
        {
            case SessionActionKind.Next or SessionActionKind.Skip or SessionActionKind.Back when session.Phase != SessionPhase.Steps:
                return await MoveOnInCloseAsync(dc, session, texts, language, cancellationToken);
            case SessionActionKind.Next when session.IsLastStep:
                return await FinishStepsAsync(dc, session, texts, language, cancellationToken);
            case SessionActionKind.Next or SessionActionKind.Skip or SessionActionKind.Back:
                var collected = CollectedHere(session);
                var moved = action.Kind switch
                {
                    SessionActionKind.Next => session.Next(by),
                    SessionActionKind.Skip => session.Skip(by),
                    _ => session.Back(by),
                };
                if (moved != SessionOutcome.Done)
                {
                    return await ExplainAsync(dc, session, moved, texts, cancellationToken);
                }

                if (collected is { Count: > 0 } && action.Kind != SessionActionKind.Back)
                {
                    await dc.SendAsync(OutgoingMessage.FromCard(SessionCards.Reveal(collected, session, texts, language)), cancellationToken);
                }

                await AnnounceStepAsync(dc, session, texts, language, cancellationToken);
                return DialogTurnResult.Waiting;
            case SessionActionKind.Pause:
                var paused = session.Pause(by);
                if (paused == SessionOutcome.Done)
                {
                    await _timer.PauseAsync(dc, cancellationToken);
                }

                return await (paused == SessionOutcome.Done ? SayAsync(dc, texts.Paused, cancellationToken) : ExplainAsync(dc, session, paused, texts, cancellationToken));
            case SessionActionKind.Resume:
                var resumed = session.Resume(by);
                if (resumed == SessionOutcome.Done)
                {
                    await _timer.ResumeAsync(dc, cancellationToken);
                }

                return await (resumed == SessionOutcome.Done ? SayAsync(dc, texts.Resumed, cancellationToken) : ExplainAsync(dc, session, resumed, texts, cancellationToken));
            case SessionActionKind.Extend:
                return await ExtendAsync(dc, session, action.Minutes, texts, language, cancellationToken);
            case SessionActionKind.PassTheFloor:
                var passed = session.PassTheFloor(by);
                if (passed != SessionOutcome.Done)
                {
                    return await ExplainAsync(dc, session, passed, texts, cancellationToken);
                }

                return await SayAsync(dc, session.CurrentSpeaker is { } next ? Format(texts.FloorTo, next.Name) : texts.RoundDone, cancellationToken);
            case SessionActionKind.ShareCase:
                return await ShareCaseAsync(dc, session, language, cancellationToken);
            case SessionActionKind.Rate:
                return await RateAsync(dc, session, action.Value ?? "", texts, cancellationToken);
            case SessionActionKind.Rank:
                return await RankAsync(dc, session, action.Labels, texts, cancellationToken);
            default:
                var picked = session.Choose(by, action.Value ?? "");
                return await (picked == SessionOutcome.Done
                    ? SayAsync(dc, Format(texts.Chosen, session.Chosen!), cancellationToken)
                    : ExplainAsync(dc, session, picked, texts, cancellationToken));
        }
    }

    /// <summary>Plain words in the group: what they mean depends on the step (or the part of the close) the session is in.</summary>
    private static async Task<DialogTurnResult> OnTextAsync(DialogContext dc, Session session, SessionTexts texts, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var text = turn.Text.Trim();
        if (text.Length == 0)
        {
            return DialogTurnResult.Waiting;
        }

        switch (session.Phase)
        {
            case SessionPhase.Insight:
                return session.GiveInsight(turn.From.Id, text) == SessionOutcome.Done
                    ? await AskForPhaseAsync(dc, session, texts, cancellationToken)
                    : DialogTurnResult.Waiting;
            case SessionPhase.Action:
                return session.GiveAction(turn.From.Id, text) == SessionOutcome.Done
                    ? await AskForPhaseAsync(dc, session, texts, cancellationToken)
                    : DialogTurnResult.Waiting;
            case SessionPhase.Rating:
                return await RateAsync(dc, session, text, texts, cancellationToken);
            default:
                break;
        }

        switch (session.CurrentStep.Interaction)
        {
            case StepInteraction.Reflect:
                var reflected = session.Reflect(turn.From.Id, text);
                return await (reflected == SessionOutcome.Done
                    ? SayAsync(dc, Format(texts.Noted, turn.From.Name), cancellationToken)
                    : ExplainAsync(dc, session, reflected, texts, cancellationToken));
            case StepInteraction.Choose:
                var chose = session.Choose(turn.From.Id, text);
                return await (chose == SessionOutcome.Done
                    ? SayAsync(dc, Format(texts.Chosen, session.Chosen!), cancellationToken)
                    : ExplainAsync(dc, session, chose, texts, cancellationToken));
            case StepInteraction.Rank when SessionAction.LabelInWords(text) is { } rank:
                var labelled = session.Label(turn.From.Id, rank.Number, rank.Label);
                return await (labelled == SessionOutcome.Done
                    ? SayAsync(dc, Format(texts.Noted, turn.From.Name), cancellationToken)
                    : ExplainAsync(dc, session, labelled, texts, cancellationToken));
            default:
                // Ordinary conversation during a step: the bot stays quiet.
                return DialogTurnResult.Waiting;
        }
    }

    private static async Task<DialogTurnResult> OnPrivateContributionAsync(DialogContext dc, Session session, SessionTexts texts, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var outcome = session.Contribute(turn.From.Id, turn.Text);
        var reply = outcome switch
        {
            SessionOutcome.Done => texts.CollectReceived(session.ContributionsOf(turn.From.Id), session.CurrentStep.Collect!.PerParticipant),
            _ => Explanation(session, outcome, texts),
        };
        if (outcome == SessionOutcome.Done && session.Contributions[^1].IsWhyQuestion)
        {
            reply += "\n\n" + WhyQuestion.Suggestion(turn.Text)!.In(texts.Language);
        }

        await dc.Context.SendPrivateAsync(turn.From, new OutgoingMessage(reply), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    /// <summary>The case introduction: when the case owner prepared a case, a button only they can use to share it.</summary>
    private async Task IntroduceCaseAsync(DialogContext dc, Session session, Language language, CancellationToken cancellationToken)
    {
        if (await cases.HasCaseAsync(dc.Turn.Conversation, session.CaseOwner.Id, cancellationToken))
        {
            await dc.SendAsync(OutgoingMessage.FromCard(SessionCards.CaseIntroduction(session, language)), cancellationToken);
        }
    }

    /// <summary>"Deel mijn casus": the owner's prepared case in the group (title, situation, question, the moment that matters); nobody else can.</summary>
    private async Task<DialogTurnResult> ShareCaseAsync(DialogContext dc, Session session, Language language, CancellationToken cancellationToken)
    {
        var texts = CaseTexts.For(language);
        if (dc.Turn.From.Id != session.CaseOwner.Id)
        {
            return await SayAsync(dc, Format(texts.OnlyOwnerShares, session.CaseOwner.Name), cancellationToken);
        }

        if (await cases.SharedCardAsync(dc.Turn.Conversation, session.CaseOwner.Id, session.CaseOwner.Name, language, cancellationToken) is not { } shared)
        {
            return await SayAsync(dc, texts.NothingToShare, cancellationToken);
        }

        if (dc.Turn.ReplyToId is { } introduction)
        {
            await dc.Context.UpdateAsync(introduction, OutgoingMessage.FromCard(SessionCards.CaseShared(session, language)), cancellationToken);
        }

        await dc.SendAsync(OutgoingMessage.FromCard(shared), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    /// <summary>The case owner's labels from the rank card: each question's choice, then the helpful ones to answer.</summary>
    private static async Task<DialogTurnResult> RankAsync(DialogContext dc, Session session, IReadOnlyList<(int Number, QuestionLabel Label)> labels, SessionTexts texts, CancellationToken cancellationToken)
    {
        foreach (var (number, label) in labels)
        {
            var outcome = session.Label(dc.Turn.From.Id, number, label);
            if (outcome != SessionOutcome.Done)
            {
                return await ExplainAsync(dc, session, outcome, texts, cancellationToken);
            }
        }

        var questions = session.CollectedForThisStep;
        var helpful = questions.Where(c => c.Label == QuestionLabel.Helpful).ToList();
        var summary = texts.RankSaved(helpful.Count, questions.Count(c => c.Label == QuestionLabel.Neutral), questions.Count(c => c.Label == QuestionLabel.NotHelpful));
        if (helpful.Count > 0)
        {
            summary += "\n\n" + Format(texts.AnswerHelpful, session.CaseOwner.Name) + "\n" + string.Join("\n", helpful.Select(c => $"{c.Number}. {c.Text}"));
        }

        return await SayAsync(dc, summary, cancellationToken);
    }

    /// <summary>The step's card, its timer, and for a collect step the private question to each who still owes an answer.</summary>
    private async Task AnnounceStepAsync(DialogContext dc, Session session, SessionTexts texts, Language language, CancellationToken cancellationToken)
    {
        var step = session.CurrentStep;
        await dc.SendAsync(OutgoingMessage.FromCard(SessionCards.Step(session, texts, language)), cancellationToken);
        await _timer.StartAsync(dc, session, cancellationToken);

        if (step.Interaction == StepInteraction.Collect)
        {
            var prompt = step.Collect!.Prompt.In(language) + "\n\n" + step.Instruction.In(language);
            foreach (var member in session.StillToContribute)
            {
                await dc.Context.SendPrivateAsync(
                    new Participant(member.Id, member.Name),
                    new OutgoingMessage(texts.CollectPrivatePrompt(prompt, step.Collect.PerParticipant)),
                    cancellationToken);
            }

            // Their private answers find this session through the routes (an idempotent upsert, safe if the turn reruns).
            await routes.RouteAsync(dc.Turn.Conversation, session.StillToContribute.Select(m => m.Id), cancellationToken);
        }
    }

    /// <summary>What the current step collected, when it is a collect step: shown together when the session moves on.</summary>
    private static IReadOnlyList<Contribution>? CollectedHere(Session session) =>
        session.CurrentStep.Interaction == StepInteraction.Collect ? session.CollectedForThisStep : null;

    /// <summary>The step's time announcements, planned by <see cref="SessionTimer"/>; stale ones say nothing.</summary>
    public override async Task OnScheduledAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken)
    {
        if (_timer.Due(instance, dc.Turn.Values) is not { } due || Load(States.Get(instance)) is not { Status: SessionStatus.Running } session)
        {
            return;
        }

        var (texts, language) = Texts(States.Get(instance));
        await dc.SendAsync(
            due.Which == "left"
                ? new OutgoingMessage(TimerTexts.For(language).Left(Math.Max(1, (int)Math.Round(due.Left.TotalMinutes, MidpointRounding.AwayFromZero))))
                : OutgoingMessage.FromCard(SessionCards.TimeUp(session, texts, language)),
            cancellationToken);
    }

    /// <summary>"verleng [minutes]" / "extend [minutes]" or the button: more time for this step (5 minutes unless said).</summary>
    private async Task<DialogTurnResult> ExtendAsync(DialogContext dc, Session session, int minutes, SessionTexts texts, Language language, CancellationToken cancellationToken)
    {
        if (!session.MayLead(dc.Turn.From.Id))
        {
            return await SayAsync(dc, texts.OnlyLeaders(session.Facilitator.Name, session.CaseOwner.Name), cancellationToken);
        }

        var timerTexts = TimerTexts.For(language);
        var extended = await _timer.ExtendAsync(dc, session, TimeSpan.FromMinutes(minutes), cancellationToken);
        return await SayAsync(
            dc,
            extended is { } e
                ? (e.Paused ? timerTexts.ExtendedWhilePaused(minutes, (int)Math.Ceiling(e.Left.TotalMinutes)) : timerTexts.Extended(minutes, (int)Math.Ceiling(e.Left.TotalMinutes)))
                : timerTexts.NoTimer,
            cancellationToken);
    }

    private static async Task<DialogTurnResult> SayAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        await dc.SendAsync(new OutgoingMessage(text), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    private static Task<DialogTurnResult> ExplainAsync(DialogContext dc, Session session, SessionOutcome outcome, SessionTexts texts, CancellationToken cancellationToken) =>
        SayAsync(dc, Explanation(session, outcome, texts), cancellationToken);

    private static string Explanation(Session session, SessionOutcome outcome, SessionTexts texts) => outcome switch
    {
        SessionOutcome.NotFacilitatorOrCaseOwner => texts.OnlyLeaders(session.Facilitator.Name, session.CaseOwner.Name),
        SessionOutcome.NotThisStep => texts.NotThisStep,
        SessionOutcome.NotYourPart or SessionOutcome.NotPresent => texts.NotYourPart,
        SessionOutcome.AlreadyComplete => texts.AlreadyComplete,
        SessionOutcome.NotRunning => texts.NotRunning,
        _ => texts.NothingThere,
    };

    /// <summary>The options that begin a session: its state without a timer.</summary>
    public static JsonNode Options(SessionDialogState state) => JsonSerializer.SerializeToNode(state, States.Type)!;

    private Session Load(SessionDialogState state) => Session.Restore(state.Session, library);

    private static void Save(SessionDialogState state, Session session) => state.Session = session.ToSnapshot();

    private static (SessionTexts Texts, Language Language) Texts(SessionDialogState state) =>
        (SessionTexts.For(state.Language), state.Language);

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}

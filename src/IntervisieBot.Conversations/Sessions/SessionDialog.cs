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
/// facilitator and the case owner move it; the rules live in the domain <see cref="Session"/>, the cards in
/// <see cref="SessionCards"/>, what a member asks in <see cref="SessionAction"/>. Contributions to a collect step are
/// sent privately and arrive here through <see cref="SessionRoutes"/>.
/// </summary>
/// <remarks>
/// <para>
/// The steps run on one live card (<see cref="LiveSlot"/>), updated in place after every turn that changes it; new
/// group messages are only what people must read or answer: a reveal, the rank card, the time-up card, the pause, the
/// close's questions and the report. Cards with buttons that outlive their step (time up, rank, pause, rating) are live
/// slots too, so they lose their buttons when their step ends. A press that no longer fits (an old card, a second
/// press, someone else's part) changes nothing and is answered only to the presser.
/// </para>
/// <para>
/// Version 2: the close's phase moved from the dialog state into the stored session; a session stored by version 1
/// ends cleanly at the next turn. Version 3: the state is one typed <see cref="SessionDialogState"/>. Version 4: the
/// live card, the reveal within its step and the why-questions that wait (a version 3 session ends cleanly).
/// </para>
/// </remarks>
public sealed partial class SessionDialog(
    MethodLibrary library, TimeProvider time, SessionRoutes routes, SessionRecordStore records, ISessionRotation rotation, ISessionCases cases, IDueWorkScheduler? scheduler = null, RevealOrder? order = null)
    : Dialog(DialogId, version: 4)
{
    public const string DialogId = "session";

    /// <summary>A session that starts this soon after the last one ended belongs to the same meeting.</summary>
    public static readonly TimeSpan SameMeeting = TimeSpan.FromHours(4);

    /// <summary>The live slot of the session card; the other slots hold the cards whose buttons end with their step or part.</summary>
    public const string LiveSlot = "session";

    private const string TimeUpSlot = "session-time-up";
    private const string RankSlot = "session-rank";
    private const string PauseSlot = "session-pause";
    private const string RatingSlot = "session-rating";

    private readonly RevealOrder _order = order ?? new RevealOrder(new Random());

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
        state.GroupName = opening?.GroupName;
        state.TimeZoneId = opening?.TimeZoneId;
        await dc.SendAsync(OutgoingMessage.FromCard(SessionCards.Opening(session, opening, previous, meetingNumber, secondCase, texts, language)), cancellationToken);
        await IntroduceCaseAsync(dc, session, language, cancellationToken);
        await AnnounceStepAsync(dc, session, texts, language, cancellationToken);
        await ShowLiveCardAsync(dc, state, session, cancellationToken);
        Save(state, session);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = States.Get(dc.ActiveDialog!);
        var session = Load(state);
        var (texts, language) = Texts(state);
        var result = dc.Turn.PersonalChat is not null
            ? await OnPrivateContributionAsync(dc, state, session, texts, language, cancellationToken)
            : await OnGroupTurnAsync(dc, session, texts, language, cancellationToken);
        if (result.Status == DialogTurnStatus.Waiting && dc.ActiveDialog?.Id == DialogId)
        {
            state = States.Get(dc.ActiveDialog);
            await ShowLiveCardAsync(dc, state, session, cancellationToken);
            Save(state, session);
        }

        return result;
    }

    private async Task<DialogTurnResult> OnGroupTurnAsync(DialogContext dc, Session session, SessionTexts texts, Language language, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var by = turn.From.Id;
        if (SessionAction.Parse(turn) is not { } action)
        {
            return await OnTextAsync(dc, session, texts, language, cancellationToken);
        }

        if (action.At is { } pressedAt && pressedAt != (action.Kind == SessionActionKind.PassTheFloor ? SessionCards.FloorAt(session) : SessionCards.Where(session)))
        {
            // A button on an earlier card (or a second press of the same one) must not move the session again; only the presser hears of it.
            await dc.Context.AnswerPresserAsync(new OutgoingMessage(texts.StaleButton), cancellationToken);
            return DialogTurnResult.Waiting;
        }

        switch (action.Kind)
        {
            case SessionActionKind.Next or SessionActionKind.Skip or SessionActionKind.Back when session.Phase != SessionPhase.Steps:
                return await MoveOnInCloseAsync(dc, session, texts, language, cancellationToken);
            case SessionActionKind.Next or SessionActionKind.Reveal when session.WaitsForReveal && session.MayLead(by):
                // "Next" before the reveal reveals first and stays: the step's discussion of what came in happens here.
                return await RevealAsync(dc, session, texts, language, cancellationToken);
            case SessionActionKind.Reveal:
                return await ExplainAsync(dc, session, session.Reveal(by), texts, cancellationToken);
            case SessionActionKind.Next when session.IsLastStep:
                return await FinishStepsAsync(dc, session, texts, language, cancellationToken);
            case SessionActionKind.Next or SessionActionKind.Skip or SessionActionKind.Back:
                var ended = (Step: session.CurrentStep, At: SessionCards.Where(session));
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

                await EndStepCardsAsync(dc, ended.Step, ended.At, texts, language, cancellationToken);
                await AnnounceStepAsync(dc, session, texts, language, cancellationToken);
                return DialogTurnResult.Waiting;
            case SessionActionKind.Pause:
                var paused = session.Pause(by);
                if (paused != SessionOutcome.Done)
                {
                    return await ExplainAsync(dc, session, paused, texts, cancellationToken);
                }

                await _timer.PauseAsync(dc, cancellationToken);
                await dc.ShowLiveAsync(PauseSlot, OutgoingMessage.FromCard(SessionCards.Paused(texts)), cancellationToken);
                return DialogTurnResult.Waiting;
            case SessionActionKind.Resume:
                var resumed = session.Resume(by);
                if (resumed != SessionOutcome.Done)
                {
                    return await ExplainAsync(dc, session, resumed, texts, cancellationToken);
                }

                await _timer.ResumeAsync(dc, cancellationToken);
                await EndSlotAsync(dc, PauseSlot, OutgoingMessage.FromCard(SessionCards.Paused(texts, open: false)), cancellationToken);
                return await SayAsync(dc, WhereWeAre(session, texts, language), cancellationToken);
            case SessionActionKind.Extend:
                return await ExtendAsync(dc, session, action.Minutes, texts, language, cancellationToken);
            case SessionActionKind.PassTheFloor:
                // The live card names the next speaker (or that the round is done): no new message.
                var passed = session.PassTheFloor(by);
                return passed == SessionOutcome.Done ? DialogTurnResult.Waiting : await ExplainAsync(dc, session, passed, texts, cancellationToken);
            case SessionActionKind.ShareCase:
                return await ShareCaseAsync(dc, session, language, cancellationToken);
            case SessionActionKind.Rate:
                return await RateAsync(dc, session, action.Value ?? "", texts, cancellationToken);
            case SessionActionKind.Rank:
                return await RankAsync(dc, session, action.Labels, texts, language, cancellationToken);
            case SessionActionKind.SendAsIs:
                return await ExplainAsync(dc, session, SessionOutcome.NotThisStep, texts, cancellationToken);
            default:
                var picked = session.Choose(by, action.Value ?? "");
                return await (picked == SessionOutcome.Done
                    ? SayAsync(dc, Format(texts.Chosen, session.Chosen!), cancellationToken)
                    : ExplainAsync(dc, session, picked, texts, cancellationToken));
        }
    }

    /// <summary>Plain words in the group: what they mean depends on the step (or the part of the close) the session is in.</summary>
    private static async Task<DialogTurnResult> OnTextAsync(DialogContext dc, Session session, SessionTexts texts, Language language, CancellationToken cancellationToken)
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
                // The live card's count goes up: no "noted" for every takeaway.
                var reflected = session.Reflect(turn.From.Id, text);
                return reflected == SessionOutcome.Done ? DialogTurnResult.Waiting : await ExplainAsync(dc, session, reflected, texts, cancellationToken);
            case StepInteraction.Choose:
                var chose = session.Choose(turn.From.Id, text);
                return await (chose == SessionOutcome.Done
                    ? SayAsync(dc, Format(texts.Chosen, session.Chosen!), cancellationToken)
                    : ExplainAsync(dc, session, chose, texts, cancellationToken));
            case StepInteraction.Rank when SessionAction.LabelInWords(text) is { } rank:
                // A typed label changes the rank card in place, as its buttons do: no new group message.
                var labelled = session.Label(turn.From.Id, rank.Number, rank.Label);
                if (labelled != SessionOutcome.Done)
                {
                    return await ExplainAsync(dc, session, labelled, texts, cancellationToken);
                }

                await ShowRankCardAsync(dc, session, texts, language, cancellationToken);
                return DialogTurnResult.Waiting;
            default:
                // Ordinary conversation during a step: the bot stays quiet.
                return DialogTurnResult.Waiting;
        }
    }

    /// <summary>
    /// A contribution sent privately. A why-question waits, unrevealed and uncounted, until its author sends it as is
    /// or rephrases it; once everyone asked has answered in full, the step reveals what came in.
    /// </summary>
    private async Task<DialogTurnResult> OnPrivateContributionAsync(DialogContext dc, SessionDialogState state, Session session, SessionTexts texts, Language language, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var by = turn.From.Id;
        var asIs = turn.Values.GetValueOrDefault(SessionAction.Key) == new SessionAction(SessionActionKind.SendAsIs).ToData()[SessionAction.Key]
            || texts.SendAsIsWords.Contains(turn.Text.Trim().TrimEnd('.', '!').ToLowerInvariant(), StringComparer.Ordinal);
        string text;
        if (asIs)
        {
            if (state.PendingWhy is null || !state.PendingWhy.Remove(by, out var waiting))
            {
                // Nothing of theirs waits (sent already, the step moved on, or a press that was never theirs): nothing is sent.
                await dc.Context.AnswerPresserAsync(new OutgoingMessage(texts.NoWhyWaiting), cancellationToken);
                return DialogTurnResult.Waiting;
            }

            text = waiting;
        }
        else if (turn.Kind == TurnKind.CardAction || turn.Text.Trim().Length == 0)
        {
            // A press of an old "send as is" (already sent, or the step moved on): nothing to send.
            await dc.Context.SendPrivateAsync(turn.From, new OutgoingMessage(texts.StaleButton), cancellationToken);
            return DialogTurnResult.Waiting;
        }
        else
        {
            text = turn.Text;
            state.PendingWhy?.Remove(by);
            var check = session.MayContribute(by);
            if (check == SessionOutcome.Done && session.CurrentStep.Collect!.Contribution == ContributionKind.Question && WhyQuestion.Suggestion(text) is { } suggestion)
            {
                (state.PendingWhy ??= new Dictionary<string, string>(StringComparer.Ordinal))[by] = text.Trim();
                await dc.Context.SendPrivateAsync(turn.From, OutgoingMessage.FromCard(new Card
                {
                    Body = [new CardText(suggestion.In(language)), new CardText(texts.WhyPending)],
                    Buttons = [new CardButton(texts.SendAsIsButton, new SessionAction(SessionActionKind.SendAsIs).ToData(), ButtonStyle.Positive)],
                }), cancellationToken);
                return DialogTurnResult.Waiting;
            }
        }

        if (state.PendingWhy is { Count: 0 })
        {
            state.PendingWhy = null;
        }

        var outcome = session.Contribute(by, text);
        var reply = outcome switch
        {
            SessionOutcome.Done => texts.CollectReceived(session.ContributionsOf(by), session.CurrentStep.Collect!.PerParticipant),
            _ => Explanation(session, outcome, texts),
        };
        await dc.Context.SendPrivateAsync(turn.From, new OutgoingMessage(reply), cancellationToken);
        if (outcome == SessionOutcome.Done && session.RevealIfComplete())
        {
            await SendRevealAsync(dc, session, texts, language, cancellationToken);
        }

        return DialogTurnResult.Waiting;
    }

    /// <summary>A leader reveals (or presses "next" before the reveal): what came in is shown, and the step stays for its discussion.</summary>
    private async Task<DialogTurnResult> RevealAsync(DialogContext dc, Session session, SessionTexts texts, Language language, CancellationToken cancellationToken)
    {
        var revealed = session.Reveal(dc.Turn.From.Id);
        if (revealed != SessionOutcome.Done)
        {
            return await ExplainAsync(dc, session, revealed, texts, cancellationToken);
        }

        await SendRevealAsync(dc, session, texts, language, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    private Task SendRevealAsync(DialogContext dc, Session session, SessionTexts texts, Language language, CancellationToken cancellationToken) =>
        dc.SendAsync(OutgoingMessage.FromCard(SessionCards.Reveal(session.CollectedForThisStep, session, _order, texts, language)), cancellationToken);

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
    private static async Task<DialogTurnResult> RankAsync(DialogContext dc, Session session, IReadOnlyList<(int Number, QuestionLabel Label)> labels, SessionTexts texts, Language language, CancellationToken cancellationToken)
    {
        foreach (var (number, label) in labels)
        {
            var outcome = session.Label(dc.Turn.From.Id, number, label);
            if (outcome != SessionOutcome.Done)
            {
                return await ExplainAsync(dc, session, outcome, texts, cancellationToken);
            }
        }

        await ShowRankCardAsync(dc, session, texts, language, cancellationToken);
        var questions = session.CollectedForThisStep;
        var helpful = questions.Where(c => c.Label == QuestionLabel.Helpful).ToList();
        var summary = texts.RankSaved(helpful.Count, questions.Count(c => c.Label == QuestionLabel.Neutral), questions.Count(c => c.Label == QuestionLabel.NotHelpful));
        if (helpful.Count > 0)
        {
            summary += "\n\n" + Format(texts.AnswerHelpful, session.CaseOwner.Name) + "\n" + string.Join("\n", helpful.Select(c => $"{c.Number}. {c.Text}"));
        }

        return await SayAsync(dc, summary, cancellationToken);
    }

    /// <summary>The rank card, in place, with the labels given so far (when the step has one).</summary>
    private static async Task ShowRankCardAsync(DialogContext dc, Session session, SessionTexts texts, Language language, CancellationToken cancellationToken)
    {
        if (dc.State.LiveMessages?.ContainsKey(RankSlot) == true)
        {
            await dc.ShowLiveAsync(RankSlot, OutgoingMessage.FromCard(SessionCards.Rank(session, texts, language)), cancellationToken);
        }
    }

    /// <summary>
    /// A step begins: its timer, for a rank step the card to label with, and for a collect step the private question
    /// to each who still owes an answer (naming the group, the case owner and the step). The live card shows the rest.
    /// </summary>
    private async Task AnnounceStepAsync(DialogContext dc, Session session, SessionTexts texts, Language language, CancellationToken cancellationToken)
    {
        var step = session.CurrentStep;
        await _timer.StartAsync(dc, session, cancellationToken);
        if (step.Interaction == StepInteraction.Rank && session.CollectedForThisStep.Count > 0)
        {
            await dc.ShowLiveAsync(RankSlot, OutgoingMessage.FromCard(SessionCards.Rank(session, texts, language)), cancellationToken);
        }

        if (step.Interaction == StepInteraction.Collect)
        {
            var state = States.Get(dc.ActiveDialog!);
            var settings = step.Collect!;
            var prompt = texts.CollectPrivatePrompt(
                state.GroupName ?? texts.YourGroup,
                session.CaseOwner.Name,
                session.StepIndex + 1,
                step.Title.In(language),
                settings.Prompt.In(language))
                + "\n\n" + (settings.PerParticipant == 1 ? texts.CollectSendOne : Format(texts.CollectSendMany, settings.PerParticipant));
            foreach (var member in session.StillToContribute)
            {
                await dc.Context.SendPrivateAsync(new Participant(member.Id, member.Name), new OutgoingMessage(prompt), cancellationToken);
            }

            // Their private answers find this session through the routes (an idempotent upsert, safe if the turn reruns).
            await routes.RouteAsync(dc.Turn.Conversation, session.StillToContribute.Select(m => m.Id), cancellationToken);
        }
    }

    /// <summary>A step ended: its time-up and rank cards keep their text and lose their buttons; why-questions that waited are dropped.</summary>
    private static async Task EndStepCardsAsync(DialogContext dc, MethodStep step, string at, SessionTexts texts, Language language, CancellationToken cancellationToken)
    {
        await EndSlotAsync(dc, TimeUpSlot, OutgoingMessage.FromCard(SessionCards.TimeUp(step, at, texts, language, open: false)), cancellationToken);
        await EndSlotAsync(dc, RankSlot, null, cancellationToken);
        States.Get(dc.ActiveDialog!).PendingWhy = null;
    }

    /// <summary>Shows the live card when it changed since it was last shown.</summary>
    private async Task ShowLiveCardAsync(DialogContext dc, SessionDialogState state, Session session, CancellationToken cancellationToken)
    {
        if (session.Phase != SessionPhase.Steps || session.Status == SessionStatus.Ended)
        {
            return;
        }

        var card = SessionCards.Live(session, _timer.Left(state, session), SessionTexts.For(state.Language), state.Language);
        var fingerprint = Fingerprint(card);
        if (fingerprint == state.LiveCard && dc.State.LiveMessages?.ContainsKey(LiveSlot) == true)
        {
            return;
        }

        state.LiveCard = fingerprint;
        await dc.ShowLiveAsync(LiveSlot, OutgoingMessage.FromCard(card), cancellationToken);
    }

    /// <summary>Ends a live slot with a last version of its message, when the slot holds one.</summary>
    private static async Task EndSlotAsync(DialogContext dc, string slot, OutgoingMessage? last, CancellationToken cancellationToken)
    {
        if (dc.State.LiveMessages?.ContainsKey(slot) == true)
        {
            await dc.EndLiveAsync(slot, last, cancellationToken);
        }
    }

    private static string Fingerprint(Card card) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(BotCardText(card))))[..16];

    private static string BotCardText(Card card) => string.Join(
        "\n",
        new[] { card.Title ?? "" }
            .Concat(card.Body.OfType<CardText>().Select(t => t.Text))
            .Concat(card.Buttons.Select(b => b.Title + "|" + string.Join(",", b.Data.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key + "=" + d.Value)) + "|" + b.Style)));

    /// <summary>"Resume": where the meeting is, the step and who has the floor.</summary>
    private static string WhereWeAre(Session session, SessionTexts texts, Language language)
    {
        var where = texts.Resumed(session.StepIndex + 1, session.Method.Steps.Count, session.CurrentStep.Title.In(language));
        return session.CurrentSpeaker is { } speaker ? where + " " + Format(texts.FloorTo, speaker.Name) : where;
    }

    /// <summary>The step's time announcements, planned by <see cref="SessionTimer"/>; stale ones say nothing.</summary>
    public override async Task OnScheduledAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken)
    {
        if (_timer.Due(instance, dc.Turn.Values) is not { } due || Load(States.Get(instance)) is not { Status: SessionStatus.Running } session)
        {
            return;
        }

        var (texts, language) = Texts(States.Get(instance));
        if (due.Which == "left")
        {
            await dc.SendAsync(new OutgoingMessage(TimerTexts.For(language).Left(Math.Max(1, (int)Math.Round(due.Left.TotalMinutes, MidpointRounding.AwayFromZero)))), cancellationToken);
        }
        else
        {
            // Its buttons go when the step moves on (the slot keeps its message id).
            await dc.ShowLiveAsync(TimeUpSlot, OutgoingMessage.FromCard(SessionCards.TimeUp(session, texts, language)), cancellationToken);
        }

        if (dc.ActiveDialog == instance)
        {
            await ShowLiveCardAsync(dc, States.Get(instance), session, cancellationToken);
        }
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
        if (extended is not null)
        {
            // The time-up card has done its work (its buttons go); when the new time is up, a new one says so.
            await EndSlotAsync(dc, TimeUpSlot, OutgoingMessage.FromCard(SessionCards.TimeUp(session, texts, language, open: false)), cancellationToken);
        }

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

    /// <summary>Why that did not happen: to the group when typed there, only to the presser when a button was pressed.</summary>
    private static async Task<DialogTurnResult> ExplainAsync(DialogContext dc, Session session, SessionOutcome outcome, SessionTexts texts, CancellationToken cancellationToken)
    {
        if (outcome == SessionOutcome.Done)
        {
            return DialogTurnResult.Waiting;
        }

        var explanation = new OutgoingMessage(Explanation(session, outcome, texts));
        if (dc.Turn.Kind == TurnKind.CardAction)
        {
            await dc.Context.AnswerPresserAsync(explanation, cancellationToken);
            return DialogTurnResult.Waiting;
        }

        return await SayAsync(dc, explanation.Text, cancellationToken);
    }

    private static string Explanation(Session session, SessionOutcome outcome, SessionTexts texts) => outcome switch
    {
        SessionOutcome.NotFacilitatorOrCaseOwner => texts.OnlyLeaders(session.Facilitator.Name, session.CaseOwner.Name),
        SessionOutcome.NotThisStep => texts.NotThisStep,
        SessionOutcome.NotYourPart or SessionOutcome.NotPresent => texts.NotYourPart,
        SessionOutcome.AlreadyComplete => texts.AlreadyComplete,
        SessionOutcome.NotRunning => texts.NotRunning,
        SessionOutcome.AlreadyRevealed => texts.AlreadyRevealed,
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

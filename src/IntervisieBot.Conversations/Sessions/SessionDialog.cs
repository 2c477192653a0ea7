using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Conversations.Texts;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Questions;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// A running session in the group conversation (J6): the agreements, then the method's steps one by one, each with
/// its interaction; then the harvest (the case owner's insight and one action), the rating, and the record. Only the
/// facilitator and the case owner move it (others get a friendly explanation). Contributions to a collect step are
/// sent privately and arrive here through <see cref="SessionRoutes"/>.
/// </summary>
public sealed class SessionDialog(
    MethodLibrary library, TimeProvider time, SessionRoutes routes, SessionRecordStore records, ISessionRotation rotation, ISessionCases cases, IDueWorkScheduler? scheduler = null)
    : Dialog(DialogId)
{
    public const string DialogId = "session";
    public const string ActionKey = "session";
    private const string SessionKey = "session";
    private const string PhaseKey = "phase";
    private const string RankInput = "label-";
    private const string AtKey = "at";
    private readonly SessionTimer _timer = new(scheduler, time);

    /// <summary>The minutes "extend" adds when no number is given.</summary>
    public const int DefaultExtension = 5;

    public override bool ConfirmBeforeStop => true;

    /// <summary>Whether the stored session waits for private contributions now (a running collect step).</summary>
    public bool IsCollecting(DialogInstance instance)
    {
        var session = Load(instance.State);
        return session.Status == SessionStatus.Running && instance.State[PhaseKey]?.GetValue<string>() == "steps"
            && session.CurrentStep.Interaction == StepInteraction.Collect;
    }

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        state[SessionKey] = options![SessionKey]!.DeepClone();
        state["dutch"] = options["dutch"]!.DeepClone();
        state[SessionSetupDialog.SecondCaseKey] = options[SessionSetupDialog.SecondCaseKey]?.DeepClone();
        state[PhaseKey] = "steps";
        var session = Load(state);
        var (texts, dutch) = Texts(state);
        var previous = await records.LatestAsync(dc.Turn.Conversation, cancellationToken);
        // A group that is set up opens with its own agreements, and every few sessions with reviewing them.
        var opening = await rotation.OpenAsync(dc.Turn.Conversation, dutch, cancellationToken);
        await dc.SendAsync(OutgoingMessage.FromCard(new Card
        {
            Title = Format(texts.StartTitle, session.Method.Name.In(dutch)),
            Body =
            [
                new CardText(Format(texts.Roles, session.CaseOwner.Name, session.Facilitator.Name, string.Join(", ", session.Attendees.Select(a => a.Name)))),
                new CardText(texts.AgreementsTitle, TextStyle.Heading),
                new CardText(string.Join("\n", (opening?.Agreements ?? texts.DefaultAgreements).Select(a => "- " + a))),
                .. opening?.Review is { } review ? new CardElement[] { new CardText(review) } : [],
                .. previous?.Action is { } action
                    ? new CardElement[] { new CardText(Format(texts.FollowUp, previous.CaseOwner.Name, action), TextStyle.Heading) }
                    : [],
                .. previous is null ? FirstCheckIn(texts, dutch) : [],
            ],
        }), cancellationToken);
        await IntroduceCaseAsync(dc, session, dutch, cancellationToken);
        await AnnounceStepAsync(dc, session, texts, dutch, cancellationToken);
        Save(state, session);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        var session = Load(state);
        var (texts, dutch) = Texts(state);
        var turn = dc.Turn;
        var phase = state[PhaseKey]!.GetValue<string>();
        var result = turn.PersonalChat is not null
            ? await OnPrivateContributionAsync(dc, session, texts, cancellationToken)
            : await OnGroupTurnAsync(dc, session, phase, texts, dutch, cancellationToken);
        if (result.Status == DialogTurnStatus.Waiting && dc.ActiveDialog?.Id == DialogId)
        {
            Save(dc.ActiveDialog.State, session);
        }

        return result;
    }

    private async Task<DialogTurnResult> OnGroupTurnAsync(DialogContext dc, Session session, string phase, SessionTexts texts, bool dutch, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var action = turn.Values.GetValueOrDefault(ActionKey) ?? CommandAction(turn.Text);
        var by = turn.From.Id;
        if (action is "next" or "skip" or "back" && turn.Values.TryGetValue(AtKey, out var pressedAt) && pressedAt != Where(session, phase))
        {
            // A button on an earlier card (or a second press of the same one) must not move the session again.
            return await SayAsync(dc, texts.StaleButton, cancellationToken);
        }

        switch (action)
        {
            case "next" or "skip" or "back" when phase != "steps":
                if (!session.MayLead(by))
                {
                    return await SayAsync(dc, Format(texts.OnlyLeaders, session.Facilitator.Name, session.CaseOwner.Name), cancellationToken);
                }

                return await AdvanceHarvestAsync(dc, session, phase, texts, dutch, cancellationToken);
            case "next" when session.IsLastStep:
                if (!session.MayLead(by))
                {
                    return await SayAsync(dc, Format(texts.OnlyLeaders, session.Facilitator.Name, session.CaseOwner.Name), cancellationToken);
                }

                if (CollectedHere(session) is { Count: > 0 } last)
                {
                    await RevealAsync(dc, last, session, texts, dutch, cancellationToken);
                }

                await _timer.StopAsync(dc, cancellationToken);
                return await EnterPhaseAsync(dc, session, "insight", texts, cancellationToken);
            case "next" or "skip" or "back":
                var collected = CollectedHere(session);
                var moved = action switch
                {
                    "next" => session.Next(by),
                    "skip" => session.Skip(by),
                    _ => session.Back(by),
                };
                if (moved != SessionOutcome.Done)
                {
                    return await ExplainAsync(dc, session, moved, texts, cancellationToken);
                }

                if (collected is { Count: > 0 } && action != "back")
                {
                    await RevealAsync(dc, collected, session, texts, dutch, cancellationToken);
                }

                await AnnounceStepAsync(dc, session, texts, dutch, cancellationToken);
                return DialogTurnResult.Waiting;
            case "pause":
                var paused = session.Pause(by);
                if (paused == SessionOutcome.Done)
                {
                    await _timer.PauseAsync(dc, cancellationToken);
                }

                return await (paused == SessionOutcome.Done ? SayAsync(dc, texts.Paused, cancellationToken) : ExplainAsync(dc, session, paused, texts, cancellationToken));
            case "resume":
                var resumed = session.Resume(by);
                if (resumed == SessionOutcome.Done)
                {
                    await _timer.ResumeAsync(dc, cancellationToken);
                }

                return await (resumed == SessionOutcome.Done ? SayAsync(dc, texts.Resumed, cancellationToken) : ExplainAsync(dc, session, resumed, texts, cancellationToken));
            case "extend":
                return await ExtendAsync(dc, session, texts, dutch, cancellationToken);
            case "floor":
                var passed = session.PassTheFloor(by);
                if (passed != SessionOutcome.Done)
                {
                    return await ExplainAsync(dc, session, passed, texts, cancellationToken);
                }

                return await SayAsync(dc, session.CurrentSpeaker is { } next ? Format(texts.FloorTo, next.Name) : texts.RoundDone, cancellationToken);
            case "share":
                return await ShareCaseAsync(dc, session, dutch, cancellationToken);
            case "rate":
                return await RateAsync(dc, session, turn.Values.GetValueOrDefault("value", ""), texts, cancellationToken);
            case "rank":
                return await RankAsync(dc, session, texts, cancellationToken);
            case "choose":
                var picked = session.Choose(by, turn.Values.GetValueOrDefault("value", ""));
                return await (picked == SessionOutcome.Done
                    ? SayAsync(dc, Format(texts.Chosen, session.Chosen!), cancellationToken)
                    : ExplainAsync(dc, session, picked, texts, cancellationToken));
            default:
                return await OnTextAsync(dc, session, phase, texts, cancellationToken);
        }
    }

    /// <summary>Plain words in the group: what they mean depends on the step (or harvest phase) the session is in.</summary>
    private static async Task<DialogTurnResult> OnTextAsync(DialogContext dc, Session session, string phase, SessionTexts texts, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var text = turn.Text.Trim();
        if (text.Length == 0)
        {
            return DialogTurnResult.Waiting;
        }

        switch (phase)
        {
            case "insight" when turn.From.Id == session.CaseOwner.Id:
                session.Harvest(turn.From.Id, text, null);
                return await EnterPhaseAsync(dc, session, "action", texts, cancellationToken);
            case "action" when turn.From.Id == session.CaseOwner.Id:
                session.Harvest(turn.From.Id, null, text);
                return await EnterPhaseAsync(dc, session, "rating", texts, cancellationToken);
            case "rating":
                return await RateAsync(dc, session, text, texts, cancellationToken);
            case "steps":
                break;
            default:
                return DialogTurnResult.Waiting;
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
            case StepInteraction.Rank when RankWords(text) is { } rank:
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
            SessionOutcome.Done => Format(texts.CollectReceived, session.ContributionsOf(turn.From.Id), session.CurrentStep.Collect!.PerParticipant),
            _ => Explanation(session, outcome, texts),
        };
        if (outcome == SessionOutcome.Done && session.Contributions[^1].IsWhyQuestion)
        {
            reply += "\n\n" + WhyQuestion.Suggestion(turn.Text)!.In(texts == SessionTexts.Dutch);
        }

        await dc.Context.SendPrivateAsync(turn.From, new OutgoingMessage(reply), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    /// <summary>A leader moving on in the harvest: insight → action → rating → close.</summary>
    private Task<DialogTurnResult> AdvanceHarvestAsync(DialogContext dc, Session session, string phase, SessionTexts texts, bool dutch, CancellationToken cancellationToken) => phase switch
    {
        "insight" => EnterPhaseAsync(dc, session, "action", texts, cancellationToken),
        "action" => EnterPhaseAsync(dc, session, "rating", texts, cancellationToken),
        _ => CloseAsync(dc, session, texts, dutch, cancellationToken),
    };

    /// <summary>Moves to a phase after the steps and asks what it asks.</summary>
    private static async Task<DialogTurnResult> EnterPhaseAsync(DialogContext dc, Session session, string phase, SessionTexts texts, CancellationToken cancellationToken)
    {
        dc.ActiveDialog!.State[PhaseKey] = phase;
        await dc.SendAsync(
            phase switch
            {
                "insight" => new OutgoingMessage(Format(texts.AskInsight, session.CaseOwner.Name)),
                "action" => new OutgoingMessage(Format(texts.AskAction, session.CaseOwner.Name)),
                _ => RatingCard(texts),
            },
            cancellationToken);
        return DialogTurnResult.Waiting;
    }

    private async Task<DialogTurnResult> CloseAsync(DialogContext dc, Session session, SessionTexts texts, bool dutch, CancellationToken cancellationToken)
    {
        await _timer.StopAsync(dc, cancellationToken);
        session.End(session.Facilitator.Id);
        var record = session.ToRecord(time.GetUtcNow());
        await records.SaveAsync(dc.Turn.Conversation, record, cancellationToken);
        var next = await rotation.CloseAsync(dc.Turn.Conversation, record, dutch, cancellationToken);
        await dc.SendAsync(new OutgoingMessage(texts.ClosingThanks), cancellationToken);
        await dc.SendAsync(OutgoingMessage.FromCard(ReportCard(record, library, texts, dutch)), cancellationToken);
        if (next is not null)
        {
            await dc.SendAsync(new OutgoingMessage(next), cancellationToken);
        }

        // The case text goes after the session unless its owner keeps it: asked privately, never in the group.
        if (await cases.CloseAsync(dc.Turn.Conversation, session.CaseOwner.Id, dutch, cancellationToken) is { } keep)
        {
            await dc.Context.SendPrivateAsync(new Participant(session.CaseOwner.Id, session.CaseOwner.Name), keep, cancellationToken);
        }

        if (dc.ActiveDialog!.State[SessionSetupDialog.SecondCaseKey]?.GetValue<bool>() != true && session.Method.Duration.Max <= SessionSetupDialog.ShortMethod)
        {
            await dc.SendAsync(SecondCaseOffer(texts, session.CaseOwner.Id), cancellationToken);
        }

        return await dc.EndDialogAsync(JsonSerializer.SerializeToNode(record, ConversationState.Json), cancellationToken);
    }

    /// <summary>The case introduction: when the case owner prepared a case, a button only they can use to share it.</summary>
    private async Task IntroduceCaseAsync(DialogContext dc, Session session, bool dutch, CancellationToken cancellationToken)
    {
        if (!await cases.HasCaseAsync(dc.Turn.Conversation, session.CaseOwner.Id, cancellationToken))
        {
            return;
        }

        var texts = CaseTexts.For(dutch);
        await dc.SendAsync(OutgoingMessage.FromCard(new Card
        {
            Body = [new CardText(Format(texts.Introduction, session.CaseOwner.Name))],
            Buttons = [Button(texts.ShareButton, "share", ButtonStyle.Positive)],
        }), cancellationToken);
    }

    /// <summary>"Deel mijn casus": the owner's prepared case in the group (title, situation, question, the moment that matters); nobody else can.</summary>
    private async Task<DialogTurnResult> ShareCaseAsync(DialogContext dc, Session session, bool dutch, CancellationToken cancellationToken)
    {
        var texts = CaseTexts.For(dutch);
        if (dc.Turn.From.Id != session.CaseOwner.Id)
        {
            return await SayAsync(dc, Format(texts.OnlyOwnerShares, session.CaseOwner.Name), cancellationToken);
        }

        if (await cases.SharedCardAsync(dc.Turn.Conversation, session.CaseOwner.Id, session.CaseOwner.Name, dutch, cancellationToken) is not { } shared)
        {
            return await SayAsync(dc, texts.NothingToShare, cancellationToken);
        }

        if (dc.Turn.ReplyToId is { } introduction)
        {
            await dc.Context.UpdateAsync(
                introduction,
                OutgoingMessage.FromCard(new Card { Body = [new CardText(Format(texts.Introduction, session.CaseOwner.Name)), new CardText(Format(texts.SharedBy, session.CaseOwner.Name), TextStyle.Subtle)] }),
                cancellationToken);
        }

        await dc.SendAsync(OutgoingMessage.FromCard(shared), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    /// <summary>The case owner's labels from the rank card: each question's choice, then the helpful ones to answer.</summary>
    private static async Task<DialogTurnResult> RankAsync(DialogContext dc, Session session, SessionTexts texts, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in dc.Turn.Values)
        {
            if (!key.StartsWith(RankInput, StringComparison.Ordinal)
                || !int.TryParse(key.AsSpan(RankInput.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }

            QuestionLabel? label = value switch
            {
                "helpful" => QuestionLabel.Helpful,
                "neutral" => QuestionLabel.Neutral,
                "not" => QuestionLabel.NotHelpful,
                _ => null,
            };
            if (label is not { } chosen)
            {
                continue;
            }

            var outcome = session.Label(dc.Turn.From.Id, number, chosen);
            if (outcome != SessionOutcome.Done)
            {
                return await ExplainAsync(dc, session, outcome, texts, cancellationToken);
            }
        }

        var questions = session.CollectedForThisStep;
        var helpful = questions.Where(c => c.Label == QuestionLabel.Helpful).ToList();
        var summary = Format(texts.RankSaved, helpful.Count, questions.Count(c => c.Label == QuestionLabel.Neutral), questions.Count(c => c.Label == QuestionLabel.NotHelpful));
        if (helpful.Count > 0)
        {
            summary += "\n\n" + Format(texts.AnswerHelpful, session.CaseOwner.Name) + "\n" + string.Join("\n", helpful.Select(c => $"{c.Number}. {c.Text}"));
        }

        return await SayAsync(dc, summary, cancellationToken);
    }

    private static async Task<DialogTurnResult> RateAsync(DialogContext dc, Session session, string value, SessionTexts texts, CancellationToken cancellationToken)
    {
        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var rating))
        {
            return DialogTurnResult.Waiting;
        }

        var rated = session.Rate(dc.Turn.From.Id, rating);
        return await (rated == SessionOutcome.Done
            ? SayAsync(dc, Format(texts.Noted, dc.Turn.From.Name), cancellationToken)
            : ExplainAsync(dc, session, rated, texts, cancellationToken));
    }

    private async Task AnnounceStepAsync(DialogContext dc, Session session, SessionTexts texts, bool dutch, CancellationToken cancellationToken)
    {
        var step = session.CurrentStep;
        var body = new List<CardElement>
        {
            new CardText(Format(texts.StepOf, session.StepIndex + 1, session.Method.Steps.Count, (int)step.Timebox.TotalMinutes), TextStyle.Subtle),
            new CardText(step.Instruction.In(dutch)),
        };
        var buttons = new List<CardButton>();
        switch (step.Interaction)
        {
            case StepInteraction.Round when session.CurrentSpeaker is { } speaker:
                body.Add(new CardText(Format(texts.FloorTo, speaker.Name), TextStyle.Heading));
                buttons.Add(Button(texts.DoneSpeakingButton, "floor"));
                break;
            case StepInteraction.Collect:
                body.Add(new CardText(texts.CollectSentPrivately));
                break;
            case StepInteraction.Rank:
                body.Add(new CardText(Format(texts.RankPrompt, session.CaseOwner.Name)));
                CardChoice[] labels = [new(texts.Helpful, "helpful"), new(texts.Neutral, "neutral"), new(texts.NotHelpful, "not")];
                body.AddRange(session.CollectedForThisStep.Select(c => new CardChoiceInput(RankInput + c.Number.ToString(CultureInfo.InvariantCulture), $"{c.Number}. {c.Text}", labels)));
                if (session.CollectedForThisStep.Count > 0)
                {
                    buttons.Add(Button(texts.RankSaveButton, "rank", ButtonStyle.Positive));
                }

                break;
            case StepInteraction.Choose:
                body.Add(new CardText(Format(texts.ChoosePrompt, session.CaseOwner.Name)));
                buttons.AddRange(session.CollectedForThisStep.Select(c => new CardButton(
                    Shorten($"{c.Number}. {c.Text}"),
                    new Dictionary<string, string> { [ActionKey] = "choose", ["value"] = c.Number.ToString(CultureInfo.InvariantCulture) })));
                break;
            case StepInteraction.Reflect:
                body.Add(new CardText(texts.ReflectPrompt));
                break;
            case StepInteraction.Timer:
                body.Add(new CardText(Format(texts.TimerStarted, (int)step.Timebox.TotalMinutes)));
                break;
            default:
                break;
        }

        var at = Where(session, "steps");
        buttons.Add(MoveButton(texts.NextButton, "next", at, ButtonStyle.Positive));
        buttons.Add(MoveButton(texts.BackButton, "back", at));
        buttons.Add(MoveButton(texts.SkipButton, "skip", at));
        buttons.Add(Button(texts.PauseButton, "pause"));
        if (step.Interaction == StepInteraction.Timer)
        {
            buttons.Add(ExtendButton(dutch));
        }

        await dc.SendAsync(OutgoingMessage.FromCard(new Card { Title = step.Title.In(dutch), Body = body, Buttons = buttons }), cancellationToken);
        await _timer.StartAsync(dc, session, cancellationToken);

        if (step.Interaction == StepInteraction.Collect)
        {
            var prompt = step.Collect!.Prompt.In(dutch) + "\n\n" + step.Instruction.In(dutch);
            foreach (var member in session.StillToContribute)
            {
                await dc.Context.SendPrivateAsync(
                    new Participant(member.Id, member.Name),
                    new OutgoingMessage(Format(texts.CollectPrivatePrompt, prompt, step.Collect.PerParticipant)),
                    cancellationToken);
            }

            // Their private answers find this session through the routes (an idempotent upsert, safe if the turn reruns).
            await routes.RouteAsync(dc.Turn.Conversation, session.StillToContribute.Select(m => m.Id), cancellationToken);
        }
    }

    /// <summary>What the current step collected, when it is a collect step: shown together when the session moves on.</summary>
    private static IReadOnlyList<Contribution>? CollectedHere(Session session) =>
        session.CurrentStep.Interaction == StepInteraction.Collect ? session.CollectedForThisStep : null;

    /// <summary>All contributions of a collect step at once, named or anonymous as the method says.</summary>
    private static Task RevealAsync(DialogContext dc, IReadOnlyList<Contribution> collected, Session session, SessionTexts texts, bool dutch, CancellationToken cancellationToken)
    {
        var step = session.Method.Steps.First(s => s.Id == collected[0].StepId);
        var anonymous = step.Collect?.Anonymous ?? false;
        string Author(Contribution c) => anonymous ? texts.Anonymous : session.Attendees.FirstOrDefault(a => a.Id == c.AuthorId)?.Name ?? "?";
        return dc.SendAsync(OutgoingMessage.FromCard(new Card
        {
            Title = texts.CollectRevealTitle,
            Body = [new CardText(step.Title.In(dutch), TextStyle.Subtle), new CardText(string.Join("\n", collected.Select(c => $"{c.Number}. {c.Text} ({Author(c)})")))],
        }), cancellationToken);
    }

    private static OutgoingMessage RatingCard(SessionTexts texts) => OutgoingMessage.FromCard(new Card
    {
        Body = [new CardText(texts.AskRating)],
        Buttons = [.. Enumerable.Range(1, 10).Select(n => new CardButton(n.ToString(CultureInfo.InvariantCulture), new Dictionary<string, string> { [ActionKey] = "rate", ["value"] = n.ToString(CultureInfo.InvariantCulture) })), MoveButton(texts.NextButton, "next", "rating", ButtonStyle.Positive)],
    });

    /// <summary>After a short method: a second case fits in the same meeting.</summary>
    public static OutgoingMessage SecondCaseOffer(SessionTexts texts, string? firstOwner, bool answered = false) => OutgoingMessage.FromCard(new Card
    {
        Body = [new CardText(texts.SecondCaseOffer)],
        Buttons = answered
            ? []
            : [new CardButton(texts.SecondCaseButton, new Dictionary<string, string> { [Cards.CardKey] = SecondCaseCard, ["owner"] = firstOwner ?? "" }, ButtonStyle.Positive)],
    });

    public const string SecondCaseCard = "second-case";
    /// <summary>The step's time announcements, planned by <see cref="SessionTimer"/>; stale ones say nothing.</summary>
    public override async Task OnScheduledAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken)
    {
        if (_timer.Due(instance, dc.Turn.Values) is not { } due || Load(instance.State) is not { Status: SessionStatus.Running } session)
        {
            return;
        }

        var (texts, dutch) = Texts(instance.State);
        var timerTexts = TimerTexts.For(dutch);
        await dc.SendAsync(
            due.Which == "left"
                ? new OutgoingMessage(timerTexts.Left(Math.Max(1, (int)Math.Round(due.Left.TotalMinutes, MidpointRounding.AwayFromZero))))
                : OutgoingMessage.FromCard(new Card
                {
                    Body = [new CardText(Format(timerTexts.TimeUp, (int)session.CurrentStep.Timebox.TotalMinutes))],
                    Buttons = [MoveButton(texts.NextButton, "next", Where(session, "steps"), ButtonStyle.Positive), ExtendButton(dutch)],
                }),
            cancellationToken);
    }

    /// <summary>"verleng [minutes]" / "extend [minutes]" or the button: more time for this step (5 minutes unless said).</summary>
    private async Task<DialogTurnResult> ExtendAsync(DialogContext dc, Session session, SessionTexts texts, bool dutch, CancellationToken cancellationToken)
    {
        if (!session.MayLead(dc.Turn.From.Id))
        {
            return await SayAsync(dc, Format(texts.OnlyLeaders, session.Facilitator.Name, session.CaseOwner.Name), cancellationToken);
        }

        var asked = dc.Turn.Values.GetValueOrDefault("minutes") ?? Commands.Parse(dc.Turn.Text).Argument;
        var minutes = int.TryParse(asked.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 60 ? m : DefaultExtension;
        var timerTexts = TimerTexts.For(dutch);
        var extended = await _timer.ExtendAsync(dc, session, TimeSpan.FromMinutes(minutes), cancellationToken);
        return await SayAsync(
            dc,
            extended is { } e
                ? Format(e.Paused ? timerTexts.ExtendedWhilePaused : timerTexts.Extended, minutes, (int)Math.Ceiling(e.Left.TotalMinutes))
                : timerTexts.NoTimer,
            cancellationToken);
    }

    private static CardButton ExtendButton(bool dutch) => new(
        Format(TimerTexts.For(dutch).ExtendButton, DefaultExtension),
        new Dictionary<string, string> { [ActionKey] = "extend", ["minutes"] = DefaultExtension.ToString(CultureInfo.InvariantCulture) });

    public static Card ReportCard(SessionRecord record, MethodLibrary library, SessionTexts texts, bool dutch)
    {
        var labels = texts.ReportFacts.Split('|');
        var method = library.Find(record.MethodId, record.MethodVersion)?.Name.In(dutch) ?? record.MethodId;
        return new Card
        {
            Title = Format(texts.ReportTitle, method),
            Body =
            [
                new CardFacts(
                [
                    new CardFact(labels[0], record.StartedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    new CardFact(labels[1], method),
                    new CardFact(labels[2], record.CaseOwner.Name),
                    new CardFact(labels[3], record.Facilitator.Name),
                    new CardFact(labels[4], string.Join(", ", record.Attendees.Select(a => a.Name))),
                    new CardFact(labels[5], string.Join(" · ", record.Insights)),
                    new CardFact(labels[6], record.Action ?? "–"),
                    new CardFact(labels[7], record.AverageRating is { } avg ? avg.ToString("0.0", CultureInfo.InvariantCulture) : "–"),
                ]),
            ],
        };
    }

    /// <summary>A group's first meeting opens with one of the handbook's icebreakers.</summary>
    private static CardElement[] FirstCheckIn(SessionTexts texts, bool dutch)
    {
        var icebreaker = Icebreakers.All[0];
        return
        [
            new CardText(Format(texts.FirstCheckIn, (int)icebreaker.Time.TotalMinutes), TextStyle.Heading),
            new CardText($"**{icebreaker.Title.In(dutch)}**: {icebreaker.Instruction.In(dutch)}"),
        ];
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
        SessionOutcome.NotFacilitatorOrCaseOwner => Format(texts.OnlyLeaders, session.Facilitator.Name, session.CaseOwner.Name),
        SessionOutcome.NotThisStep => texts.NotThisStep,
        SessionOutcome.NotYourPart or SessionOutcome.NotPresent => texts.NotYourPart,
        SessionOutcome.AlreadyComplete => texts.AlreadyComplete,
        SessionOutcome.NotRunning => texts.NotRunning,
        _ => texts.NothingThere,
    };

    private static string? CommandAction(string text) => Commands.RecognizeBare(text) switch
    {
        _ when Commands.Parse(text).Command == Command.Extend => "extend",
        Command.Next => "next",
        Command.Back => "back",
        Command.Skip => "skip",
        Command.Pause => "pause",
        Command.Resume => "resume",
        Command.Case => "share",
        _ => text.Trim().ToLowerInvariant() is "klaar" or "done" or "klaar." or "done." ? "floor" : null,
    };

    private static (int Number, QuestionLabel Label)? RankWords(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0].TrimEnd('.', ':'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        QuestionLabel? label = parts[1] switch
        {
            "helpend" or "helpful" => QuestionLabel.Helpful,
            "neutraal" or "neutral" => QuestionLabel.Neutral,
            "niet helpend" or "niet" or "not helpful" or "not" => QuestionLabel.NotHelpful,
            _ => null,
        };
        return label is { } l ? (number, l) : null;
    }

    /// <summary>A contribution as a button title: the start of it, so the card stays readable.</summary>
    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57].TrimEnd() + "…";

    /// <summary>Where the session is: the step (by index) while steps run, otherwise the harvest phase.</summary>
    private static string Where(Session session, string phase) =>
        phase == "steps" ? "step-" + session.StepIndex.ToString(CultureInfo.InvariantCulture) : phase;

    /// <summary>A button that moves the session, stamped with where it was shown so an old card cannot move it again.</summary>
    private static CardButton MoveButton(string title, string action, string at, ButtonStyle style = ButtonStyle.Default) =>
        new(title, new Dictionary<string, string> { [ActionKey] = action, [AtKey] = at }, style);

    private static CardButton Button(string title, string action, ButtonStyle style = ButtonStyle.Default) =>
        new(title, new Dictionary<string, string> { [ActionKey] = action }, style);

    private Session Load(JsonObject state) => Session.Restore(state[SessionKey]!.Deserialize<SessionSnapshot>(ConversationState.Json)!, library);

    private static void Save(JsonObject state, Session session) => state[SessionKey] = JsonSerializer.SerializeToNode(session.ToSnapshot(), ConversationState.Json);

    private static (SessionTexts Texts, bool Dutch) Texts(JsonObject state)
    {
        var dutch = state["dutch"]?.GetValue<bool>() ?? true;
        return (dutch ? SessionTexts.Dutch : SessionTexts.English, dutch);
    }

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}

using IntervisieBot.Conversations.Cases;
using System.Globalization;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// The cards of a running session: the opening, the case introduction, each step with its controls, the collected
/// contributions revealed together, the timer's "time is up", the rating, the report and the offer of a second case.
/// Buttons that move the session carry where it was (<see cref="Where"/>), so an old card cannot move it again.
/// </summary>
public static class SessionCards
{
    /// <summary>The card name of the "second case" button (handled by <see cref="SessionCommands"/>).</summary>
    public const string SecondCaseCard = "second-case";

    /// <summary>The second-case button's value naming the first case's meeting (<see cref="SessionMeeting.Key"/>).</summary>
    public const string MeetingKey = "meeting";

    /// <summary>The time zone of a report's date when the group has none of its own (a group's default).</summary>
    private static readonly TimeZoneInfo DefaultZone = TimeZoneInfo.FindSystemTimeZoneById(Domain.Groups.GroupSettings.DefaultTimeZone);

    /// <summary>How long the opening gives the follow-up of last time's action.</summary>
    public static readonly TimeSpan FollowUpTime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The opening: who is who; then, for the first case of a meeting, the agreements (with a review when due) unless
    /// the method has its own agreements step, last time's action (timeboxed), and a check-in with the meeting's
    /// icebreaker unless the method has its own check-in step. A second case in the same meeting opens with the roles only.
    /// </summary>
    public static Card Opening(Session session, SessionOpening? opening, SessionRecord? previous, int meetingNumber, bool secondCase, SessionTexts texts, Language language)
    {
        var frame = session.Frame;
        var body = new List<CardElement>
        {
            new CardText(texts.Roles(session.CaseOwner.Name, session.Facilitator.Name, string.Join(", ", session.Attendees.Select(a => a.Name)))),
        };
        if (!secondCase && !frame.OwnAgreements)
        {
            body.Add(new CardText(texts.AgreementsTitle, TextStyle.Heading));
            body.Add(new CardText(string.Join("\n", (opening?.Agreements ?? texts.DefaultAgreements).Select(a => "- " + a))));
        }

        if (!secondCase && opening?.Review is { } review)
        {
            body.Add(new CardText(review));
        }

        if (!secondCase && previous?.Action is { } action)
        {
            body.Add(new CardText(texts.FollowUp(previous.CaseOwner.Name, action), TextStyle.Heading));
            body.Add(new CardText(Format(texts.FollowUpTimebox, (int)FollowUpTime.TotalMinutes), TextStyle.Subtle));
        }

        if (!secondCase && !frame.OwnCheckIn)
        {
            body.AddRange(CheckIn(meetingNumber, texts, language));
        }

        return new Card { Title = Format(texts.StartTitle, session.Method.Name.In(language)), Body = body };
    }

    /// <summary>The case introduction when the case owner prepared a case: a button only they can use to share it.</summary>
    public static Card CaseIntroduction(Session session, Language language)
    {
        var texts = CaseTexts.For(language);
        return new Card
        {
            Body = [new CardText(Format(texts.Introduction, session.CaseOwner.Name))],
            Buttons = [Button(texts.ShareButton, SessionActionKind.ShareCase, ButtonStyle.Positive)],
        };
    }

    /// <summary>The case introduction once the case is shared: without its button, saying who shared it.</summary>
    public static Card CaseShared(Session session, Language language)
    {
        var texts = CaseTexts.For(language);
        return new Card
        {
            Body = [new CardText(Format(texts.Introduction, session.CaseOwner.Name)), new CardText(Format(texts.SharedBy, session.CaseOwner.Name), TextStyle.Subtle)],
        };
    }

    /// <summary>
    /// The live session card (one message, updated in place): the method, the step (n of N, timebox, time left), its
    /// instruction, who acts now, who has the floor, how many answered, and the leaders' controls. A round's primary
    /// button passes the floor; a collect step that waits offers "reveal"; the first step has no "back".
    /// </summary>
    public static Card Live(Session session, TimeSpan? left, SessionTexts texts, Language language)
    {
        var step = session.CurrentStep;
        var status = texts.StepOf(session.StepIndex + 1, session.Method.Steps.Count, (int)step.Timebox.TotalMinutes);
        if (session.Status == SessionStatus.Paused)
        {
            status += " · " + texts.NotRunning;
        }
        else if (left is { } time)
        {
            status += " · " + (time > TimeSpan.Zero ? Format(texts.TimeLeft, (int)Math.Ceiling(time.TotalMinutes)) : texts.TimeIsUp);
        }

        var body = new List<CardElement>
        {
            new CardText(status, TextStyle.Subtle),
            new CardText(step.Title.In(language), TextStyle.Heading),
            new CardText(step.Instruction.In(language)),
            new CardText(Format(texts.ActsNow, Actor(session, texts))),
        };
        if (session.Observers.Count > 0)
        {
            body.Add(new CardText(SessionCheckTexts.For(language).AskersLine([.. session.Asking.Select(m => m.Name)])));
        }

        var buttons = new List<CardButton>();
        var at = StepAt(session);
        var next = MoveButton(texts.NextButton, SessionActionKind.Next, at, ButtonStyle.Positive);
        switch (step.Interaction)
        {
            case StepInteraction.Round when session.CurrentSpeaker is { } speaker:
                body.Add(new CardText(Format(texts.FloorTo, speaker.Name), TextStyle.Heading));
                buttons.Add(new CardButton(texts.DoneSpeakingButton, new SessionAction(SessionActionKind.PassTheFloor) { At = FloorAt(session) }.ToData(), ButtonStyle.Positive));
                next = next with { Style = ButtonStyle.Default };
                break;
            case StepInteraction.Round:
                body.Add(new CardText(texts.RoundDone));
                break;
            case StepInteraction.Collect when session.Revealed:
                body.Add(new CardText(texts.RevealedDiscuss));
                break;
            case StepInteraction.Collect:
                body.Add(new CardText(texts.CollectSentPrivately));
                body.Add(new CardText(texts.Answered(session.Answered, session.Contributors.Count), TextStyle.Heading));
                if (session.WaitsForReveal)
                {
                    buttons.Add(MoveButton(texts.RevealButton, SessionActionKind.Reveal, at, ButtonStyle.Positive));
                    next = next with { Style = ButtonStyle.Default };
                }

                break;
            case StepInteraction.Rank:
                body.Add(new CardText(Format(texts.RankBelow, session.CaseOwner.Name)));
                break;
            case StepInteraction.Choose:
                body.Add(new CardText(session.Chosen is { } chosen ? Format(texts.Chosen, chosen) : Format(texts.ChoosePrompt, session.CaseOwner.Name)));
                buttons.AddRange(session.Chosen is null
                    ? session.CollectedForThisStep.Select(c => new CardButton(
                        Shorten($"{c.Number}. {c.Text}"),
                        new SessionAction(SessionActionKind.Choose) { Value = c.Number.ToString(CultureInfo.InvariantCulture) }.ToData()))
                    : []);
                break;
            case StepInteraction.Reflect:
                body.Add(new CardText(texts.ReflectPrompt));
                body.Add(new CardText(texts.Reflected(session.Answered, session.Contributors.Count), TextStyle.Heading));
                break;
            case StepInteraction.Timer:
                body.Add(new CardText(Format(texts.TimerStarted, (int)step.Timebox.TotalMinutes)));
                break;
            default:
                break;
        }

        if (session.Status == SessionStatus.Paused)
        {
            return new Card { Title = session.Method.Name.In(language), Body = body, Buttons = [Button(texts.ResumeButton, SessionActionKind.Resume, ButtonStyle.Positive)] };
        }

        buttons.Add(next);
        if (session.StepIndex > 0)
        {
            buttons.Add(MoveButton(texts.BackButton, SessionActionKind.Back, at));
        }

        buttons.Add(MoveButton(texts.SkipButton, SessionActionKind.Skip, at));
        buttons.Add(Button(texts.PauseButton, SessionActionKind.Pause));
        if (step.Interaction == StepInteraction.Timer)
        {
            buttons.Add(ExtendButton(language));
        }

        return new Card { Title = session.Method.Name.In(language), Body = body, Buttons = buttons };
    }

    /// <summary>The old live card once it was shown anew below: where the session went, without controls.</summary>
    public static Card LiveMoved(Session session, SessionStatusTexts texts, Language language) => new()
    {
        Title = session.Method.Name.In(language),
        Body = [new CardText(texts.MovedBelow, TextStyle.Subtle)],
    };

    /// <summary>The live card once the steps are over: where the session went, without controls.</summary>
    public static Card LiveDone(Session session, SessionTexts texts, Language language) => new()
    {
        Title = session.Method.Name.In(language),
        Body = [new CardText(texts.StepsDone, TextStyle.Subtle)],
    };

    /// <summary>The rank step's card: each collected question with its choice of labels, and "save" (none once the step ends).</summary>
    public static Card Rank(Session session, SessionTexts texts, Language language, bool open = true)
    {
        CardChoice[] labels =
        [
            new(texts.Helpful, SessionAction.LabelValue(QuestionLabel.Helpful)),
            new(texts.Neutral, SessionAction.LabelValue(QuestionLabel.Neutral)),
            new(texts.NotHelpful, SessionAction.LabelValue(QuestionLabel.NotHelpful)),
        ];
        var questions = session.CollectedForThisStep;
        int Count(QuestionLabel label) => questions.Count(c => c.Label == label);
        var body = new List<CardElement> { new CardText(Format(texts.RankPrompt, session.CaseOwner.Name)) };
        if (open)
        {
            // Labels given so far (typed, or saved before) stand chosen, so the card shows where the labelling is.
            body.AddRange(questions.Select(c => new CardChoiceInput(SessionAction.LabelInput(c.Number), $"{c.Number}. {c.Text}", labels, c.Label is { } l ? SessionAction.LabelValue(l) : null)));
            if (questions.Any(c => c.Label is not null))
            {
                body.Add(new CardText(texts.RankSaved(Count(QuestionLabel.Helpful), Count(QuestionLabel.Neutral), Count(QuestionLabel.NotHelpful)), TextStyle.Subtle));
            }
        }
        else
        {
            body.Add(new CardText(string.Join("\n", questions.Select(c => $"{c.Number}. {c.Text}" + (c.Label is { } l ? " · " + labels.First(x => x.Value == SessionAction.LabelValue(l)).Title : "")))));
        }

        return new Card
        {
            Title = session.CurrentStep.Title.In(language),
            Body = body,
            Buttons = open && questions.Count > 0 ? [Button(texts.RankSaveButton, SessionActionKind.Rank, ButtonStyle.Positive)] : [],
        };
    }

    /// <summary>
    /// All contributions of a collect step at once, named or anonymous as the method says. Anonymous ones come in the
    /// order <paramref name="order"/> gives, so one person's contributions do not sit together.
    /// </summary>
    public static Card Reveal(IReadOnlyList<Contribution> collected, Session session, RevealOrder order, SessionTexts texts, Language language)
    {
        var step = session.Method.Steps.First(s => s.Id == collected[0].StepId);
        var anonymous = step.Collect?.Anonymous ?? false;
        string Author(Contribution c) => anonymous ? texts.Anonymous : session.Attendees.FirstOrDefault(a => a.Id == c.AuthorId)?.Name ?? "?";
        var shown = anonymous ? order.Shuffle(collected) : [.. collected];

        return new Card
        {
            Title = texts.CollectRevealTitle,
            Body = [new CardText(step.Title.In(language), TextStyle.Subtle), new CardText(string.Join("\n", shown.Select(c => $"{c.Number}. {c.Text} ({Author(c)})")))],
        };
    }

    /// <summary>The timer of a step ran out: how long it was, with "next" and "+5 min" (none once the step has moved on).</summary>
    public static Card TimeUp(Session session, SessionTexts texts, Language language, bool open = true) => TimeUp(session.CurrentStep, StepAt(session), texts, language, open);

    /// <summary>The time-up card of <paramref name="step"/>, stamped <paramref name="at"/>.</summary>
    public static Card TimeUp(MethodStep step, string at, SessionTexts texts, Language language, bool open) => new()
    {
        Body = [new CardText(Format(TimerTexts.For(language).TimeUp, (int)step.Timebox.TotalMinutes))],
        Buttons = open ? [MoveButton(texts.NextButton, SessionActionKind.Next, at, ButtonStyle.Positive), ExtendButton(language)] : [],
    };

    /// <summary>"Pause": the message that says so, with the button that resumes (none once resumed).</summary>
    public static Card Paused(SessionTexts texts, bool open = true) => new()
    {
        Body = [new CardText(texts.Paused)],
        Buttons = open ? [Button(texts.ResumeButton, SessionActionKind.Resume, ButtonStyle.Positive)] : [],
    };

    /// <summary>The rating question: 1 to 10, how many gave a mark, and "next" to close (no buttons once closed).</summary>
    public static Card Rating(Session session, SessionTexts texts, bool open = true) => new()
    {
        Body = [new CardText(texts.AskRating), new CardText(texts.Rated(session.Ratings.Count, session.Attendees.Count), TextStyle.Subtle)],
        Buttons = !open ? [] :
        [
            .. Enumerable.Range(1, 10).Select(n => new CardButton(
                n.ToString(CultureInfo.InvariantCulture),
                new SessionAction(SessionActionKind.Rate) { Value = n.ToString(CultureInfo.InvariantCulture) }.ToData())),
            MoveButton(texts.NextButton, SessionActionKind.Next, PhaseName(SessionPhase.Rating), ButtonStyle.Positive),
        ],
    };

    /// <summary>After a short method: a second case fits in the same meeting.</summary>
    public static OutgoingMessage SecondCaseOffer(SessionTexts texts, string? firstOwner, bool answered = false, SessionMeeting? meeting = null) => OutgoingMessage.FromCard(new Card
    {
        Body = [new CardText(texts.SecondCaseOffer)],
        Buttons = answered
            ? []
            : [new CardButton(texts.SecondCaseButton, new Dictionary<string, string> { [Cards.CardKey] = SecondCaseCard, ["owner"] = firstOwner ?? "", [MeetingKey] = meeting?.Key ?? "" }, ButtonStyle.Positive)],
    });

    /// <summary>The record of a session (the report): date, method, who, the harvest and the average rating.</summary>
    public static Card Report(SessionRecord record, MethodLibrary library, SessionTexts texts, Language language, TimeZoneInfo? zone = null)
    {
        // The date and the average as the group reads them: "woensdag 2 december 2026", "8,0".
        var culture = Groups.GroupTexts.For(language).Culture;
        var day = TimeZoneInfo.ConvertTime(record.StartedAt, zone ?? DefaultZone);
        var labels = texts.ReportFacts.Split('|');
        var method = library.Find(record.MethodId, record.MethodVersion)?.Name.In(language) ?? record.MethodId;
        return new Card
        {
            Title = Format(texts.ReportTitle, method),
            Body =
            [
                new CardFacts(
                [
                    new CardFact(labels[0], day.ToString("dddd d MMMM yyyy", culture)),
                    new CardFact(labels[1], method),
                    new CardFact(labels[2], record.CaseOwner.Name),
                    new CardFact(labels[3], record.Facilitator.Name),
                    new CardFact(labels[4], string.Join(", ", record.Attendees.Select(a => a.Name))),
                    .. Harvest(record, labels),
                    new CardFact(labels[7], record.AverageRating is { } avg ? avg.ToString("0.0", culture) : "–"),
                ]),
            ],
        };
    }

    /// <summary>
    /// The insight and the action, each on its row; one row when the case owner gave both in one sentence (a method
    /// whose last step asks for what they take away and will do), so the record does not say the same thing twice.
    /// </summary>
    private static IEnumerable<CardFact> Harvest(SessionRecord record, string[] labels) =>
        record.Insights is [var only] && string.Equals(only, record.Action, StringComparison.Ordinal)
            ? [new CardFact(labels[8], only)]
            : [new CardFact(labels[5], string.Join(" · ", record.Insights)), new CardFact(labels[6], record.Action ?? "–")];

    /// <summary>Where the session is, as a move button carries it: the step (by index) during the steps, else the close's phase.</summary>
    public static string Where(Session session) => session.Phase == SessionPhase.Steps ? StepAt(session) : PhaseName(session.Phase);

    /// <summary>Where a round was when its "done, next speaker" button was shown: the step and who had the floor.</summary>
    public static string FloorAt(Session session) => StepAt(session) + "-floor-" + session.Speaker.ToString(CultureInfo.InvariantCulture);

    private static string StepAt(Session session) => "step-" + session.StepIndex.ToString(CultureInfo.InvariantCulture);

    /// <summary>Who acts in the current step, by its actor.</summary>
    private static string Actor(Session session, SessionTexts texts) => session.CurrentStep.Actor switch
    {
        StepActor.CaseOwner => Format(texts.ActorCaseOwner, session.CaseOwner.Name),
        StepActor.Facilitator => Format(texts.ActorFacilitator, session.Facilitator.Name),
        StepActor.Participants => texts.ActorParticipants,
        _ => texts.ActorEveryone,
    };

    private static string PhaseName(SessionPhase phase) => phase switch
    {
        SessionPhase.Insight => "insight",
        SessionPhase.Action => "action",
        SessionPhase.Rating => "rating",
        _ => "steps",
    };

    /// <summary>The check-in: the meeting's icebreaker (all of them in turn), at a first meeting as getting acquainted.</summary>
    private static CardElement[] CheckIn(int meetingNumber, SessionTexts texts, Language language)
    {
        var icebreaker = Icebreakers.ForMeeting(meetingNumber);
        return
        [
            new CardText(Format(meetingNumber <= 1 ? texts.FirstCheckIn : texts.CheckIn, (int)icebreaker.Time.TotalMinutes), TextStyle.Heading),
            new CardText($"**{icebreaker.Title.In(language)}**: {icebreaker.Instruction.In(language)}"),
        ];
    }

    private static CardButton ExtendButton(Language language) => new(
        Format(TimerTexts.For(language).ExtendButton, SessionAction.DefaultExtension),
        new SessionAction(SessionActionKind.Extend) { Value = SessionAction.DefaultExtension.ToString(CultureInfo.InvariantCulture) }.ToData());

    /// <summary>A button that moves the session, stamped with where it was shown so an old card cannot move it again.</summary>
    private static CardButton MoveButton(string title, SessionActionKind kind, string at, ButtonStyle style = ButtonStyle.Default) =>
        new(title, new SessionAction(kind) { At = at }.ToData(), style);

    private static CardButton Button(string title, SessionActionKind kind, ButtonStyle style = ButtonStyle.Default) =>
        new(title, new SessionAction(kind).ToData(), style);

    /// <summary>A contribution as a button title: the start of it, so the card stays readable.</summary>
    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57].TrimEnd() + "…";

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}

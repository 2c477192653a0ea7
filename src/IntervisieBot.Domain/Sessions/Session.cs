using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Questions;

namespace IntervisieBot.Domain.Sessions;

/// <summary>
/// A running intervision session (J6): a method's steps one by one, with the rules of the method guarded here.
/// Only the facilitator and the case owner move it; each interaction takes only what it should from whom it should
/// (participants ask, the case owner labels and chooses, everyone reflects); a round gives the floor in turn. The
/// method's definition is the version the session started with, even after a newer one is deployed.
/// </summary>
public sealed partial class Session
{
    private readonly List<Contribution> _contributions;
    private readonly Dictionary<string, string> _reflections;
    private readonly Dictionary<string, int> _ratings;
    private readonly List<string> _insights;
    private readonly List<string> _skipped;

    private Session(MethodDefinition method, SessionSnapshot snapshot)
    {
        Method = method;
        CaseOwner = snapshot.CaseOwner;
        Facilitator = snapshot.Facilitator;
        Attendees = snapshot.Attendees;
        StartedAt = snapshot.StartedAt;
        StepIndex = snapshot.StepIndex;
        Status = snapshot.Status;
        Phase = snapshot.Phase;
        Speaker = snapshot.Speaker;
        Action = snapshot.Action;
        Chosen = snapshot.Chosen;
        Revealed = snapshot.Revealed;
        Askers = snapshot.Askers;
        _contributions = [.. snapshot.Contributions];
        _reflections = new Dictionary<string, string>(snapshot.Reflections, StringComparer.Ordinal);
        _ratings = new Dictionary<string, int>(snapshot.Ratings, StringComparer.Ordinal);
        _insights = [.. snapshot.Insights];
        _skipped = [.. snapshot.SkippedSteps];
    }

    public MethodDefinition Method { get; }

    /// <summary>Which parts of the session's frame the method does itself (agreements, check-in, insight, action).</summary>
    public SessionFrame Frame => SessionFrame.Of(Method);

    public SessionMember CaseOwner { get; }

    public SessionMember Facilitator { get; }

    public IReadOnlyList<SessionMember> Attendees { get; }

    public DateTimeOffset StartedAt { get; }

    public int StepIndex { get; private set; }

    public SessionStatus Status { get; private set; }

    /// <summary>The steps, or which part of the close (see <see cref="SessionPhase"/>).</summary>
    public SessionPhase Phase { get; private set; }

    /// <summary>In a round step: the index into <see cref="RoundOrder"/> of who has the floor.</summary>
    public int Speaker { get; private set; }

    public string? Action { get; private set; }

    /// <summary>What the case owner chose in a choose step (e.g. the fundamental question).</summary>
    public string? Chosen { get; private set; }

    /// <summary>Whether the current collect step's contributions have been shown in the group (see <see cref="Reveal"/>).</summary>
    public bool Revealed { get; private set; }

    /// <summary>
    /// The ids of the one or two participants the case owner chose to ask in the question steps
    /// (<see cref="MethodStep.IsQuestionStep"/>); empty when everyone asks.
    /// </summary>
    public IReadOnlyList<string> Askers { get; }

    /// <summary>The most askers a case owner may choose: more would bring back the questions fired at once.</summary>
    public const int MaxAskers = 2;

    public MethodStep CurrentStep => Method.Steps[StepIndex];

    public bool IsLastStep => StepIndex == Method.Steps.Count - 1;

    public IReadOnlyList<Contribution> Contributions => _contributions;

    public IReadOnlyDictionary<string, string> Reflections => _reflections;

    public IReadOnlyDictionary<string, int> Ratings => _ratings;

    public IReadOnlyList<string> Insights => _insights;

    /// <summary>
    /// Who are participants: everyone present but the case owner. In a self-led group the facilitator is a member
    /// too, and asks and advises like the others.
    /// </summary>
    public IEnumerable<SessionMember> Participants => Attendees.Where(a => a.Id != CaseOwner.Id);

    /// <summary>
    /// Starts a session. The facilitator is never the case owner of the same session; both must be present, and a
    /// session needs someone to help the case owner reflect.
    /// </summary>
    public static Session Start(MethodDefinition method, SessionMember caseOwner, SessionMember facilitator, IReadOnlyList<SessionMember> attendees, DateTimeOffset startedAt, IReadOnlyList<string>? askers = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (caseOwner.Id == facilitator.Id)
        {
            throw new ArgumentException("The facilitator cannot be the case owner of the same session.", nameof(facilitator));
        }

        if (!attendees.Any(a => a.Id == caseOwner.Id) || !attendees.Any(a => a.Id == facilitator.Id))
        {
            throw new ArgumentException("The case owner and the facilitator must both be present.", nameof(attendees));
        }

        if (attendees.Count < 2 || attendees.DistinctBy(a => a.Id).Count() != attendees.Count)
        {
            throw new ArgumentException("A session needs at least two different people.", nameof(attendees));
        }

        askers ??= [];
        if (askers.Count > MaxAskers || askers.Distinct().Count() != askers.Count || askers.Any(id => id == caseOwner.Id || !attendees.Any(a => a.Id == id)))
        {
            throw new ArgumentException($"The askers are at most {MaxAskers} different participants, never the case owner.", nameof(askers));
        }

        return new Session(method, new SessionSnapshot
        {
            MethodId = method.Id,
            MethodVersion = method.Version,
            CaseOwner = caseOwner,
            Facilitator = facilitator,
            Attendees = attendees,
            StartedAt = startedAt,
            Askers = askers,
        });
    }

    /// <summary>Rebuilds a stored session with the method version it started with.</summary>
    public static Session Restore(SessionSnapshot snapshot, MethodLibrary library)
    {
        var method = library.Find(snapshot.MethodId, snapshot.MethodVersion)
            ?? throw new InvalidOperationException($"Method {snapshot.MethodId} v{snapshot.MethodVersion} is no longer known.");
        return new Session(method, snapshot);
    }

    public SessionSnapshot ToSnapshot() => new()
    {
        MethodId = Method.Id,
        MethodVersion = Method.Version,
        CaseOwner = CaseOwner,
        Facilitator = Facilitator,
        Attendees = Attendees,
        StartedAt = StartedAt,
        StepIndex = StepIndex,
        Status = Status,
        Phase = Phase,
        Speaker = Speaker,
        Contributions = [.. _contributions],
        Reflections = new Dictionary<string, string>(_reflections, StringComparer.Ordinal),
        Ratings = new Dictionary<string, int>(_ratings, StringComparer.Ordinal),
        Insights = [.. _insights],
        Action = Action,
        Chosen = Chosen,
        SkippedSteps = [.. _skipped],
        Revealed = Revealed,
        Askers = Askers,
    };

    public bool MayLead(string memberId) => memberId == Facilitator.Id || memberId == CaseOwner.Id;

    public SessionOutcome Next(string by) => Move(by, +1, skipped: false);

    public SessionOutcome Skip(string by) => Move(by, +1, skipped: true);

    public SessionOutcome Back(string by) => Move(by, -1, skipped: false);

    public SessionOutcome Pause(string by) => SetStatus(by, SessionStatus.Running, SessionStatus.Paused);

    public SessionOutcome Resume(string by) => SetStatus(by, SessionStatus.Paused, SessionStatus.Running);

    /// <summary>In a round step: the order in which people get the floor (the step's actor decides who takes part).</summary>
    public IReadOnlyList<SessionMember> RoundOrder => CurrentStep.Actor switch
    {
        StepActor.CaseOwner => [CaseOwner],
        StepActor.Facilitator => [Facilitator],
        StepActor.Participants => Asking.ToList(),
        _ => Attendees,
    };

    /// <summary>
    /// The participants who ask in the current step: in a question step the chosen askers (when the case owner chose
    /// any), else every participant.
    /// </summary>
    public IEnumerable<SessionMember> Asking => ObserveNow ? Participants.Where(p => Askers.Contains(p.Id)) : Participants;

    /// <summary>The participants who observe the current step: the others than the chosen askers, in a question step.</summary>
    public IReadOnlyList<SessionMember> Observers => ObserveNow ? [.. Participants.Where(p => !Askers.Contains(p.Id))] : [];

    private bool ObserveNow => Askers.Count > 0 && CurrentStep.IsQuestionStep && CurrentStep.Actor == StepActor.Participants;

    /// <summary>Who has the floor now in a round step, or null outside rounds or when everyone had a turn.</summary>
    public SessionMember? CurrentSpeaker =>
        CurrentStep.Interaction == StepInteraction.Round && Speaker < RoundOrder.Count ? RoundOrder[Speaker] : null;

    /// <summary>Gives the floor to the next person in the round; the one speaking or a leader may pass it on.</summary>
    public SessionOutcome PassTheFloor(string by)
    {
        if (Status != SessionStatus.Running)
        {
            return SessionOutcome.NotRunning;
        }

        if (CurrentStep.Interaction != StepInteraction.Round || CurrentSpeaker is null)
        {
            return SessionOutcome.NotThisStep;
        }

        if (by != CurrentSpeaker.Id && !MayLead(by))
        {
            return SessionOutcome.NotYourPart;
        }

        Speaker++;
        return SessionOutcome.Done;
    }

    /// <summary>A contribution to a collect step, sent privately; only those the step asks may give it, up to its number.</summary>
    public SessionOutcome Contribute(string by, string text)
    {
        var check = MayContribute(by);
        if (check != SessionOutcome.Done)
        {
            return check;
        }

        var settings = CurrentStep.Collect!;
        _contributions.Add(new Contribution(_contributions.Count + 1, CurrentStep.Id, by, text.Trim(), settings.Contribution)
        {
            IsWhyQuestion = settings.Contribution == ContributionKind.Question && WhyQuestion.IsWhyQuestion(text),
        });
        return SessionOutcome.Done;
    }

    /// <summary>Whether <paramref name="by"/> may send a contribution to the current step now (without sending one).</summary>
    public SessionOutcome MayContribute(string by)
    {
        var check = Check(by, StepInteraction.Collect);
        if (check != SessionOutcome.Done)
        {
            return check;
        }

        if (by == CaseOwner.Id && CurrentStep.Actor != StepActor.CaseOwner && CurrentStep.Actor != StepActor.Everyone)
        {
            return SessionOutcome.NotYourPart;
        }

        if (Observers.Any(o => o.Id == by))
        {
            return SessionOutcome.NotYourPart;
        }

        if (Revealed)
        {
            return SessionOutcome.AlreadyRevealed;
        }

        return ContributionsOf(by) >= CurrentStep.Collect!.PerParticipant ? SessionOutcome.AlreadyComplete : SessionOutcome.Done;
    }

    public int ContributionsOf(string memberId) => _contributions.Count(c => c.StepId == CurrentStep.Id && c.AuthorId == memberId);

    /// <summary>
    /// A leader shows the current collect step's contributions in the group: the step stays, so the discussion it asks
    /// for happens in it. Only once, and only when something came in.
    /// </summary>
    public SessionOutcome Reveal(string by)
    {
        if (!MayLead(by))
        {
            return SessionOutcome.NotFacilitatorOrCaseOwner;
        }

        if (Status != SessionStatus.Running)
        {
            return SessionOutcome.NotRunning;
        }

        if (Phase != SessionPhase.Steps || CurrentStep.Interaction != StepInteraction.Collect || Revealed)
        {
            return SessionOutcome.NotThisStep;
        }

        if (CollectedForThisStep.Count == 0)
        {
            return SessionOutcome.NothingThere;
        }

        Revealed = true;
        return SessionOutcome.Done;
    }

    /// <summary>Reveals the current collect step once everyone it asks has given all it asks; true when it did so now.</summary>
    public bool RevealIfComplete()
    {
        if (Phase != SessionPhase.Steps || CurrentStep.Interaction != StepInteraction.Collect || Revealed || StillToContribute.Count > 0)
        {
            return false;
        }

        Revealed = true;
        return true;
    }

    /// <summary>Whether the current step is a collect step whose contributions wait to be revealed.</summary>
    public bool WaitsForReveal =>
        Phase == SessionPhase.Steps && CurrentStep.Interaction == StepInteraction.Collect && !Revealed && CollectedForThisStep.Count > 0;

    /// <summary>How many of those the current step asks have answered in full (a collect step) or given their takeaway (a reflect step).</summary>
    public int Answered => CurrentStep switch
    {
        { Collect: { } settings } => Contributors.Count(m => ContributionsOf(m.Id) >= settings.PerParticipant),
        { Interaction: StepInteraction.Reflect } => Contributors.Count(m => _reflections.ContainsKey(m.Id)),
        _ => 0,
    };

    /// <summary>Who the current step asks to contribute (a collect step) or reflect (a reflect step), by its actor.</summary>
    public IReadOnlyList<SessionMember> Contributors => CurrentStep.Actor switch
    {
        StepActor.CaseOwner => [CaseOwner],
        StepActor.Everyone => Attendees,
        StepActor.Facilitator => [Facilitator],
        _ => Asking.ToList(),
    };

    /// <summary>Who still owes contributions to the current collect step.</summary>
    public IReadOnlyList<SessionMember> StillToContribute =>
        CurrentStep.Collect is { } settings
            ? Contributors.Where(m => ContributionsOf(m.Id) < settings.PerParticipant).ToList()
            : [];

    /// <summary>The contributions of the current step, or of the most recent collect step before it (what a rank step ranks).</summary>
    public IReadOnlyList<Contribution> CollectedForThisStep
    {
        get
        {
            for (var i = StepIndex; i >= 0; i--)
            {
                var step = Method.Steps[i];
                if (step.Interaction == StepInteraction.Collect)
                {
                    return _contributions.Where(c => c.StepId == step.Id).ToList();
                }
            }

            return [];
        }
    }

    /// <summary>The case owner labels a collected question helpful, neutral or not helpful.</summary>
    public SessionOutcome Label(string by, int number, QuestionLabel label)
    {
        var check = Check(by, StepInteraction.Rank);
        if (check != SessionOutcome.Done)
        {
            return check;
        }

        if (by != CaseOwner.Id)
        {
            return SessionOutcome.NotYourPart;
        }

        var index = _contributions.FindIndex(c => c.Number == number);
        if (index < 0 || !CollectedForThisStep.Any(c => c.Number == number))
        {
            return SessionOutcome.NothingThere;
        }

        _contributions[index] = _contributions[index] with { Label = label };
        return SessionOutcome.Done;
    }

    /// <summary>The case owner chooses (e.g. the fundamental question): a collected contribution by number, or their own words.</summary>
    public SessionOutcome Choose(string by, string choice)
    {
        var check = Check(by, StepInteraction.Choose);
        if (check != SessionOutcome.Done)
        {
            return check;
        }

        if (by != CaseOwner.Id)
        {
            return SessionOutcome.NotYourPart;
        }

        Chosen = int.TryParse(choice, out var number) && _contributions.FirstOrDefault(c => c.Number == number) is { } picked
            ? picked.Text
            : choice.Trim();
        return SessionOutcome.Done;
    }

    /// <summary>Each person's takeaway in a reflect step (the last one given counts).</summary>
    public SessionOutcome Reflect(string by, string takeaway)
    {
        var check = Check(by, StepInteraction.Reflect);
        if (check != SessionOutcome.Done)
        {
            return check;
        }

        _reflections[by] = takeaway.Trim();
        if (by == CaseOwner.Id)
        {
            TakeHarvestFromStep(takeaway.Trim());
        }

        return SessionOutcome.Done;
    }

    private SessionOutcome Check(string by, StepInteraction interaction)
    {
        if (Status != SessionStatus.Running)
        {
            return SessionOutcome.NotRunning;
        }

        if (!Attendees.Any(a => a.Id == by))
        {
            return SessionOutcome.NotPresent;
        }

        return CurrentStep.Interaction == interaction ? SessionOutcome.Done : SessionOutcome.NotThisStep;
    }

    private SessionOutcome Move(string by, int delta, bool skipped)
    {
        if (!MayLead(by))
        {
            return SessionOutcome.NotFacilitatorOrCaseOwner;
        }

        if (Status != SessionStatus.Running)
        {
            return SessionOutcome.NotRunning;
        }

        if (Phase != SessionPhase.Steps)
        {
            return SessionOutcome.NotThisStep;
        }

        var target = StepIndex + delta;
        if (target < 0 || target >= Method.Steps.Count)
        {
            return SessionOutcome.NothingThere;
        }

        if (skipped)
        {
            _skipped.Add(CurrentStep.Id);
        }

        StepIndex = target;
        Speaker = 0;
        Revealed = false;
        return SessionOutcome.Done;
    }

    private SessionOutcome SetStatus(string by, SessionStatus from, SessionStatus to)
    {
        if (!MayLead(by))
        {
            return SessionOutcome.NotFacilitatorOrCaseOwner;
        }

        if (Status != from)
        {
            return SessionOutcome.NotRunning;
        }

        Status = to;
        return SessionOutcome.Done;
    }
}

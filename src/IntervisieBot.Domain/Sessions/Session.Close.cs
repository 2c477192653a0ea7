namespace IntervisieBot.Domain.Sessions;

/// <summary>
/// The close of a session, after the method's steps: the phases in their fixed order (insight → action → rating →
/// ended) with who may move them, the harvest, the rating, and the record the session leaves behind.
/// </summary>
public sealed partial class Session
{
    /// <summary>A leader moves on from the last step: the close begins with the case owner's insight.</summary>
    public SessionOutcome FinishSteps(string by)
    {
        if (!MayLead(by))
        {
            return SessionOutcome.NotFacilitatorOrCaseOwner;
        }

        if (Status == SessionStatus.Ended)
        {
            return SessionOutcome.NotRunning;
        }

        if (Phase != SessionPhase.Steps || !IsLastStep)
        {
            return SessionOutcome.NotThisStep;
        }

        Phase = CloseFrom(SessionPhase.Insight);
        return SessionOutcome.Done;
    }

    /// <summary>
    /// A leader moves the close on without waiting for an answer: insight → action → rating, and after the rating the
    /// session ends.
    /// </summary>
    public SessionOutcome MoveOnInClose(string by)
    {
        if (!MayLead(by))
        {
            return SessionOutcome.NotFacilitatorOrCaseOwner;
        }

        if (Status == SessionStatus.Ended)
        {
            return SessionOutcome.NotRunning;
        }

        switch (Phase)
        {
            case SessionPhase.Insight:
                Phase = CloseFrom(SessionPhase.Action);
                break;
            case SessionPhase.Action:
                Phase = SessionPhase.Rating;
                break;
            case SessionPhase.Rating:
                Status = SessionStatus.Ended;
                break;
            default:
                return SessionOutcome.NotThisStep;
        }

        return SessionOutcome.Done;
    }

    /// <summary>The case owner's insight, asked for at the start of the close; then their one action is asked.</summary>
    public SessionOutcome GiveInsight(string by, string insight) => GiveHarvest(by, SessionPhase.Insight, insight, null, CloseFrom(SessionPhase.Action));

    /// <summary>The case owner's one concrete action; then everyone rates.</summary>
    public SessionOutcome GiveAction(string by, string action) => GiveHarvest(by, SessionPhase.Action, null, action, SessionPhase.Rating);

    public SessionOutcome End(string by)
    {
        if (!MayLead(by))
        {
            return SessionOutcome.NotFacilitatorOrCaseOwner;
        }

        Status = SessionStatus.Ended;
        return SessionOutcome.Done;
    }

    /// <summary>The case owner's harvest: an insight to keep, and one concrete action.</summary>
    public SessionOutcome Harvest(string by, string? insight, string? action)
    {
        if (Status == SessionStatus.Ended)
        {
            return SessionOutcome.NotRunning;
        }

        if (by != CaseOwner.Id)
        {
            return SessionOutcome.NotYourPart;
        }

        if (!string.IsNullOrWhiteSpace(insight))
        {
            _insights.Add(insight.Trim());
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            Action = action.Trim();
        }

        return SessionOutcome.Done;
    }

    /// <summary>A rating of the method from 1 to 10 by someone present; reported only as a group average.</summary>
    public SessionOutcome Rate(string by, int rating)
    {
        if (!Attendees.Any(a => a.Id == by))
        {
            return SessionOutcome.NotPresent;
        }

        if (rating is < 1 or > 10)
        {
            return SessionOutcome.NothingThere;
        }

        _ratings[by] = rating;
        return SessionOutcome.Done;
    }

    /// <summary>The record the session leaves behind; no questions, reflections or case text go into it.</summary>
    public SessionRecord ToRecord(DateTimeOffset endedAt) => new(
        Method.Id,
        Method.Version,
        StartedAt,
        endedAt,
        CaseOwner,
        Facilitator,
        Attendees,
        [.. _insights],
        Action,
        _ratings.Count == 0 ? null : _ratings.Values.Average(),
        _ratings.Count,
        CompletedAllSteps: IsLastStep && _skipped.Count == 0);

    /// <summary>
    /// The first part of the close from <paramref name="from"/> on that the method did not do itself: the insight
    /// when no step of the method gave it, the action when no step asked for it, and always the rating.
    /// </summary>
    private SessionPhase CloseFrom(SessionPhase from)
    {
        var frame = Frame;
        if (from == SessionPhase.Insight && frame.InsightStep is null)
        {
            return SessionPhase.Insight;
        }

        return from <= SessionPhase.Action && frame.ActionStep is null ? SessionPhase.Action : SessionPhase.Rating;
    }

    /// <summary>
    /// The case owner's words in the step where the method asks for their insight or action: the record takes them
    /// from there (the last words given in the step count), so the close need not ask again.
    /// </summary>
    private void TakeHarvestFromStep(string words)
    {
        var frame = Frame;
        if (CurrentStep.Id == frame.InsightStep)
        {
            _insights.Clear();
            _insights.Add(words);
        }

        if (CurrentStep.Id == frame.ActionStep)
        {
            Action = words;
        }
    }

    private SessionOutcome GiveHarvest(string by, SessionPhase expected, string? insight, string? action, SessionPhase then)
    {
        if (Phase != expected)
        {
            return SessionOutcome.NotThisStep;
        }

        var outcome = Harvest(by, insight, action);
        if (outcome == SessionOutcome.Done)
        {
            Phase = then;
        }

        return outcome;
    }
}

using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Domain.Sessions;

/// <summary>Someone taking part in a session, by the channel's id for them.</summary>
public sealed record SessionMember(string Id, string Name);

public enum SessionStatus
{
    Running,
    Paused,
    Ended,
}

/// <summary>How the case owner labels a collected question (the rank interaction).</summary>
public enum QuestionLabel
{
    Helpful,
    Neutral,
    NotHelpful,
}

/// <summary>What an attempt to change the session came to; everything but <see cref="Done"/> is explained to the member.</summary>
public enum SessionOutcome
{
    Done,

    /// <summary>Only the facilitator and the case owner move the session.</summary>
    NotFacilitatorOrCaseOwner,

    /// <summary>This step does not take that (e.g. a contribution during an explanation).</summary>
    NotThisStep,

    /// <summary>This step is for someone else (e.g. the case owner does not ask themselves questions).</summary>
    NotYourPart,

    /// <summary>The member already gave all this step asks of them.</summary>
    AlreadyComplete,

    /// <summary>The session is paused or has ended.</summary>
    NotRunning,

    /// <summary>Back at the first step, or nothing to choose from.</summary>
    NothingThere,

    /// <summary>The member is not among those present.</summary>
    NotPresent,
}

/// <summary>One contribution to a collect step (a question, a problem definition, an advice ...), numbered for the case owner.</summary>
public sealed record Contribution(int Number, string StepId, string AuthorId, string Text, ContributionKind Kind)
{
    public QuestionLabel? Label { get; init; }

    /// <summary>A question that starts with "waarom" / "why": kept, and its author gets a gentle suggestion.</summary>
    public bool IsWhyQuestion { get; init; }
}

/// <summary>
/// What a session leaves behind (J8): kept after the session, without case content unless the owner allows. Of the
/// ratings only the group's average and how many rated are kept, as the rating question promises: never who gave what.
/// </summary>
public sealed record SessionRecord(
    string MethodId,
    int MethodVersion,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    SessionMember CaseOwner,
    SessionMember Facilitator,
    IReadOnlyList<SessionMember> Attendees,
    IReadOnlyList<string> Insights,
    string? Action,
    double? AverageRating,
    int RatedBy,
    bool CompletedAllSteps);

/// <summary>The session's stored form: plain data, so it can live in the conversation's state between turns.</summary>
public sealed record SessionSnapshot
{
    public required string MethodId { get; init; }

    public required int MethodVersion { get; init; }

    public required SessionMember CaseOwner { get; init; }

    public required SessionMember Facilitator { get; init; }

    public required IReadOnlyList<SessionMember> Attendees { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public int StepIndex { get; init; }

    public SessionStatus Status { get; init; }

    public SessionPhase Phase { get; init; }

    public int Speaker { get; init; }

    public IReadOnlyList<Contribution> Contributions { get; init; } = [];

    public IReadOnlyDictionary<string, string> Reflections { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, int> Ratings { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<string> Insights { get; init; } = [];

    public string? Action { get; init; }

    public string? Chosen { get; init; }

    public IReadOnlyList<string> SkippedSteps { get; init; } = [];
}

namespace IntervisieBot.Domain.Sessions;

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

    /// <summary>The ids of those the case owner chose to ask in the question steps; empty when everyone asks.</summary>
    public IReadOnlyList<string> Askers { get; init; } = [];

    /// <summary>Whether the current collect step's contributions were shown in the group.</summary>
    public bool Revealed { get; init; }
}

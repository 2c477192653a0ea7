namespace IntervisieBot.Domain.Groups;

/// <summary>The group's stored form: plain data.</summary>
public sealed record GroupSnapshot
{
    public required GroupSettings Settings { get; init; }

    public IReadOnlyList<Member> Members { get; init; } = [];

    public IReadOnlyList<Agreement> Agreements { get; init; } = [];

    public int NextAgreement { get; init; } = 1;

    public IReadOnlyList<RotationRequests> Requests { get; init; } = [];

    public IReadOnlyList<MeetingOutcome> Outcomes { get; init; } = [];

    public IReadOnlyList<MeetingChange> Changes { get; init; } = [];

    public int EarlierPlanned { get; init; }

    public bool Paused { get; init; }
}

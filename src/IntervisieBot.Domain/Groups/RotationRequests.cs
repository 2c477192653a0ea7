namespace IntervisieBot.Domain.Groups;

/// <summary>What members said about one upcoming meeting: who will be away, who passed their turn, who takes the case.</summary>
public sealed record RotationRequests(DateOnly Meeting)
{
    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>Members who do not want to bring a case at this meeting (they may still come and facilitate).</summary>
    public IReadOnlyList<string> Passed { get; init; } = [];

    /// <summary>The case owner the group agreed on (a volunteer, or one side of a swap); kept only while they can come.</summary>
    public string? CaseOwner { get; init; }

    public bool IsEmpty => Absent.Count == 0 && Passed.Count == 0 && CaseOwner is null;
}

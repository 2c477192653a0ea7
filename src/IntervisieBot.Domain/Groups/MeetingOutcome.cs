namespace IntervisieBot.Domain.Groups;

/// <summary>A meeting that was held (J8): who brought the case, who facilitated, who came.</summary>
public sealed record MeetingOutcome(DateOnly Meeting, DateTimeOffset HeldAt, string? CaseOwner, string? Facilitator, IReadOnlyList<string> Attendees)
{
    /// <summary>The session's method, when the bot ran it.</summary>
    public string? MethodId { get; init; }
}

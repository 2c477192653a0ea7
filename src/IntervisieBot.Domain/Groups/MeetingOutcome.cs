namespace IntervisieBot.Domain.Groups;

/// <summary>
/// A meeting that was held (J8): who brought the case, who facilitated, who came. <paramref name="Meeting"/> is the
/// planned meeting's id, or for an <see cref="Extra"/> meeting the local date it was held on.
/// </summary>
public sealed record MeetingOutcome(DateOnly Meeting, DateTimeOffset HeldAt, string? CaseOwner, string? Facilitator, IReadOnlyList<string> Attendees)
{
    /// <summary>The session's method, when the bot ran it.</summary>
    public string? MethodId { get; init; }

    /// <summary>Held outside the plan: it counts as held, but uses up no planned meeting and does not move the rotation.</summary>
    public bool Extra { get; init; }
}

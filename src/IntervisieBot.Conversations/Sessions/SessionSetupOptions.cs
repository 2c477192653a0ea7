using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>What "start" begins <see cref="SessionSetupDialog"/> with.</summary>
public sealed record SessionSetupOptions
{
    /// <summary>The method named after "start"; asked when empty or unknown.</summary>
    public string? Method { get; init; }

    /// <summary>
    /// For a second case in the same meeting: the first case's owner (not asked again; empty when unknown). Only short
    /// methods are offered then. Null for a first case.
    /// </summary>
    public string? FirstOwner { get; init; }

    /// <summary>For a second case: the first case's meeting, which the second belongs to as well.</summary>
    public SessionMeeting? Meeting { get; init; }
}

namespace IntervisieBot.Domain.Groups;

public enum FacilitatorMode
{
    /// <summary>Self-led: the facilitator rotates like the case owner, never the case owner of the same meeting.</summary>
    Rotating,

    /// <summary>One member always facilitates; when they bring the case or are away, the rotation finds a stand-in.</summary>
    Fixed,

    /// <summary>Someone from outside the group facilitates; the bot assigns no member.</summary>
    External,
}

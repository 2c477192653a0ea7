namespace IntervisieBot.Domain.Groups;

/// <summary>What became of a request about a turn; everything but <see cref="Done"/> is explained to the member.</summary>
public enum TurnChange
{
    Done,

    /// <summary>The member is not in the roster (or is paused).</summary>
    NotAMember,

    /// <summary>No coming meeting on that date.</summary>
    NoSuchMeeting,

    /// <summary>Only the planned case owner can pass.</summary>
    NotYourTurn,

    /// <summary>Another member already took the case of that meeting.</summary>
    Taken,

    /// <summary>The member said they will be away from that meeting.</summary>
    Absent,

    /// <summary>Nothing to change: it already is so.</summary>
    AlreadySo,

    /// <summary>No other case owner in the coming meetings to swap with.</summary>
    NobodyToSwapWith,
}

namespace IntervisieBot.Domain.Sessions;

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

    /// <summary>The step's contributions were already shown in the group: a late one no longer counts.</summary>
    AlreadyRevealed,
}

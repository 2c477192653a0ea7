namespace IntervisieBot.Conversations.Sessions;

/// <summary>What a member asks of a running session, by button or typed word (see <see cref="SessionAction"/>).</summary>
public enum SessionActionKind
{
    /// <summary>The next step, or the next part of the close.</summary>
    Next,

    /// <summary>The next step, noting this one was skipped.</summary>
    Skip,

    /// <summary>The step before.</summary>
    Back,

    Pause,

    Resume,

    /// <summary>More time for this step's timer.</summary>
    Extend,

    /// <summary>In a round: the one speaking is done.</summary>
    PassTheFloor,

    /// <summary>The case owner shares their prepared case in the group.</summary>
    ShareCase,

    Rate,

    /// <summary>The case owner's labels from the rank card.</summary>
    Rank,

    /// <summary>The case owner's choice from a choose step's buttons.</summary>
    Choose,

    /// <summary>A leader shows a collect step's contributions in the group before everyone has answered.</summary>
    Reveal,

    /// <summary>In a personal chat: a flagged why-question counts as it was sent.</summary>
    SendAsIs,
}

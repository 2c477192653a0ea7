namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// The timer of a session step (see <see cref="SessionTimer"/>): a generation that every change raises, the step it
/// times (-1: stopped), when it ends or, while paused, how much is left, and how long before the end it warns.
/// </summary>
public sealed class SessionTimerState
{
    public int Generation { get; set; }

    public int Step { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    public double? Remaining { get; set; }

    public double Warning { get; set; }
}

using IntervisieBot.Domain;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// A running session as <see cref="SessionDialog"/> keeps it: the session, its language, whether it is the second case
/// of the meeting, and its step's timer. Also the options the session dialog begins with (without a timer).
/// </summary>
public sealed class SessionDialogState
{
    public required SessionSnapshot Session { get; set; }

    public Language Language { get; set; } = Language.Dutch;

    public bool SecondCase { get; set; }

    public SessionTimerState? Timer { get; set; }
}

using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// A running session as <see cref="SessionDialog"/> keeps it: the session, its language, whether it is the second case
/// of the meeting, and its step's timer; the group's name for private prompts, the why-questions that wait for their
/// author's "send as is" or a rephrasing, and a fingerprint of the live card last shown (so an unchanged card is not
/// updated again). Also the options the session dialog begins with (without a timer).
/// </summary>
public sealed class SessionDialogState
{
    public required SessionSnapshot Session { get; set; }

    public Language Language { get; set; } = Language.Dutch;

    public bool SecondCase { get; set; }

    /// <summary>The meeting the session belongs to, decided when it started; its outcome is recorded against it (null: the group was not set up).</summary>
    public SessionMeeting? Meeting { get; set; }

    public SessionTimerState? Timer { get; set; }

    public string? GroupName { get; set; }

    /// <summary>The group's time zone, for the record's date.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>By member id: a why-question they sent that does not count until they send it as is or rephrase it.</summary>
    public Dictionary<string, string>? PendingWhy { get; set; }

    public string? LiveCard { get; set; }
}

namespace IntervisieBot.Conversations.Calendar;

/// <summary>
/// One meeting in a calendar feed. Start is wall-clock time in the calendar's time zone; the Uid stays the same
/// across changes (so a calendar app updates the event instead of adding another) and Sequence is raised each time
/// the meeting is moved, so calendar apps take the new time.
/// </summary>
public sealed record CalendarEvent(
    string Uid,
    DateTime Start,
    TimeSpan Duration,
    string Summary,
    string Description,
    int Sequence = 0,
    bool Cancelled = false);

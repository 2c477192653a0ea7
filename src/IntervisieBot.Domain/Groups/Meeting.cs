using System.Globalization;

namespace IntervisieBot.Domain.Groups;

public enum MeetingState
{
    Planned,
    Moved,
    Cancelled,
}

/// <summary>
/// One meeting of the group. <see cref="Id"/> is the date the cadence planned it on, so it stays the same when the
/// meeting is moved: absences, volunteers and reminders refer to it. <see cref="Revision"/> counts the changes made to
/// it (moved, cancelled, restored), so a calendar can tell its copy is out of date.
/// </summary>
public sealed record Meeting(DateOnly Id, DateTimeOffset Start, DateTimeOffset End, MeetingState State = MeetingState.Planned, int Revision = 0)
{
    public string Key => Id.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool IsCancelled => State == MeetingState.Cancelled;

    public static DateOnly ParseKey(string key) => DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// A single meeting moved to another date or time, or cancelled; <paramref name="Revision"/> is how many times it was
/// changed (a change back to the planned date and time keeps counting).
/// </summary>
public sealed record MeetingChange(DateOnly Meeting, bool Cancelled = false, DateOnly? Date = null, TimeOnly? Time = null, int Revision = 1);

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
/// meeting is moved: absences, volunteers and reminders refer to it.
/// </summary>
public sealed record Meeting(DateOnly Id, DateTimeOffset Start, DateTimeOffset End, MeetingState State = MeetingState.Planned)
{
    /// <summary>Raised every time the meeting is moved or cancelled (a calendar's SEQUENCE): 0 as the cadence planned it.</summary>
    public int Sequence { get; init; }

    public string Key => Id.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool IsCancelled => State == MeetingState.Cancelled;

    public static DateOnly ParseKey(string key) => DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A single meeting moved to another date or time, or cancelled; <paramref name="Sequence"/> counts the changes.</summary>
public sealed record MeetingChange(DateOnly Meeting, bool Cancelled = false, DateOnly? Date = null, TimeOnly? Time = null, int Sequence = 1);

namespace IntervisieBot.Domain.Groups;

/// <summary>
/// When the bot reminds a group of a meeting (J4), per group. Offsets before a meeting count in the group's local
/// calendar ("7 days before" is the same local time a week earlier, whatever daylight saving did meanwhile). Private
/// messages wait for the end of the quiet hours, in the group's time zone.
/// </summary>
public sealed record ReminderSettings
{
    public static ReminderSettings Default { get; } = new();

    /// <summary>The longest offset: a meeting is at least four weeks after the one before it.</summary>
    public static TimeSpan MaximumOffset { get; } = TimeSpan.FromDays(21);

    /// <summary>To the group: date, time, case owner, facilitator, with attend / absent buttons.</summary>
    public TimeSpan GroupNotice { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Privately to the case owner: it is your turn, prepare your case.</summary>
    public TimeSpan CaseOwnerNotice { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Privately to a case owner who has not submitted a case yet.</summary>
    public TimeSpan CaseNudge { get; init; } = TimeSpan.FromDays(3);

    /// <summary>The case should be in by then; if not, the facilitator is told privately.</summary>
    public TimeSpan CaseDeadline { get; init; } = TimeSpan.FromDays(2);

    /// <summary>To the group: who comes, and a warning when too few do.</summary>
    public TimeSpan DayBefore { get; init; } = TimeSpan.FromDays(1);

    /// <summary>After the meeting's end: the evaluation (after the first meeting and every third) and the group-health check.</summary>
    public TimeSpan AfterMeeting { get; init; } = TimeSpan.FromMinutes(30);

    public TimeOnly QuietFrom { get; init; } = new(20, 0);

    public TimeOnly QuietUntil { get; init; } = new(8, 0);

    /// <summary>Fewer members coming than this and the day-before reminder warns (the sources: fewer than three is too few).</summary>
    public int MinimumAttendance { get; init; } = GroupSettings.MinimumSize;

    /// <summary>Throws when an offset is negative or longer than <see cref="MaximumOffset"/>, or the minimum is not 1 to 8.</summary>
    public void Check()
    {
        foreach (var offset in new[] { GroupNotice, CaseOwnerNotice, CaseNudge, CaseDeadline, DayBefore, AfterMeeting })
        {
            if (offset < TimeSpan.Zero || offset > MaximumOffset)
            {
                throw new ArgumentException("A reminder comes 0 to 21 days before (or after) a meeting.", nameof(offset));
            }
        }

        if (MinimumAttendance is < 1 or > GroupSettings.MaximumSize)
        {
            throw new ArgumentException("The minimum attendance is 1 to 8.", nameof(MinimumAttendance));
        }
    }

    /// <summary>Whether <paramref name="time"/> (local) falls in the quiet hours; equal bounds mean no quiet hours.</summary>
    public bool IsQuiet(TimeOnly time) =>
        QuietFrom == QuietUntil ? false
        : QuietFrom < QuietUntil ? time >= QuietFrom && time < QuietUntil
        : time >= QuietFrom || time < QuietUntil;

    /// <summary><paramref name="at"/>, or the end of the quiet hours it falls in (local, in <paramref name="zone"/>).</summary>
    public DateTimeOffset OutsideQuietHours(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!IsQuiet(time))
        {
            return at;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        return Schedule.ToInstant(time >= QuietUntil ? day.AddDays(1) : day, QuietUntil, zone);
    }
}

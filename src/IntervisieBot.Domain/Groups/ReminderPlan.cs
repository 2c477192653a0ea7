using System.Globalization;

namespace IntervisieBot.Domain.Groups;

/// <summary>The reminders of J4 around one meeting, in the order they come.</summary>
public enum ReminderKind
{
    /// <summary>To the group, a week before: when, who brings the case, who facilitates; attend / absent.</summary>
    GroupNotice,

    /// <summary>Privately to the case owner: your turn, prepare your case.</summary>
    CaseOwnerNotice,

    /// <summary>Privately to a case owner without a case yet.</summary>
    CaseNudge,

    /// <summary>At the case deadline: if there is no case, the facilitator is told privately.</summary>
    CaseDeadline,

    /// <summary>To the group, the day before: who comes.</summary>
    DayBefore,

    /// <summary>To the group at the start time: starting now, with a button that starts the session.</summary>
    Start,

    /// <summary>After the meeting: the group-health check.</summary>
    AfterMeeting,

    /// <summary>Privately to the participants, after the first meeting and every third: the survey (J10).</summary>
    Evaluation,
}

/// <summary>One reminder of one meeting, at the moment it is due.</summary>
public sealed record PlannedReminder(Meeting Meeting, ReminderKind Kind, DateTimeOffset At)
{
    /// <summary>A stable id per meeting and kind (the meeting's planned date stays the same when it moves).</summary>
    public string Id => IdFor(Meeting.Id, Kind);

    public static string IdFor(DateOnly meeting, ReminderKind kind) =>
        "reminder-" + meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "-" + kind.ToString().ToLowerInvariant();
}

/// <summary>
/// Which reminders a group gets, when: for its next meetings that are not cancelled, in its time zone. A paused group
/// gets none. Private reminders wait for the end of the quiet hours.
/// </summary>
public static class ReminderPlan
{
    /// <summary>How many meetings ahead reminders are planned; every reminder that runs plans again, so the chain goes on.</summary>
    public const int MeetingsAhead = 2;

    /// <summary>The reminders of the group's next meetings whose last reminder is still to come at <paramref name="now"/> (past ones included).</summary>
    public static IReadOnlyList<PlannedReminder> For(Group group, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.IsPaused)
        {
            return [];
        }

        return
        [
            .. group.Schedule.All()
                .Where(m => !m.IsCancelled)
                .SkipWhile(m => LastOf(group, m) <= now)
                .Take(MeetingsAhead)
                .SelectMany(m => Kinds(group, m).Select(kind => new PlannedReminder(m, kind, At(group, m, kind)))),
        ];
    }

    /// <summary>When the reminder of <paramref name="kind"/> for <paramref name="meeting"/> is due.</summary>
    public static DateTimeOffset At(Group group, Meeting meeting, ReminderKind kind)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(meeting);
        var settings = group.Settings.Reminders;
        var zone = group.Schedule.Zone;
        return kind switch
        {
            ReminderKind.GroupNotice => Before(meeting, settings.GroupNotice, zone),
            ReminderKind.CaseOwnerNotice => settings.OutsideQuietHours(Before(meeting, settings.CaseOwnerNotice, zone), zone),
            ReminderKind.CaseNudge => settings.OutsideQuietHours(Before(meeting, settings.CaseNudge, zone), zone),
            ReminderKind.CaseDeadline => settings.OutsideQuietHours(Before(meeting, settings.CaseDeadline, zone), zone),
            ReminderKind.DayBefore => Before(meeting, settings.DayBefore, zone),
            ReminderKind.Start => meeting.Start,
            ReminderKind.AfterMeeting => meeting.End + settings.AfterMeeting,
            _ => settings.OutsideQuietHours(meeting.End + settings.AfterMeeting, zone),
        };
    }

    /// <summary>The evaluation follows the first meeting and every third.</summary>
    public static bool EvaluationAfter(int meetingNumber) => meetingNumber == 1 || meetingNumber > 0 && meetingNumber % 3 == 0;

    /// <summary>The same local clock time <paramref name="offset"/> earlier in the group's calendar.</summary>
    private static DateTimeOffset Before(Meeting meeting, TimeSpan offset, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(meeting.Start, zone).DateTime - offset;
        return Schedule.ToInstant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone);
    }

    private static IEnumerable<ReminderKind> Kinds(Group group, Meeting meeting) =>
        Enum.GetValues<ReminderKind>().Where(k => k != ReminderKind.Evaluation || EvaluationAfter(group.MeetingNumber(meeting)));

    private static DateTimeOffset LastOf(Group group, Meeting meeting) =>
        Kinds(group, meeting).Max(kind => At(group, meeting, kind));
}

namespace IntervisieBot.Domain.Groups;

/// <summary>A group's meetings: moving and cancelling them, which come next with their roles, and the ones held.</summary>
public sealed partial class Group
{
    public void MoveMeeting(DateOnly meeting, DateOnly date, TimeOnly? time = null) => Schedule = Schedule.Move(meeting, date, time);

    /// <summary>The meeting's place in the group's life (1 for the first), counting meetings planned under an earlier rhythm; cancelled ones do not count.</summary>
    public int MeetingNumber(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return EarlierPlanned + Schedule.All().TakeWhile(m => m.Id <= meeting.Id).Count(m => !m.IsCancelled);
    }

    public void CancelMeeting(DateOnly meeting) => Schedule = Schedule.Cancel(meeting);

    /// <summary>The next meetings with their case owner and facilitator (J3), counting in the meetings held.</summary>
    public IReadOnlyList<MeetingRoles> NextMeetings(DateTimeOffset now, int count = 3) =>
        [.. Rotation.Plan(Roster, PlannedLedger(), Coming(now).Take(Math.Max(count, Horizon)), RequestsFor, Settings.FacilitatorMode, Settings.FixedFacilitator).Take(count)];

    /// <summary>How far from a planned meeting's start a session still belongs to it without asking (a session started late in the evening, or just after midnight).</summary>
    public static readonly TimeSpan MeetingWindow = TimeSpan.FromHours(4);

    /// <summary>A session that starts this soon after another one started belongs to that one's meeting (a second case).</summary>
    public static readonly TimeSpan SameEvening = TimeSpan.FromHours(6);

    /// <summary>How long after a planned meeting that was not held a session may still be asked to belong to it (held late).</summary>
    public static readonly TimeSpan HeldLate = TimeSpan.FromDays(7);

    /// <summary>
    /// The meeting a session started at <paramref name="at"/> belongs to. Taken without asking: the planned meeting of
    /// that local day or within <see cref="MeetingWindow"/> of its start, else the meeting of a session held earlier
    /// that evening (a second case, also an extra one). Otherwise the nearest planned meeting not held yet (the next one, or one
    /// of the past week) is proposed, for the group to say whether the session belongs to it; with none (or while the
    /// group pauses) the session is an extra meeting.
    /// </summary>
    public SessionMeetingChoice MeetingForSession(DateTimeOffset at)
    {
        var day = LocalDate(at);
        var extra = new SessionMeeting(day, Extra: true);
        // A moved meeting keeps its planned date as id; none moves by more than a couple of months.
        var today = Schedule.All().TakeWhile(m => m.Id <= day.AddDays(90))
            .FirstOrDefault(m => !m.IsCancelled && (LocalDate(m.Start) == day || (m.Start - at).Duration() <= MeetingWindow));
        if (today is not null)
        {
            return new SessionMeetingChoice(new SessionMeeting(today.Id), null, extra);
        }

        var earlier = _outcomes.Where(o => o.HeldAt <= at && (LocalDate(o.HeldAt) == day || at - o.HeldAt < SameEvening)).MaxBy(o => o.HeldAt);
        if (earlier is not null)
        {
            return new SessionMeetingChoice(new SessionMeeting(earlier.Meeting, earlier.Extra), null, extra);
        }

        var proposed = IsPaused
            ? null
            : Schedule.All().Where(m => !m.IsCancelled && !IsHeld(m.Id)).SkipWhile(m => m.End <= at - HeldLate).Take(2).MinBy(m => (m.Start - at).Duration());
        return proposed is null ? new SessionMeetingChoice(extra, null, extra) : new SessionMeetingChoice(null, proposed, extra);
    }

    /// <summary>Whether a session was recorded against the planned meeting <paramref name="meeting"/> (extra meetings use none up).</summary>
    public bool IsHeld(DateOnly meeting) => _outcomes.Exists(o => !o.Extra && o.Meeting == meeting);

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Schedule.Zone).DateTime);

    /// <summary>The roles of the planned meeting a session started now belongs to or is proposed for; none for an extra meeting.</summary>
    public MeetingRoles? RolesForSession(DateTimeOffset now)
    {
        var choice = MeetingForSession(now);
        var meeting = choice.Decided is { Extra: false } decided ? Schedule.Find(decided.Meeting) : choice.Proposed;
        if (meeting is null)
        {
            return null;
        }

        var coming = Schedule.All().Where(m => !m.IsCancelled && m.Id >= meeting.Id && !IsHeld(m.Id)).Take(Horizon);
        return Rotation.Plan(Roster, PlannedLedger(), coming, RequestsFor, Settings.FacilitatorMode, Settings.FixedFacilitator)[0];
    }

    /// <summary>The rotation's tally: extra meetings do not move it.</summary>
    private RotationLedger PlannedLedger() => RotationLedger.From(_outcomes.Where(o => !o.Extra));

    /// <summary>A meeting was held (a meeting with two cases has two outcomes); requests about it and earlier meetings are done with. Recording the same session again replaces it.</summary>
    public void RecordOutcome(MeetingOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _outcomes.RemoveAll(o => o.Meeting == outcome.Meeting && o.HeldAt == outcome.HeldAt);
        _outcomes.Add(outcome);
        _outcomes.Sort((a, b) => a.Meeting.CompareTo(b.Meeting));
        if (!outcome.Extra)
        {
            _requests.RemoveAll(r => r.Meeting <= outcome.Meeting);
        }
    }

    private IEnumerable<Meeting> Coming(DateTimeOffset now) =>
        Schedule.All().Where(m => !m.IsCancelled && m.End > now && !IsHeld(m.Id));

    private IReadOnlyList<MeetingRoles> Plan(DateTimeOffset now) => NextMeetings(now, Horizon);
}

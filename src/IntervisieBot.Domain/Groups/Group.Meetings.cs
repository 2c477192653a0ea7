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
        [.. Rotation.Plan(Roster, RotationLedger.From(_outcomes), Coming(now).Take(Math.Max(count, Horizon)), RequestsFor, Settings.FacilitatorMode, Settings.FixedFacilitator).Take(count)];

    /// <summary>
    /// The meeting a session started at <paramref name="at"/> belongs to: the one on that day (also for a second case),
    /// else the first one not held yet that has not ended more than a day ago (a session held early or late).
    /// </summary>
    public Meeting? MeetingForSession(DateTimeOffset at)
    {
        var day = LocalDate(at);
        return Schedule.All().TakeWhile(m => m.Id <= day.AddDays(90)).FirstOrDefault(m => !m.IsCancelled && LocalDate(m.Start) == day)
            ?? Schedule.All().FirstOrDefault(m => !m.IsCancelled && m.End > at - TimeSpan.FromDays(1) && !_outcomes.Exists(o => o.Meeting == m.Id));
    }

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Schedule.Zone).DateTime);

    /// <summary>The roles of the meeting a session started now belongs to.</summary>
    public MeetingRoles? RolesForSession(DateTimeOffset now)
    {
        var meeting = MeetingForSession(now);
        if (meeting is null)
        {
            return null;
        }

        var coming = Schedule.All().Where(m => !m.IsCancelled && m.Id >= meeting.Id && !_outcomes.Exists(o => o.Meeting == m.Id)).Take(Horizon);
        return Rotation.Plan(Roster, RotationLedger.From(_outcomes), coming, RequestsFor, Settings.FacilitatorMode, Settings.FixedFacilitator)[0];
    }

    /// <summary>A meeting was held (a meeting with two cases has two outcomes); requests about it and earlier meetings are done with. Recording the same session again replaces it.</summary>
    public void RecordOutcome(MeetingOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _outcomes.RemoveAll(o => o.Meeting == outcome.Meeting && o.HeldAt == outcome.HeldAt);
        _outcomes.Add(outcome);
        _outcomes.Sort((a, b) => a.Meeting.CompareTo(b.Meeting));
        _requests.RemoveAll(r => r.Meeting <= outcome.Meeting);
    }

    private IEnumerable<Meeting> Coming(DateTimeOffset now) =>
        Schedule.All().Where(m => !m.IsCancelled && m.End > now && !_outcomes.Exists(o => o.Meeting == m.Id));

    private IReadOnlyList<MeetingRoles> Plan(DateTimeOffset now) => NextMeetings(now, Horizon);
}

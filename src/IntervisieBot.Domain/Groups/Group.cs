namespace IntervisieBot.Domain.Groups;

/// <summary>What became of a request about a turn; everything but <see cref="Done"/> is explained to the member.</summary>
public enum TurnChange
{
    Done,

    /// <summary>The member is not in the roster (or is paused).</summary>
    NotAMember,

    /// <summary>No coming meeting on that date.</summary>
    NoSuchMeeting,

    /// <summary>Only the planned case owner can pass.</summary>
    NotYourTurn,

    /// <summary>Another member already took the case of that meeting.</summary>
    Taken,

    /// <summary>The member said they will be away from that meeting.</summary>
    Absent,

    /// <summary>Nothing to change: it already is so.</summary>
    AlreadySo,

    /// <summary>No other case owner in the coming meetings to swap with.</summary>
    NobodyToSwapWith,
}

/// <summary>
/// An intervision group (J1, J2, J3): its settings, roster and schedule, its agreements, what members said about
/// coming meetings, and the meetings it held. Guards its own rules; stored as one document per group.
/// </summary>
public sealed class Group
{
    /// <summary>How many coming meetings the rotation looks at for swaps, absences and volunteers.</summary>
    public const int Horizon = 8;

    private readonly List<Agreement> _agreements;
    private readonly List<RotationRequests> _requests;
    private readonly List<MeetingOutcome> _outcomes;
    private int _nextAgreement;

    private Group(GroupSnapshot snapshot)
    {
        Settings = snapshot.Settings;
        Schedule = snapshot.Settings.ToSchedule(snapshot.Changes);
        Roster = new Roster(snapshot.Members);
        _agreements = [.. snapshot.Agreements];
        _requests = [.. snapshot.Requests];
        _outcomes = [.. snapshot.Outcomes];
        _nextAgreement = Math.Max(snapshot.NextAgreement, _agreements.Count == 0 ? 1 : _agreements.Max(a => a.Number) + 1);
        EarlierPlanned = snapshot.EarlierPlanned;
        IsPaused = snapshot.Paused;
    }

    public GroupSettings Settings { get; private set; }

    public Schedule Schedule { get; private set; }

    public Roster Roster { get; }

    public IReadOnlyList<Agreement> Agreements => _agreements;

    public IReadOnlyList<RotationRequests> Requests => _requests;

    public IReadOnlyList<MeetingOutcome> Outcomes => _outcomes;

    /// <summary>Meetings planned under an earlier rhythm, before the schedule was changed.</summary>
    public int EarlierPlanned { get; private set; }

    /// <summary>The group takes a break: no reminders, no meetings planned, until it resumes.</summary>
    public bool IsPaused { get; private set; }

    /// <summary>Whether the coming session is one where the agreements are reviewed (every third by default).</summary>
    public bool ReviewAgreementsDue => Settings.ReviewAgreementsEvery > 0 && (_outcomes.Count + 1) % Settings.ReviewAgreementsEvery == 0;

    /// <summary>A new group; <paramref name="held"/> are meetings it held before it was set up (they count for the rotation).</summary>
    public static Group Create(GroupSettings settings, IEnumerable<Member> members, IEnumerable<MeetingOutcome>? held = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var group = new Group(new GroupSnapshot { Settings = Check(settings), Members = [.. members], Outcomes = [.. held ?? []] });
        group.CheckFixedFacilitator();
        return group;
    }

    public static Group Restore(GroupSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new Group(snapshot);
    }

    public GroupSnapshot ToSnapshot() => new()
    {
        Settings = Settings,
        Members = [.. Roster.Members],
        Agreements = [.. _agreements],
        NextAgreement = _nextAgreement,
        Requests = [.. _requests],
        Outcomes = [.. _outcomes],
        Changes = [.. Schedule.Changes],
        EarlierPlanned = EarlierPlanned,
        Paused = IsPaused,
    };

    /// <summary>
    /// New settings. When the dates change (another rhythm or first meeting), meetings planned so far stay counted,
    /// and moves, cancellations and requests for dates that no longer exist are dropped.
    /// </summary>
    public void ChangeSettings(GroupSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Check(settings);
        if (!settings.SameDates(Settings))
        {
            var next = settings.ToSchedule();
            EarlierPlanned += Schedule.PlannedBefore(now) - next.PlannedBefore(now);
            Schedule = next;
            _requests.RemoveAll(r => next.Find(r.Meeting) is null);
        }
        else
        {
            Schedule = settings.ToSchedule(Schedule.Changes);
        }

        Settings = settings;
        CheckFixedFacilitator();
    }

    /// <summary>Set-up again: new participants and new settings together (a fixed facilitator must be among the new participants).</summary>
    public void Reconfigure(GroupSettings settings, IEnumerable<Member> members, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var before = (Settings, Roster: Roster.Members.ToList());
        Settings = Settings with { FacilitatorMode = FacilitatorMode.Rotating, FixedFacilitator = null };
        ReplaceRoster(members);
        try
        {
            ChangeSettings(settings, now);
        }
        catch
        {
            Settings = before.Settings;
            ReplaceRoster(before.Roster);
            throw;
        }
    }

    /// <summary>The participants chosen at set-up, in this order; members who stay keep their status.</summary>
    public void ReplaceRoster(IEnumerable<Member> members)
    {
        var chosen = members.Select(m => Roster.Find(m.Id) is { } known ? known with { Name = m.Name } : m).ToList();
        foreach (var member in Roster.Members.ToList())
        {
            Roster.Remove(member.Id);
        }

        foreach (var member in chosen)
        {
            Roster.Add(member);
        }

        CheckFixedFacilitator();
    }

    public bool AddMember(Member member) => Roster.Add(member);

    public bool RemoveMember(string memberId)
    {
        if (!Roster.Remove(memberId))
        {
            return false;
        }

        if (Settings.FixedFacilitator == memberId)
        {
            Settings = Settings with { FacilitatorMode = FacilitatorMode.Rotating, FixedFacilitator = null };
        }

        return true;
    }

    public bool SetStatus(string memberId, MemberStatus status) => Roster.SetStatus(memberId, status);

    public void MoveMeeting(DateOnly meeting, DateOnly date, TimeOnly? time = null) => Schedule = Schedule.Move(meeting, date, time);

    /// <summary>Pauses or resumes the whole group; false when it already was so.</summary>
    public bool SetPaused(bool paused)
    {
        var changed = IsPaused != paused;
        IsPaused = paused;
        return changed;
    }

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

    /// <summary>The member takes the case of <paramref name="meeting"/>.</summary>
    public TurnChange Volunteer(string memberId, DateOnly meeting, DateTimeOffset now)
    {
        if (Check(memberId, meeting, now) is { } problem)
        {
            return problem;
        }

        var requests = RequestsFor(meeting) ?? new RotationRequests(meeting);
        if (requests.Absent.Contains(memberId))
        {
            return TurnChange.Absent;
        }

        var planned = Plan(now).First(r => r.Meeting.Id == meeting);
        if (planned.CaseOwner?.Id == memberId)
        {
            return TurnChange.AlreadySo;
        }

        if (requests.CaseOwner is { } other && other != memberId && planned.CaseOwner?.Id == other)
        {
            return TurnChange.Taken;
        }

        Put(requests with { CaseOwner = memberId, Passed = [.. requests.Passed.Where(p => p != memberId)] });
        return TurnChange.Done;
    }

    /// <summary>The planned case owner of <paramref name="meeting"/> does not bring a case then; the rotation moves on.</summary>
    public TurnChange Pass(string memberId, DateOnly meeting, DateTimeOffset now)
    {
        if (Check(memberId, meeting, now) is { } problem)
        {
            return problem;
        }

        if (Plan(now).First(r => r.Meeting.Id == meeting).CaseOwner?.Id != memberId)
        {
            return TurnChange.NotYourTurn;
        }

        var requests = RequestsFor(meeting) ?? new RotationRequests(meeting);
        Put(requests with { Passed = [.. requests.Passed, memberId], CaseOwner = requests.CaseOwner == memberId ? null : requests.CaseOwner });
        return TurnChange.Done;
    }

    /// <summary>
    /// Swaps turns around <paramref name="meeting"/>: its case owner swaps with the case owner of the next meeting;
    /// anyone else takes it and gives their own coming turn to its case owner (or just takes it, having none).
    /// </summary>
    public TurnChange Swap(string memberId, DateOnly meeting, DateTimeOffset now)
    {
        if (Check(memberId, meeting, now) is { } problem)
        {
            return problem;
        }

        if (IsAbsent(memberId, meeting))
        {
            return TurnChange.Absent;
        }

        var plan = Plan(now);
        var here = plan.First(r => r.Meeting.Id == meeting);
        if (here.CaseOwner?.Id == memberId)
        {
            var next = plan.SkipWhile(r => r.Meeting.Id != meeting).Skip(1)
                .FirstOrDefault(r => r.CaseOwner is { } o && o.Id != memberId && !IsAbsent(o.Id, meeting) && !IsAbsent(memberId, r.Meeting.Id));
            if (next is null)
            {
                return TurnChange.NobodyToSwapWith;
            }

            Pin(meeting, next.CaseOwner!.Id);
            Pin(next.Meeting.Id, memberId);
            return TurnChange.Done;
        }

        var mine = plan.FirstOrDefault(r => r.CaseOwner?.Id == memberId);
        if (mine is null || here.CaseOwner is null || IsAbsent(here.CaseOwner.Id, mine.Meeting.Id))
        {
            return Volunteer(memberId, meeting, now);
        }

        Pin(meeting, memberId);
        Pin(mine.Meeting.Id, here.CaseOwner.Id);
        return TurnChange.Done;
    }

    /// <summary>The member swaps their next turn with <paramref name="otherId"/>'s next turn.</summary>
    public TurnChange SwapWith(string memberId, string otherId, DateTimeOffset now)
    {
        var plan = Plan(now);
        var mine = plan.FirstOrDefault(r => r.CaseOwner?.Id == memberId);
        var theirs = plan.FirstOrDefault(r => r.CaseOwner?.Id == otherId);
        if (Roster.Find(otherId) is not { IsActive: true } || memberId == otherId)
        {
            return TurnChange.NotAMember;
        }

        if (mine is null || theirs is null || IsAbsent(memberId, theirs.Meeting.Id) || IsAbsent(otherId, mine.Meeting.Id))
        {
            return TurnChange.NobodyToSwapWith;
        }

        Pin(mine.Meeting.Id, otherId);
        Pin(theirs.Meeting.Id, memberId);
        return TurnChange.Done;
    }

    /// <summary>The member will be away from <paramref name="meeting"/> (or comes after all); away members get no role.</summary>
    public TurnChange SetAbsent(string memberId, DateOnly meeting, bool absent, DateTimeOffset now)
    {
        if (Roster.Find(memberId) is null)
        {
            return TurnChange.NotAMember;
        }

        if (!Coming(now).Take(Horizon).Any(m => m.Id == meeting))
        {
            return TurnChange.NoSuchMeeting;
        }

        var requests = RequestsFor(meeting) ?? new RotationRequests(meeting);
        if (requests.Absent.Contains(memberId) == absent)
        {
            return TurnChange.AlreadySo;
        }

        Put(absent
            ? requests with { Absent = [.. requests.Absent, memberId], CaseOwner = requests.CaseOwner == memberId ? null : requests.CaseOwner }
            : requests with { Absent = [.. requests.Absent.Where(a => a != memberId)] });
        return TurnChange.Done;
    }

    public bool IsAbsent(string memberId, DateOnly meeting) => RequestsFor(meeting)?.Absent.Contains(memberId) ?? false;

    /// <summary>A meeting was held (a meeting with two cases has two outcomes); requests about it and earlier meetings are done with. Recording the same session again replaces it.</summary>
    public void RecordOutcome(MeetingOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _outcomes.RemoveAll(o => o.Meeting == outcome.Meeting && o.HeldAt == outcome.HeldAt);
        _outcomes.Add(outcome);
        _outcomes.Sort((a, b) => a.Meeting.CompareTo(b.Meeting));
        _requests.RemoveAll(r => r.Meeting <= outcome.Meeting);
    }

    public Agreement AddAgreement(string text, string addedBy, DateTimeOffset at)
    {
        var clean = Agreement.Clean(text) ?? throw new ArgumentException("An agreement has a text of 1 to 300 characters.", nameof(text));

        // The same agreement from the same person again (a turn that ran twice, a double press) is the one already there.
        if (_agreements.Find(a => a.Text == clean && a.AddedBy == addedBy) is { } existing)
        {
            return existing;
        }

        var agreement = new Agreement(_nextAgreement++, clean, addedBy, at);
        _agreements.Add(agreement);
        return agreement;
    }

    /// <summary>Changes the text of agreement <paramref name="number"/>; null when there is no such agreement.</summary>
    public Agreement? ChangeAgreement(int number, string text, string changedBy, DateTimeOffset at)
    {
        var clean = Agreement.Clean(text) ?? throw new ArgumentException("An agreement has a text of 1 to 300 characters.", nameof(text));
        var index = _agreements.FindIndex(a => a.Number == number);
        if (index < 0)
        {
            return null;
        }

        _agreements[index] = _agreements[index] with { Text = clean, ChangedBy = changedBy, ChangedAt = at };
        return _agreements[index];
    }

    public Agreement? RemoveAgreement(int number)
    {
        var agreement = _agreements.Find(a => a.Number == number);
        if (agreement is not null)
        {
            _agreements.Remove(agreement);
        }

        return agreement;
    }

    private IEnumerable<Meeting> Coming(DateTimeOffset now) =>
        Schedule.All().Where(m => !m.IsCancelled && m.End > now && !_outcomes.Exists(o => o.Meeting == m.Id));

    private IReadOnlyList<MeetingRoles> Plan(DateTimeOffset now) => NextMeetings(now, Horizon);

    private RotationRequests? RequestsFor(DateOnly meeting) => _requests.Find(r => r.Meeting == meeting);

    private TurnChange? Check(string memberId, DateOnly meeting, DateTimeOffset now)
    {
        if (Roster.Find(memberId) is not { IsActive: true })
        {
            return TurnChange.NotAMember;
        }

        return Coming(now).Take(Horizon).Any(m => m.Id == meeting) ? null : TurnChange.NoSuchMeeting;
    }

    private void Pin(DateOnly meeting, string caseOwner)
    {
        var requests = RequestsFor(meeting) ?? new RotationRequests(meeting);
        Put(requests with { CaseOwner = caseOwner, Passed = [.. requests.Passed.Where(p => p != caseOwner)] });
    }

    private void Put(RotationRequests requests)
    {
        _requests.RemoveAll(r => r.Meeting == requests.Meeting);
        if (!requests.IsEmpty)
        {
            _requests.Add(requests);
            _requests.Sort((a, b) => a.Meeting.CompareTo(b.Meeting));
        }
    }

    private static GroupSettings Check(GroupSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Name) || settings.Name.Length > GroupSettings.MaxNameLength)
        {
            throw new ArgumentException("A group has a name of 1 to 80 characters.", nameof(settings));
        }

        if (!Enum.IsDefined(settings.Language))
        {
            throw new ArgumentException("The group's language is nl or en.", nameof(settings));
        }

        if (settings.ReviewAgreementsEvery < 0)
        {
            throw new ArgumentException("Review the agreements every n sessions, n ≥ 0 (0: never).", nameof(settings));
        }

        _ = settings.ToSchedule();
        (settings.Reminders ?? throw new ArgumentException("A group has reminder settings.", nameof(settings))).Check();
        return settings;
    }

    private void CheckFixedFacilitator()
    {
        if (Settings.FacilitatorMode == FacilitatorMode.Fixed && (Settings.FixedFacilitator is null || !Roster.Contains(Settings.FixedFacilitator)))
        {
            throw new InvalidOperationException("A fixed facilitator must be a member of the group.");
        }
    }
}

/// <summary>The group's stored form: plain data.</summary>
public sealed record GroupSnapshot
{
    public required GroupSettings Settings { get; init; }

    public IReadOnlyList<Member> Members { get; init; } = [];

    public IReadOnlyList<Agreement> Agreements { get; init; } = [];

    public int NextAgreement { get; init; } = 1;

    public IReadOnlyList<RotationRequests> Requests { get; init; } = [];

    public IReadOnlyList<MeetingOutcome> Outcomes { get; init; } = [];

    public IReadOnlyList<MeetingChange> Changes { get; init; } = [];

    public int EarlierPlanned { get; init; }

    public bool Paused { get; init; }
}

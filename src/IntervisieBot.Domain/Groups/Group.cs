namespace IntervisieBot.Domain.Groups;

/// <summary>
/// An intervision group (J1, J2, J3): its settings, roster and schedule, its agreements, what members said about
/// coming meetings, and the meetings it held. Guards its own rules; stored as one document per group.
/// Split by job: this file holds its state, settings and checks; <c>Group.Roster.cs</c>, <c>Group.Meetings.cs</c>,
/// <c>Group.Rotation.cs</c> and <c>Group.Agreements.cs</c> the rest.
/// </summary>
public sealed partial class Group
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

    /// <summary>Pauses or resumes the whole group; false when it already was so.</summary>
    public bool SetPaused(bool paused)
    {
        var changed = IsPaused != paused;
        IsPaused = paused;
        return changed;
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

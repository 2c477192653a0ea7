namespace IntervisieBot.Domain.Groups;

/// <summary>
/// When the group meets: the cadence from an anchor date (the first meeting), at a local start time in the group's
/// IANA time zone, for a duration; with single meetings moved or cancelled. Meetings are computed, not stored.
/// </summary>
public sealed class Schedule
{
    public static TimeSpan MinimumDuration { get; } = TimeSpan.FromMinutes(30);

    public static TimeSpan MaximumDuration { get; } = TimeSpan.FromHours(4);

    private readonly Dictionary<DateOnly, MeetingChange> _changes;

    public Schedule(Cadence cadence, DateOnly anchor, TimeOnly startTime, string timeZoneId, TimeSpan duration, IEnumerable<MeetingChange>? changes = null)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        if (!cadence.Fits(anchor))
        {
            throw new ArgumentException($"The first meeting {anchor:yyyy-MM-dd} does not fall on the cadence's day.", nameof(anchor));
        }

        if (duration < MinimumDuration || duration > MaximumDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A meeting lasts 30 minutes to 4 hours.");
        }

        Zone = FindZone(timeZoneId) ?? throw new ArgumentException($"Unknown time zone '{timeZoneId}'.", nameof(timeZoneId));
        Cadence = cadence;
        Anchor = anchor;
        StartTime = startTime;
        TimeZoneId = timeZoneId;
        Duration = duration;
        _changes = (changes ?? []).ToDictionary(c => c.Meeting);
    }

    public Cadence Cadence { get; }

    /// <summary>The first meeting of this rhythm; the cadence runs from here.</summary>
    public DateOnly Anchor { get; }

    public TimeOnly StartTime { get; }

    public string TimeZoneId { get; }

    public TimeZoneInfo Zone { get; }

    public TimeSpan Duration { get; }

    public IReadOnlyCollection<MeetingChange> Changes => _changes.Values;

    /// <summary>The zone for an IANA id (e.g. Europe/Amsterdam), or null when this machine does not know it.</summary>
    public static TimeZoneInfo? FindZone(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId) || !timeZoneId.Contains('/', StringComparison.Ordinal) && timeZoneId != "UTC")
        {
            // Only IANA ids ("Europe/Amsterdam"); abbreviations such as "CET" are ambiguous.
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : null;
    }

    /// <summary>Every meeting from the anchor on, cancelled ones included (marked), in planned order.</summary>
    public IEnumerable<Meeting> All()
    {
        for (var date = Anchor; ; date = Cadence.Following(date))
        {
            yield return MeetingOn(date);
        }
    }

    /// <summary>The next <paramref name="count"/> meetings that have not ended at <paramref name="now"/>, cancelled ones left out.</summary>
    public IReadOnlyList<Meeting> Upcoming(DateTimeOffset now, int count) =>
        All().Where(m => !m.IsCancelled && m.End > now).Take(count).ToList();

    /// <summary>Meetings that should have started by <paramref name="now"/> (cancelled ones left out): the "planned" of "held against planned".</summary>
    public int PlannedBefore(DateTimeOffset now)
    {
        // A moved meeting may start later than its planned date; none moves by more than a couple of months.
        var horizon = DateOnly.FromDateTime(now.UtcDateTime).AddDays(90);
        return All().TakeWhile(m => m.Id <= horizon).Count(m => !m.IsCancelled && m.Start <= now);
    }

    /// <summary>The meeting the cadence planned on <paramref name="planned"/>, or null when it planned none there.</summary>
    public Meeting? Find(DateOnly planned)
    {
        foreach (var meeting in All())
        {
            if (meeting.Id == planned)
            {
                return meeting;
            }

            if (meeting.Id > planned)
            {
                return null;
            }
        }

        return null;
    }

    public Schedule Move(DateOnly planned, DateOnly date, TimeOnly? time = null) =>
        With(new MeetingChange(planned, Date: date, Time: time, Sequence: NextSequence(planned)));

    public Schedule Cancel(DateOnly planned) => With(new MeetingChange(planned, Cancelled: true, Sequence: NextSequence(planned)));

    /// <summary>
    /// The same schedule, with a meeting back as the cadence planned it. It stays counted as a change (a higher sequence),
    /// so a calendar that has the moved or cancelled copy takes the restored one.
    /// </summary>
    public Schedule Restore(DateOnly planned) =>
        _changes.ContainsKey(planned) ? With(new MeetingChange(planned, Sequence: NextSequence(planned))) : this;

    /// <summary>The instant a local date and time in <paramref name="zone"/> is: a time skipped by the clock moving forward counts as an hour later.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private int NextSequence(DateOnly planned) => (_changes.TryGetValue(planned, out var change) ? change.Sequence : 0) + 1;

    private Schedule With(MeetingChange change)
    {
        if (Find(change.Meeting) is null)
        {
            throw new ArgumentException($"No meeting is planned on {change.Meeting:yyyy-MM-dd}.", nameof(change));
        }

        return new(Cadence, Anchor, StartTime, TimeZoneId, Duration, _changes.Values.Where(c => c.Meeting != change.Meeting).Append(change));
    }

    private Meeting MeetingOn(DateOnly planned)
    {
        _changes.TryGetValue(planned, out var change);
        var date = change?.Date ?? planned;
        var start = ToInstant(date, change?.Time ?? StartTime, Zone);
        var state = change switch
        {
            { Cancelled: true } => MeetingState.Cancelled,
            { Date: not null } or { Time: not null } => MeetingState.Moved,
            _ => MeetingState.Planned,
        };
        return new Meeting(planned, start, start + Duration, state) { Sequence = change?.Sequence ?? 0 };
    }
}

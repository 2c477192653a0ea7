using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Domain.Groups;

/// <summary>How one member took part: meetings attended, cases brought, meetings facilitated.</summary>
public sealed record MemberFigures(string Id, string Name, int Attended, int Cases, int Facilitated);

/// <summary>How often a method was used, and how the group rated it on average (null: never rated).</summary>
public sealed record MethodFigures(string MethodId, int Used, double? AverageRating);

/// <summary>
/// The group's figures (J8): meetings held against planned, attendance and cases per member, the methods used and
/// their ratings. Meetings held come from the group's own ledger once it is set up (it includes the sessions from
/// before), otherwise from the session records; methods and ratings always come from the records. <see cref="Held"/>
/// counts every meeting held, <see cref="Extra"/> those of them held outside the plan; a planned meeting held early
/// counts as planned, so the planned ones held never outnumber the planned.
/// </summary>
public sealed record GroupFigures(int Held, int? Planned, IReadOnlyList<MemberFigures> Members, IReadOnlyList<MethodFigures> Methods)
{
    /// <summary>The meetings held outside the plan (included in <see cref="Held"/>).</summary>
    public int Extra { get; init; }

    /// <summary>The planned meetings held.</summary>
    public int HeldPlanned => Held - Extra;

    public static GroupFigures Compute(Group? group, IReadOnlyList<SessionRecord> records, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(records);
        var held = group?.Outcomes.ToList() ?? [.. records.Select(FromRecord)];
        var names = records
            .SelectMany(r => r.Attendees.Append(r.CaseOwner).Append(r.Facilitator))
            .GroupBy(m => m.Id)
            .ToDictionary(g => g.Key, g => g.Last().Name, StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var member in group?.Roster.Members ?? [])
        {
            names[member.Id] = member.Name;
            order.Add(member.Id);
        }

        order.AddRange(held.SelectMany(o => o.Attendees.Append(o.CaseOwner).Append(o.Facilitator)).OfType<string>().Where(id => !order.Contains(id)).Distinct());
        var members = order
            .Select(id => new MemberFigures(
                id,
                names.GetValueOrDefault(id, id),
                held.Where(o => o.Attendees.Contains(id)).Select(o => (o.Meeting, o.Extra)).Distinct().Count(),
                held.Count(o => o.CaseOwner == id),
                held.Count(o => o.Facilitator == id)))
            .ToList();
        var methods = records
            .GroupBy(r => r.MethodId, StringComparer.Ordinal)
            .Select(g => new MethodFigures(
                g.Key,
                g.Count(),
                // Every rating counts once: each session's average weighs as much as the number who rated.
                g.Sum(r => r.AverageRating is null ? 0 : r.RatedBy) is > 0 and var rated
                    ? g.Where(r => r.AverageRating is not null).Sum(r => r.AverageRating!.Value * r.RatedBy) / rated
                    : null))
            .OrderByDescending(m => m.Used)
            .ThenBy(m => m.MethodId, StringComparer.Ordinal)
            .ToList();
        // A planned meeting held before its date (the group said the session belonged to it) counts as planned already.
        int? planned = group is null
            ? null
            : group.EarlierPlanned + group.Schedule.PlannedBefore(now)
                + held.Where(o => !o.Extra).Select(o => o.Meeting).Distinct().Count(id => group.Schedule.Find(id) is { IsCancelled: false } m && m.Start > now);
        return new GroupFigures(held.Select(o => (o.Meeting, o.Extra)).Distinct().Count(), planned, members, methods)
        {
            Extra = held.Where(o => o.Extra).Select(o => o.Meeting).Distinct().Count(),
        };
    }

    /// <summary>A session's record as a held meeting, for groups that ran sessions before they were set up.</summary>
    public static MeetingOutcome FromRecord(SessionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new MeetingOutcome(DateOnly.FromDateTime(record.StartedAt.UtcDateTime), record.StartedAt, record.CaseOwner.Id, record.Facilitator.Id, [.. record.Attendees.Select(a => a.Id)])
        {
            MethodId = record.MethodId,
        };
    }
}

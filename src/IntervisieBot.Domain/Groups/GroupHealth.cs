namespace IntervisieBot.Domain.Groups;

/// <summary>The signs of a group in danger (J9), from the sources: meetings not kept, members not coming, cases not prepared.</summary>
public enum HealthConcern
{
    /// <summary>Two meetings in a row were cancelled.</summary>
    CancelledTwice,

    /// <summary>Fewer than 60 % of the members came to the last three meetings.</summary>
    LowAttendance,

    /// <summary>Two case owners in a row had no case prepared by the deadline.</summary>
    UnpreparedTwice,
}

/// <summary>One concern, about one moment: <see cref="Occurrence"/> names it, so it is told once.</summary>
public sealed record HealthFinding(HealthConcern Concern, string Occurrence);

/// <summary>Whether a case owner had their case ready by the deadline of a meeting.</summary>
public sealed record CasePreparation(DateOnly Meeting, bool Prepared);

public static class GroupHealth
{
    public const double MinimumAttendance = 0.6;

    /// <summary>How far back and ahead cancellations count: older ones are history, not a danger now.</summary>
    public static TimeSpan CancellationWindow { get; } = TimeSpan.FromDays(90);

    /// <summary>What is worrying about <paramref name="group"/> at <paramref name="now"/>.</summary>
    public static IReadOnlyList<HealthFinding> Check(Group group, DateTimeOffset now, IEnumerable<CasePreparation> preparation)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(preparation);
        var findings = new List<HealthFinding>();
        var from = DateOnly.FromDateTime((now - CancellationWindow).UtcDateTime);
        var until = DateOnly.FromDateTime((now + CancellationWindow).UtcDateTime);
        Meeting? previous = null;
        foreach (var meeting in group.Schedule.All().TakeWhile(m => m.Id <= until))
        {
            if (meeting.IsCancelled && previous is { IsCancelled: true } && meeting.Id >= from)
            {
                findings.Add(new HealthFinding(HealthConcern.CancelledTwice, "cancelled-" + meeting.Key));
            }

            previous = meeting;
        }

        var lastThree = group.Outcomes.Where(o => o.HeldAt <= now).GroupBy(o => o.Meeting).OrderBy(g => g.Key).TakeLast(3).ToList();
        var expected = group.Roster.Active.Count();
        if (lastThree.Count == 3 && expected > 0)
        {
            var came = lastThree.Sum(g => g.SelectMany(o => o.Attendees).Distinct(StringComparer.Ordinal).Count());
            if (came < MinimumAttendance * expected * 3)
            {
                findings.Add(new HealthFinding(HealthConcern.LowAttendance, "attendance-" + lastThree[^1].First().Meeting.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        var lastTwo = preparation.OrderBy(p => p.Meeting).TakeLast(2).ToList();
        if (lastTwo.Count == 2 && lastTwo.TrueForAll(p => !p.Prepared))
        {
            findings.Add(new HealthFinding(HealthConcern.UnpreparedTwice, "unprepared-" + lastTwo[1].Meeting.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return findings;
    }
}

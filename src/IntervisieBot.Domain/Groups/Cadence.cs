namespace IntervisieBot.Domain.Groups;

public enum CadenceKind
{
    /// <summary>Every <see cref="Cadence.Weeks"/> weeks on the same weekday.</summary>
    EveryWeeks,

    /// <summary>Once a month, on the nth weekday (e.g. the second Tuesday).</summary>
    MonthlyOnWeekday,
}

/// <summary>
/// How often the group meets: every 4, 5 or 6 weeks, or monthly on the nth weekday; the sources' rhythm for a group
/// that keeps going (a longer gap and members lose the thread).
/// </summary>
public sealed record Cadence
{
    /// <summary>For <see cref="WeekOfMonth"/>: the last such weekday of the month.</summary>
    public const int LastWeek = 5;

    public static IReadOnlyList<int> AllowedWeeks { get; } = [4, 5, 6];

    public CadenceKind Kind { get; init; }

    public int Weeks { get; init; }

    /// <summary>1 to 4, or <see cref="LastWeek"/>; only for <see cref="CadenceKind.MonthlyOnWeekday"/>.</summary>
    public int WeekOfMonth { get; init; }

    public DayOfWeek Weekday { get; init; }

    public static Cadence EveryWeeks(int weeks, DayOfWeek weekday)
    {
        if (!AllowedWeeks.Contains(weeks))
        {
            throw new ArgumentOutOfRangeException(nameof(weeks), weeks, "A group meets every 4, 5 or 6 weeks.");
        }

        return new Cadence { Kind = CadenceKind.EveryWeeks, Weeks = weeks, Weekday = weekday };
    }

    public static Cadence Monthly(int weekOfMonth, DayOfWeek weekday)
    {
        if (weekOfMonth is < 1 or > LastWeek)
        {
            throw new ArgumentOutOfRangeException(nameof(weekOfMonth), weekOfMonth, "The week of the month is 1 to 4, or the last.");
        }

        return new Cadence { Kind = CadenceKind.MonthlyOnWeekday, WeekOfMonth = weekOfMonth, Weekday = weekday };
    }

    /// <summary>Whether a meeting can fall on this date: the weekday, and for a monthly rhythm the right week of the month.</summary>
    public bool Fits(DateOnly date) => Kind switch
    {
        CadenceKind.MonthlyOnWeekday => date == NthWeekday(date.Year, date.Month),
        _ => date.DayOfWeek == Weekday,
    };

    /// <summary>The meeting after one on <paramref name="date"/>.</summary>
    public DateOnly Following(DateOnly date)
    {
        if (Kind == CadenceKind.EveryWeeks)
        {
            return date.AddDays(7 * Weeks);
        }

        var next = date.AddMonths(1);
        return NthWeekday(next.Year, next.Month);
    }

    /// <summary>The dates that fit, from <paramref name="day"/> on (inclusive): suggestions for a first meeting.</summary>
    public IEnumerable<DateOnly> FittingFrom(DateOnly day)
    {
        if (Kind == CadenceKind.EveryWeeks)
        {
            var first = day.AddDays(((int)Weekday - (int)day.DayOfWeek + 7) % 7);
            for (var date = first; ; date = date.AddDays(7))
            {
                yield return date;
            }
        }

        for (var month = new DateOnly(day.Year, day.Month, 1); ; month = month.AddMonths(1))
        {
            var date = NthWeekday(month.Year, month.Month);
            if (date >= day)
            {
                yield return date;
            }
        }
    }

    private DateOnly NthWeekday(int year, int month)
    {
        if (WeekOfMonth == LastWeek)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)Weekday + 7) % 7));
        }

        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)Weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (WeekOfMonth - 1)));
    }
}

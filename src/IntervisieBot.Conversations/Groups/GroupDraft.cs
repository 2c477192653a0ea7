using System.Globalization;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Groups;

/// <summary>
/// The answers of a set-up so far (<see cref="GroupSetupDialog"/>), as the prompts give them: a cadence is "4", "5",
/// "6" or "monthly", a weekday its number, a time "HH:mm", a date "yyyy-MM-dd". What is not answered yet is null and
/// has a default in <see cref="ToSettings"/>.
/// </summary>
public sealed record GroupDraft
{
    public const string DateFormat = "yyyy-MM-dd";

    public string? Name { get; init; }

    /// <summary>"nl" or "en".</summary>
    public string? Language { get; init; }

    /// <summary>"4", "5", "6" (every so many weeks) or "monthly".</summary>
    public string? Cadence { get; init; }

    /// <summary>The week of the month (1–5, 5 is the last) of a monthly cadence.</summary>
    public string? Week { get; init; }

    /// <summary>A <see cref="DayOfWeek"/> as its number.</summary>
    public string? Weekday { get; init; }

    /// <summary>The start time, "HH:mm".</summary>
    public string? Time { get; init; }

    public string? Zone { get; init; }

    public string? Minutes { get; init; }

    /// <summary>The first (or next) meeting, <see cref="DateFormat"/>.</summary>
    public string? First { get; init; }

    public IReadOnlyList<DraftMember> Members { get; init; } = [];

    /// <summary>A <see cref="FacilitatorMode"/> by name.</summary>
    public string? Facilitator { get; init; }

    /// <summary>The fixed facilitator's id.</summary>
    public string? Fixed { get; init; }

    /// <summary>Whether a new group starts with the default agreements.</summary>
    public bool? Agreements { get; init; }

    /// <summary>The answers of an earlier set-up, so a change asks only what changes.</summary>
    public static GroupDraft From(Group group)
    {
        var s = group.Settings;
        var monthly = s.Cadence.Kind == CadenceKind.MonthlyOnWeekday;
        return new GroupDraft
        {
            Name = s.Name,
            Language = s.Language.Code,
            Cadence = monthly ? "monthly" : s.Cadence.Weeks.ToString(CultureInfo.InvariantCulture),
            Week = monthly ? s.Cadence.WeekOfMonth.ToString(CultureInfo.InvariantCulture) : null,
            Weekday = ((int)s.Cadence.Weekday).ToString(CultureInfo.InvariantCulture),
            Time = s.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            Zone = s.TimeZoneId,
            Minutes = ((int)s.Duration.TotalMinutes).ToString(CultureInfo.InvariantCulture),
            First = s.FirstMeeting.ToString(DateFormat, CultureInfo.InvariantCulture),
            Members = [.. group.Roster.Members.Select(m => new DraftMember(m.Id, m.Name, m.Status))],
            Facilitator = s.FacilitatorMode.ToString(),
            Fixed = s.FixedFacilitator,
        };
    }

    /// <summary>The rhythm as answered so far (every four weeks on Tuesday until answered).</summary>
    public Cadence ToCadence()
    {
        var day = (DayOfWeek)int.Parse(Weekday ?? "2", CultureInfo.InvariantCulture);
        return Cadence is "monthly"
            ? Domain.Groups.Cadence.Monthly(int.Parse(Week ?? "1", CultureInfo.InvariantCulture), day)
            : Domain.Groups.Cadence.EveryWeeks(int.Parse(Cadence ?? "4", CultureInfo.InvariantCulture), day);
    }

    /// <summary>The start time as answered, midnight until then.</summary>
    public TimeOnly StartTime() => TimeOnly.Parse(Time ?? "00:00", CultureInfo.InvariantCulture);

    /// <summary>The first date can be kept only when it still fits the (possibly new) rhythm.</summary>
    public DateOnly? KeepableFirst() =>
        First is { } first && DateOnly.ParseExact(first, DateFormat, CultureInfo.InvariantCulture) is var date && ToCadence().Fits(date) ? date : null;

    public List<Member> ToMembers() => [.. Members.Select(m => m.ToMember())];

    /// <summary>The group's settings from a complete draft.</summary>
    public GroupSettings ToSettings()
    {
        var mode = Enum.Parse<FacilitatorMode>(Facilitator ?? nameof(FacilitatorMode.Rotating));
        return new GroupSettings
        {
            Name = Name!,
            Language = IntervisieBot.Domain.Language.TryFromCode(Language) ?? IntervisieBot.Domain.Language.Dutch,
            Cadence = ToCadence(),
            FirstMeeting = DateOnly.ParseExact(First!, DateFormat, CultureInfo.InvariantCulture),
            StartTime = TimeOnly.ParseExact(Time!, "HH:mm", CultureInfo.InvariantCulture),
            TimeZoneId = Zone ?? GroupSettings.DefaultTimeZone,
            Duration = TimeSpan.FromMinutes(int.Parse(Minutes ?? "90", CultureInfo.InvariantCulture)),
            FacilitatorMode = mode,
            FixedFacilitator = mode == FacilitatorMode.Fixed ? Fixed : null,
        };
    }
}

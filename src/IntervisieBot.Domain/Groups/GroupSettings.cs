using System.Text.Json.Serialization;

namespace IntervisieBot.Domain.Groups;

/// <summary>What set-up asks (J1). Defaults are the product's: Europe/Amsterdam, 90 minutes, rotating facilitator, review every third session.</summary>
public sealed record GroupSettings
{
    public const string DefaultTimeZone = "Europe/Amsterdam";

    /// <summary>The sources: fewer than three and there is too little to reflect with; more than eight and not everyone gets a say.</summary>
    public const int MinimumSize = 3;

    public const int MaximumSize = 8;

    public const int MaxNameLength = 80;

    public static TimeSpan DefaultDuration { get; } = TimeSpan.FromMinutes(90);

    public required string Name { get; init; }

    /// <summary>The language the bot speaks in the group; stored as "nl" or "en".</summary>
    [JsonConverter(typeof(LanguageCodeJsonConverter))]
    public required Language Language { get; init; }

    public required Cadence Cadence { get; init; }

    public required DateOnly FirstMeeting { get; init; }

    public required TimeOnly StartTime { get; init; }

    public string TimeZoneId { get; init; } = DefaultTimeZone;

    public TimeSpan Duration { get; init; } = DefaultDuration;

    public FacilitatorMode FacilitatorMode { get; init; }

    /// <summary>For <see cref="FacilitatorMode.Fixed"/>: the member who facilitates.</summary>
    public string? FixedFacilitator { get; init; }

    /// <summary>Every this many sessions the agenda includes reviewing the agreements (the sources: revisit them regularly).</summary>
    public int ReviewAgreementsEvery { get; init; } = 3;

    /// <summary>When the bot reminds the group and its members of a meeting (J4), and its quiet hours.</summary>
    public ReminderSettings Reminders { get; init; } = ReminderSettings.Default;

    public Schedule ToSchedule(IEnumerable<MeetingChange>? changes = null) =>
        new(Cadence, FirstMeeting, StartTime, TimeZoneId, Duration, changes);

    /// <summary>Whether the meetings fall on the same dates as under <paramref name="other"/> (so moved and cancelled meetings still apply).</summary>
    public bool SameDates(GroupSettings other) => other is not null && Cadence == other.Cadence && FirstMeeting == other.FirstMeeting;
}

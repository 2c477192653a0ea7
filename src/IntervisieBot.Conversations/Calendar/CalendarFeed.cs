namespace IntervisieBot.Conversations.Calendar;

/// <summary>A calendar: its name, its time zone and its events, stamped at <paramref name="Stamp"/>.</summary>
public sealed record CalendarFeed(string Name, TimeZoneInfo TimeZone, DateTimeOffset Stamp, IReadOnlyList<CalendarEvent> Events);

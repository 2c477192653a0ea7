using System.Globalization;
using System.Text;

namespace IntervisieBot.Conversations.Calendar;

/// <summary>
/// Writes iCalendar (RFC 5545) text: CRLF line ends, lines folded at 75 octets without splitting a character, TEXT
/// values escaped, times with their TZID and a VTIMEZONE that spells out the zone's offsets (daylight saving
/// included) for the years the events span, so any calendar app shows the right local time.
/// </summary>
public static class IcsWriter
{
    private const int MaxLineOctets = 75;

    public static string Write(CalendarFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var output = new StringBuilder();
        var tzid = feed.TimeZone.Id;
        Line(output, "BEGIN:VCALENDAR");
        Line(output, "VERSION:2.0");
        Line(output, "PRODID:-//IntervisieBot//IntervisieBot//NL");
        Line(output, "CALSCALE:GREGORIAN");
        Line(output, "METHOD:PUBLISH");
        Line(output, "X-WR-CALNAME:" + Escape(feed.Name));
        Line(output, "X-WR-TIMEZONE:" + tzid);
        WriteTimeZone(output, feed.TimeZone, feed.Events.Select(e => e.Start).DefaultIfEmpty(feed.Stamp.UtcDateTime));
        foreach (var meeting in feed.Events)
        {
            Line(output, "BEGIN:VEVENT");
            Line(output, "UID:" + Escape(meeting.Uid));
            Line(output, "DTSTAMP:" + Utc(feed.Stamp));
            Line(output, $"DTSTART;TZID={tzid}:{Local(meeting.Start)}");
            Line(output, $"DTEND;TZID={tzid}:{Local(meeting.Start + meeting.Duration)}");
            Line(output, "SEQUENCE:" + meeting.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(output, "STATUS:" + (meeting.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(output, "SUMMARY:" + Escape(meeting.Summary));
            Line(output, "DESCRIPTION:" + Escape(meeting.Description));
            Line(output, "TRANSP:OPAQUE");
            Line(output, "END:VEVENT");
        }

        Line(output, "END:VCALENDAR");
        return output.ToString();
    }

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// One observance per offset change in the years around the events (the year before the first to the year after
    /// the last), plus the offset in force at the start of that span; a zone without changes gets one STANDARD.
    /// </summary>
    private static void WriteTimeZone(StringBuilder output, TimeZoneInfo zone, IEnumerable<DateTime> starts)
    {
        var list = starts.ToList();
        var from = new DateTime(list.Min().Year - 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var until = new DateTime(list.Max().Year + 2, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Line(output, "BEGIN:VTIMEZONE");
        Line(output, "TZID:" + zone.Id);
        var offset = zone.GetUtcOffset(from);
        Observance(output, zone.IsDaylightSavingTime(from), from + offset, offset, offset);
        foreach (var change in Transitions(zone, from, until))
        {
            var before = zone.GetUtcOffset(change.AddTicks(-1));
            var after = zone.GetUtcOffset(change);
            Observance(output, zone.IsDaylightSavingTime(change), change + before, before, after);
        }

        Line(output, "END:VTIMEZONE");
    }

    private static void Observance(StringBuilder output, bool daylight, DateTime onsetLocal, TimeSpan from, TimeSpan to)
    {
        var kind = daylight ? "DAYLIGHT" : "STANDARD";
        Line(output, "BEGIN:" + kind);
        Line(output, "DTSTART:" + Local(onsetLocal));
        Line(output, "TZOFFSETFROM:" + Offset(from));
        Line(output, "TZOFFSETTO:" + Offset(to));
        Line(output, "END:" + kind);
    }

    /// <summary>The UTC instants at which the zone's offset changes: a daily scan, then a search down to the minute.</summary>
    private static IEnumerable<DateTime> Transitions(TimeZoneInfo zone, DateTime from, DateTime until)
    {
        var previous = zone.GetUtcOffset(from);
        for (var day = from.AddDays(1); day <= until; day = day.AddDays(1))
        {
            var offset = zone.GetUtcOffset(day);
            if (offset == previous)
            {
                continue;
            }

            var low = day.AddDays(-1);
            var high = day;
            while (high - low > TimeSpan.FromMinutes(1))
            {
                var middle = low + ((high - low) / 2);
                middle = new DateTime(middle.Ticks - (middle.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
                if (zone.GetUtcOffset(middle) == previous)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            yield return high;
            previous = offset;
        }
    }

    private static string Local(DateTime time) => time.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    /// <summary>Writes one content line, folded so no physical line is longer than 75 octets (RFC 5545 3.1).</summary>
    private static void Line(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = MaxLineOctets;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;

                // A continuation line starts with the space, which counts towards its 75 octets.
                limit = MaxLineOctets - 1;
            }

            output.Append(rune.ToString());
            octets += size;
        }

        output.Append("\r\n");
    }
}

using System.Globalization;
using IntervisieBot.Conversations.Calendar;

namespace IntervisieBot.Conversations.Tests.Calendar;

public sealed class IcsWriterTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly DateTimeOffset Stamp = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static CalendarEvent Meeting(DateTime start, string uid = "m1@intervisiebot", string summary = "Intervisie", string description = "Casusinbrenger: Anna", int sequence = 0, bool cancelled = false) =>
        new(uid, start, TimeSpan.FromMinutes(90), summary, description, sequence, cancelled);

    private static ICalComponent Write(params CalendarEvent[] events) =>
        StrictICalendar.Parse(IcsWriter.Write(new CalendarFeed("Intervisiegroep Noord", Amsterdam, Stamp, events)));

    [Fact]
    public void MeetingsEitherSideOfADaylightSavingChange_ResolveToTheRightInstant_ThroughTheFeedsOwnTimeZone()
    {
        var winter = new DateTime(2026, 12, 3, 18, 30, 0);
        var spring = new DateTime(2027, 4, 8, 18, 30, 0);
        var autumn = new DateTime(2027, 10, 28, 9, 0, 0);

        var calendar = Write(Meeting(winter, "a"), Meeting(spring, "b"), Meeting(autumn, "c"));

        var events = calendar.Components.Where(c => c.Name == "VEVENT").ToList();
        Assert.Equal(3, events.Count);
        foreach (var (meeting, local) in events.Zip([winter, spring, autumn]))
        {
            var start = meeting.Single("DTSTART");
            Assert.Equal("Europe/Amsterdam", start.Parameters["TZID"]);
            Assert.Equal(local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture), start.Value);
            Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(local, Amsterdam), StrictICalendar.ResolveUtc(calendar, start).UtcDateTime);
            Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(local.AddMinutes(90), Amsterdam), StrictICalendar.ResolveUtc(calendar, meeting.Single("DTEND")).UtcDateTime);
        }

        Assert.Equal(new DateTime(2026, 12, 3, 17, 30, 0), StrictICalendar.ResolveUtc(calendar, events[0].Single("DTSTART")).UtcDateTime);
        Assert.Equal(new DateTime(2027, 4, 8, 16, 30, 0), StrictICalendar.ResolveUtc(calendar, events[1].Single("DTSTART")).UtcDateTime);
    }

    [Fact]
    public void TextWithCommasSemicolonsBackslashesAndLineBreaks_ComesBackExactly_AndLongLinesFoldWithoutSplittingACharacter()
    {
        var summary = "Intervisie; casus van Anna, met één 🙂 en een \\ schuine streep";
        var description = "Casusinbrenger: Anna\nGespreksleider: Bram\n" + string.Concat(Enumerable.Repeat("Ruimte voor reflectie, vragen; en ‘wat maakt dat…’ — ", 6));

        var calendar = Write(Meeting(new DateTime(2026, 12, 3, 18, 30, 0), summary: summary, description: description));

        var meeting = Assert.Single(calendar.Components, c => c.Name == "VEVENT");
        Assert.Equal(summary, meeting.Text("SUMMARY"));
        Assert.Equal(description, meeting.Text("DESCRIPTION"));
        Assert.Equal("Intervisiegroep Noord", calendar.Text("X-WR-CALNAME"));
    }

    [Fact]
    public void AMovedMeeting_KeepsItsUid_WithAHigherSequence_AndACancelledOneSaysSo()
    {
        var calendar = Write(
            Meeting(new DateTime(2026, 12, 10, 18, 30, 0), "m1@x", sequence: 1),
            Meeting(new DateTime(2027, 1, 14, 18, 30, 0), "m2@x", sequence: 2, cancelled: true));

        var events = calendar.Components.Where(c => c.Name == "VEVENT").ToList();
        Assert.Equal(("m1@x", "1", "CONFIRMED"), (events[0].Text("UID"), events[0].Single("SEQUENCE").Value, events[0].Single("STATUS").Value));
        Assert.Equal(("m2@x", "2", "CANCELLED"), (events[1].Text("UID"), events[1].Single("SEQUENCE").Value, events[1].Single("STATUS").Value));
        Assert.All(events, e => Assert.Equal("20261122T090000Z", e.Single("DTSTAMP").Value));
        Assert.Equal(["2.0"], calendar.Properties.Where(p => p.Name == "VERSION").Select(p => p.Value));
        Assert.Single(calendar.Properties, p => p.Name == "PRODID");
    }

    [Fact]
    public void AZoneWithoutDaylightSaving_HasOneObservance()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var text = IcsWriter.Write(new CalendarFeed("Tokyo", tokyo, Stamp, [Meeting(new DateTime(2027, 6, 1, 19, 0, 0))]));
        var calendar = StrictICalendar.Parse(text);

        var zone = Assert.Single(calendar.Components, c => c.Name == "VTIMEZONE");
        var observance = Assert.Single(zone.Components);
        Assert.Equal(("STANDARD", "+0900", "+0900"), (observance.Name, observance.Single("TZOFFSETFROM").Value, observance.Single("TZOFFSETTO").Value));
        var start = Assert.Single(calendar.Components, c => c.Name == "VEVENT").Single("DTSTART");
        Assert.Equal(new DateTime(2027, 6, 1, 10, 0, 0), StrictICalendar.ResolveUtc(calendar, start).UtcDateTime);
    }

    [Fact]
    public void TheStrictReader_RefusesWhatTheWriterMustNeverProduce()
    {
        Assert.ThrowsAny<Exception>(() => StrictICalendar.Parse("BEGIN:VCALENDAR\nEND:VCALENDAR\n"));
        Assert.ThrowsAny<Exception>(() => StrictICalendar.Parse("BEGIN:VCALENDAR\r\nX-LONG:" + new string('a', 80) + "\r\nEND:VCALENDAR\r\n"));
        Assert.ThrowsAny<Exception>(() => StrictICalendar.UnescapeText("a, b"));
        Assert.ThrowsAny<Exception>(() => StrictICalendar.UnescapeText("a\\x"));
        Assert.ThrowsAny<Exception>(() => StrictICalendar.Parse("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n"));
    }
}

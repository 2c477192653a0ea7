using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Domain.Tests.Groups;

public sealed class ScheduleTests
{
    private static Schedule EveryFourWeeks(string zone = "Europe/Amsterdam") =>
        new(Cadence.EveryWeeks(4, DayOfWeek.Tuesday), new DateOnly(2027, 1, 12), new TimeOnly(19, 30), zone, TimeSpan.FromMinutes(90));

    [Fact]
    public void Upcoming_AreInTheGroupsTimeZone_AcrossTheSummerTimeChange()
    {
        var meetings = EveryFourWeeks().Upcoming(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), 3);

        // 9 March is winter time (UTC+1), 6 April summer time (UTC+2): 19:30 local both times.
        Assert.Equal(
            [new DateTimeOffset(2027, 3, 9, 19, 30, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2027, 4, 6, 19, 30, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2027, 5, 4, 19, 30, 0, TimeSpan.FromHours(2))],
            meetings.Select(m => m.Start));
        Assert.All(meetings, m => Assert.Equal(TimeSpan.FromMinutes(90), m.End - m.Start));
    }

    [Fact]
    public void AMeetingThatHasNotEnded_IsStillUpcoming()
    {
        var during = new DateTimeOffset(2027, 1, 12, 19, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2027, 1, 12), EveryFourWeeks().Upcoming(during, 1)[0].Id);
    }

    [Fact]
    public void AMovedMeeting_KeepsItsId_AndACancelledOneIsLeftOut()
    {
        var schedule = EveryFourWeeks()
            .Move(new DateOnly(2027, 1, 12), new DateOnly(2027, 1, 14), new TimeOnly(9, 0))
            .Cancel(new DateOnly(2027, 2, 9));

        var meetings = schedule.Upcoming(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), 2);

        Assert.Equal((new DateOnly(2027, 1, 12), MeetingState.Moved), (meetings[0].Id, meetings[0].State));
        Assert.Equal(new DateTimeOffset(2027, 1, 14, 9, 0, 0, TimeSpan.FromHours(1)), meetings[0].Start);
        Assert.Equal(new DateOnly(2027, 3, 9), meetings[1].Id);
        Assert.Equal(1, schedule.PlannedBefore(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("CET")]
    [InlineData("")]
    public void AnUnknownTimeZone_IsRefused(string zone) =>
        Assert.Throws<ArgumentException>(() => EveryFourWeeks(zone));

    [Fact]
    public void AFirstMeetingOffTheCadencesDay_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new Schedule(Cadence.EveryWeeks(4, DayOfWeek.Tuesday), new DateOnly(2027, 1, 13), new TimeOnly(19, 30), "Europe/Amsterdam", TimeSpan.FromMinutes(90)));

    [Fact]
    public void ATimeTheClockSkips_BecomesAnHourLater()
    {
        var zone = Schedule.FindZone("Europe/Amsterdam")!;

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 3, 30, 0, TimeSpan.FromHours(2)), Schedule.ToInstant(new DateOnly(2027, 3, 28), new TimeOnly(2, 30), zone));
    }
}

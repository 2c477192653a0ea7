using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Domain.Tests.Groups;

/// <summary>When the reminders of J4 fall: the group's local calendar, daylight saving, quiet hours, and the evaluation's rhythm.</summary>
public sealed class ReminderPlanTests
{
    private static readonly TimeZoneInfo Amsterdam = Schedule.FindZone("Europe/Amsterdam")!;

    private static Group EveryFourWeeks(DateOnly first, TimeOnly start) => Group.Create(
        new GroupSettings { Name = "Team Noord", Language = Language.Dutch, Cadence = Cadence.EveryWeeks(4, DayOfWeek.Tuesday), FirstMeeting = first, StartTime = start },
        [new Member("a", "Anna"), new Member("b", "Bram"), new Member("c", "Cees")]);

    [Fact]
    public void AWeekBefore_IsTheSameLocalTime_WhenTheClocksGoForwardInBetween()
    {
        // 30 March 2027 is summer time; a week earlier, 23 March, winter time: 19:30 local both times.
        var group = EveryFourWeeks(new DateOnly(2027, 3, 30), new TimeOnly(19, 30));

        var plan = ReminderPlan.For(group, new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2027, 3, 23, 19, 30, 0, TimeSpan.FromHours(1)), plan.Single(r => r.Meeting.Id == new DateOnly(2027, 3, 30) && r.Kind == ReminderKind.GroupNotice).At);
        Assert.Equal(new DateTimeOffset(2027, 3, 30, 19, 30, 0, TimeSpan.FromHours(2)), plan.Single(r => r.Meeting.Id == new DateOnly(2027, 3, 30) && r.Kind == ReminderKind.Start).At);
    }

    [Fact]
    public void PrivateReminders_WaitForTheEndOfTheQuietHours_GroupOnesDoNot()
    {
        var group = EveryFourWeeks(new DateOnly(2027, 3, 30), new TimeOnly(20, 30));

        var plan = ReminderPlan.For(group, new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero)).Where(r => r.Meeting.Id == new DateOnly(2027, 3, 30)).ToList();

        Assert.Equal(new DateTimeOffset(2027, 3, 23, 20, 30, 0, TimeSpan.FromHours(1)), plan.Single(r => r.Kind == ReminderKind.GroupNotice).At);
        Assert.Equal(new DateTimeOffset(2027, 3, 24, 8, 0, 0, TimeSpan.FromHours(1)), plan.Single(r => r.Kind == ReminderKind.CaseOwnerNotice).At);
        // The evaluation after 22:00 + 30 minutes waits until 08:00 the next morning.
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 8, 0, 0, TimeSpan.FromHours(2)), plan.Single(r => r.Kind == ReminderKind.Evaluation).At);
    }

    [Fact]
    public void QuietHoursEnd_At8Local_OnTheNightTheClocksGoForward()
    {
        var settings = ReminderSettings.Default;

        var at = settings.OutsideQuietHours(new DateTimeOffset(2027, 3, 27, 23, 0, 0, TimeSpan.FromHours(1)), Amsterdam);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 8, 0, 0, TimeSpan.FromHours(2)), at);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 12, 0, 0, TimeSpan.Zero), settings.OutsideQuietHours(new DateTimeOffset(2027, 3, 28, 12, 0, 0, TimeSpan.Zero), Amsterdam));
    }

    [Fact]
    public void APausedGroup_GetsNoReminders_AndACancelledMeetingNone()
    {
        var group = EveryFourWeeks(new DateOnly(2027, 3, 30), new TimeOnly(19, 30));
        var now = new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);
        group.CancelMeeting(new DateOnly(2027, 3, 30));

        Assert.DoesNotContain(ReminderPlan.For(group, now), r => r.Meeting.Id == new DateOnly(2027, 3, 30));
        Assert.True(group.SetPaused(true));
        Assert.Empty(ReminderPlan.For(group, now));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(6, true)]
    public void TheEvaluation_FollowsTheFirstMeetingAndEveryThird(int meeting, bool evaluated) =>
        Assert.Equal(evaluated, ReminderPlan.EvaluationAfter(meeting));
}

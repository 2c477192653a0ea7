using IntervisieBot.Domain.Groups;
using static IntervisieBot.Domain.Tests.Groups.GroupBuilder;

namespace IntervisieBot.Domain.Tests.Groups;

/// <summary>
/// Which meeting a session belongs to, decided when it starts (the group meets every four weeks on Tuesday at 19:30 in
/// Amsterdam, from 12 January 2027): today's planned meeting without asking, the first case's meeting for a second
/// case, otherwise a question whose "no" is an extra meeting that uses nothing up.
/// </summary>
public sealed class MeetingForSessionTests
{
    /// <summary>Tuesday 12 January 2027, 19:25 in Amsterdam.</summary>
    private static readonly DateTimeOffset FirstEvening = new(2027, 1, 12, 18, 25, 0, TimeSpan.Zero);

    /// <summary>Tuesday 29 December 2026, 19:25 in Amsterdam: two weeks before the first meeting.</summary>
    private static readonly DateTimeOffset TwoWeeksBefore = FirstEvening.AddDays(-14);

    private static readonly DateOnly Second = First.AddDays(28);

    [Fact]
    public void OnTheDayOfAPlannedMeeting_TheSessionBelongsToIt_WithoutAsking()
    {
        var group = Create(5);

        var morning = group.MeetingForSession(FirstEvening.AddHours(-9));
        var evening = group.MeetingForSession(FirstEvening);

        Assert.Equal(new SessionMeeting(First), morning.Decided);
        Assert.Equal(new SessionMeeting(First), evening.Decided);
        Assert.Null(evening.Proposed);
    }

    [Fact]
    public void AMovedMeeting_IsTodaysMeetingOnTheDayItMovedTo()
    {
        var group = Create(5);
        group.MoveMeeting(First, First.AddDays(2));

        var choice = group.MeetingForSession(FirstEvening.AddDays(2));

        Assert.Equal(new SessionMeeting(First), choice.Decided);
    }

    [Fact]
    public void TwoWeeksBeforeTheFirstMeeting_ItIsProposed_AndNoMakesAnExtraMeetingOnThatDay()
    {
        var group = Create(5);

        var choice = group.MeetingForSession(TwoWeeksBefore);

        Assert.Null(choice.Decided);
        Assert.Equal(First, choice.Proposed?.Id);
        Assert.Equal(new SessionMeeting(First), choice.IfYes);
        Assert.Equal(new SessionMeeting(new DateOnly(2026, 12, 29), Extra: true), choice.Extra);
    }

    [Fact]
    public void AFewDaysAfterAMeetingThatWasNotHeld_ThatMeetingIsProposed_NotTheNextOne()
    {
        var group = Create(5);

        var choice = group.MeetingForSession(FirstEvening.AddDays(3));

        Assert.Equal(First, choice.Proposed?.Id);
    }

    [Fact]
    public void ACancelledMeetingsDay_ProposesTheNextMeeting()
    {
        var group = Create(5);
        group.CancelMeeting(First);

        var choice = group.MeetingForSession(FirstEvening);

        Assert.Null(choice.Decided);
        Assert.Equal(Second, choice.Proposed?.Id);
    }

    [Fact]
    public void AnExtraMeeting_LeavesTheFirstMeetingPlannedWithItsCaseOwner_AndCountsAsHeld()
    {
        var group = Create(5);
        var before = group.NextMeetings(TwoWeeksBefore, 1)[0];

        group.RecordOutcome(new MeetingOutcome(new DateOnly(2026, 12, 29), TwoWeeksBefore, Id("Anna"), Id("Bram"), [Id("Anna"), Id("Bram"), Id("Cees")]) { Extra = true });

        var after = group.NextMeetings(TwoWeeksBefore.AddHours(2), 1)[0];
        Assert.Equal((First, "Anna", "Bram"), (before.Meeting.Id, before.CaseOwner?.Name, before.Facilitator?.Name));
        Assert.Equal((First, "Anna", "Bram"), (after.Meeting.Id, after.CaseOwner?.Name, after.Facilitator?.Name));
        Assert.False(group.IsHeld(First));
        var figures = GroupFigures.Compute(group, [], TwoWeeksBefore.AddDays(1));
        Assert.Equal((1, 1, 0, (int?)0), (figures.Held, figures.Extra, figures.HeldPlanned, figures.Planned));
        Assert.Equal(1, figures.Members.Single(m => m.Name == "Cees").Attended);
    }

    [Fact]
    public void ASecondCaseTheSameEvening_BelongsToTheFirstCasesMeeting_EvenAfterMidnight()
    {
        var extra = Create(5);
        extra.RecordOutcome(new MeetingOutcome(new DateOnly(2026, 12, 29), TwoWeeksBefore, Id("Anna"), Id("Bram"), []) { Extra = true });
        var early = Create(5);
        early.RecordOutcome(new MeetingOutcome(First, TwoWeeksBefore, Id("Anna"), Id("Bram"), []));

        Assert.Equal(new SessionMeeting(new DateOnly(2026, 12, 29), Extra: true), extra.MeetingForSession(TwoWeeksBefore.AddHours(2)).Decided);
        Assert.Equal(new SessionMeeting(First), early.MeetingForSession(TwoWeeksBefore.AddHours(2)).Decided);
        Assert.Equal(new SessionMeeting(First), early.MeetingForSession(TwoWeeksBefore.AddHours(5)).Decided);
    }

    [Fact]
    public void AMeetingHeldEarly_CountsAsPlanned_SoTheFiguresNeverHoldMoreThanPlanned()
    {
        var group = Create(5);
        group.RecordOutcome(new MeetingOutcome(First, TwoWeeksBefore, Id("Anna"), Id("Bram"), [Id("Anna"), Id("Bram")]));

        var figures = GroupFigures.Compute(group, [], TwoWeeksBefore.AddDays(1));

        Assert.Equal((1, 0, (int?)1), (figures.HeldPlanned, figures.Extra, figures.Planned));
        Assert.Equal((Second, "Bram"), (group.NextMeetings(TwoWeeksBefore.AddDays(1), 1)[0].Meeting.Id, group.NextMeetings(TwoWeeksBefore.AddDays(1), 1)[0].CaseOwner?.Name));
    }

    [Fact]
    public void WhileTheGroupPauses_ASessionIsAnExtraMeeting_WithoutAQuestion()
    {
        var group = Create(5);
        group.SetPaused(true);

        var choice = group.MeetingForSession(TwoWeeksBefore);

        Assert.Equal(choice.Extra, choice.Decided);
        Assert.Null(choice.Proposed);
    }

    [Theory]
    [InlineData("2027-01-12", 2027, 1, 12, false)]
    [InlineData("2026-12-29+extra", 2026, 12, 29, true)]
    public void AMeetingTravelsOnAButtonAsOneWord(string key, int year, int month, int day, bool extra)
    {
        var meeting = new SessionMeeting(new DateOnly(year, month, day), extra);

        Assert.Equal(key, meeting.Key);
        Assert.Equal(meeting, SessionMeeting.Parse(key));
        Assert.Null(SessionMeeting.Parse("dinsdag"));
    }
}

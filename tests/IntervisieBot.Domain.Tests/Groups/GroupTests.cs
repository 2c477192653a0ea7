using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Sessions;
using static IntervisieBot.Domain.Tests.Groups.GroupBuilder;

namespace IntervisieBot.Domain.Tests.Groups;

public sealed class GroupTests
{
    private static readonly DateTimeOffset Monday = new(2027, 1, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Agreements_KeepWhoAddedAndChangedThem_AndTheirNumbers()
    {
        var group = Create(4);
        var first = group.AddAgreement("Wat hier gezegd wordt, blijft hier.", "Anna", Monday);
        var second = group.AddAgreement("  We laten elkaar uitpraten. ", "Bram", Monday.AddHours(1));

        group.RemoveAgreement(first.Number);
        var changed = group.ChangeAgreement(second.Number, "We praten niet door elkaar.", "Cees", Monday.AddDays(1));
        var third = group.AddAgreement("Iedereen doet mee.", "Dewi", Monday.AddDays(2));

        Assert.Equal(["We praten niet door elkaar.", "Iedereen doet mee."], group.Agreements.Select(a => a.Text));
        Assert.Equal(("Bram", Monday.AddHours(1), "Cees"), (changed!.AddedBy, changed.AddedAt, changed.ChangedBy));
        Assert.Equal(3, third.Number);
        Assert.Null(group.ChangeAgreement(first.Number, "weg", "Eva", Monday));
    }

    [Fact]
    public void TheSameAgreementFromTheSamePersonTwice_IsKeptOnce_ButAnotherPersonMayAddItToo()
    {
        var group = Create(4);
        var first = group.AddAgreement("We beginnen op tijd.", "Anna", Monday);

        // A turn that ran again after a lost write, or a double press.
        var again = group.AddAgreement("We beginnen op tijd. ", "Anna", Monday.AddSeconds(2));
        group.AddAgreement("We beginnen op tijd.", "Bram", Monday.AddMinutes(1));

        Assert.Equal(first, again);
        Assert.Equal(2, group.Agreements.Count(a => a.Text == "We beginnen op tijd."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void AnEmptyAgreement_IsRefused(string text) =>
        Assert.Throws<ArgumentException>(() => Create(3).AddAgreement(text, "Anna", Monday));

    [Fact]
    public void EveryThirdSession_ReviewsTheAgreements()
    {
        var group = Create(3);
        var due = new List<bool>();
        for (var i = 0; i < 6; i++)
        {
            due.Add(group.ReviewAgreementsDue);
            Hold(group, group.Schedule.All().ElementAt(i).Start.AddDays(-1));
        }

        Assert.Equal([false, false, true, false, false, true], due);
    }

    [Fact]
    public void ChangingTheRhythm_KeepsTheMeetingsPlannedSoFar_AndDropsRequestsForDatesThatAreGone()
    {
        var group = Create(4);
        var later = new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);
        group.SetAbsent(Id("Anna"), new DateOnly(2027, 3, 9), absent: true, later);

        group.ChangeSettings(group.Settings with { Cadence = Cadence.Monthly(1, DayOfWeek.Thursday), FirstMeeting = new DateOnly(2027, 4, 1) }, later);

        Assert.Equal(2, group.EarlierPlanned);
        Assert.Empty(group.Requests);
        Assert.Equal(new DateOnly(2027, 4, 1), group.NextMeetings(later, 1)[0].Meeting.Id);
    }

    [Fact]
    public void ASnapshot_RestoresTheSameGroup()
    {
        var group = Create(5, FacilitatorMode.Fixed, Id("Eva"));
        group.AddAgreement("Iedereen doet mee.", "Anna", Monday);
        group.Volunteer(Id("Cees"), First, Monday);
        group.CancelMeeting(First.AddDays(28));

        var restored = Group.Restore(group.ToSnapshot());

        static string Plan(Group g) => string.Join("; ", g.NextMeetings(Monday, 4).Select(r => $"{r.Meeting.Key} {r.CaseOwner?.Name}/{r.Facilitator?.Name}"));
        Assert.Equal("2027-01-12 Cees/Eva; 2027-03-09 Anna/Eva; 2027-04-06 Bram/Eva; 2027-05-04 Dewi/Eva", Plan(restored));
        Assert.Equal(Plan(group), Plan(restored));
        Assert.Equal(group.Agreements, restored.Agreements);
    }

    [Fact]
    public void Figures_CountHeldAgainstPlanned_AttendanceCasesAndMethodRatings()
    {
        var group = Create(3);
        var one = Hold(group, group.Schedule.All().ElementAt(0).Start.AddDays(-1));
        group.SetAbsent(Id("Cees"), First.AddDays(28), absent: true, one.Meeting.End);
        Hold(group, one.Meeting.End);
        var records = new[]
        {
            Record("incidentmethode", one.Meeting.Start, 8, 6),
            Record("incidentmethode", one.Meeting.Start.AddDays(28), 9),
        };

        var figures = GroupFigures.Compute(group, records, new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal((2, (int?)3), (figures.Held, figures.Planned));
        Assert.Equal([2, 2, 1], figures.Members.Select(m => m.Attended));
        Assert.Equal([1, 1, 0], figures.Members.Select(m => m.Cases));
        var method = Assert.Single(figures.Methods);
        Assert.Equal(("incidentmethode", 2, (double?)(23 / 3.0)), (method.MethodId, method.Used, method.AverageRating));
    }

    [Fact]
    public void Figures_WithoutSetUp_ComeFromTheSessionRecords()
    {
        var figures = GroupFigures.Compute(null, [Record("starr", Monday)], Monday);

        Assert.Equal((1, (int?)null), (figures.Held, figures.Planned));
        Assert.Equal(["Anna", "Bram", "Cees"], figures.Members.Select(m => m.Name));
        Assert.Null(Assert.Single(figures.Methods).AverageRating);
    }

    private static SessionRecord Record(string method, DateTimeOffset at, params int[] ratings) => new(
        method,
        1,
        at,
        at.AddHours(1),
        new SessionMember(Id("Anna"), "Anna"),
        new SessionMember(Id("Bram"), "Bram"),
        [new SessionMember(Id("Anna"), "Anna"), new SessionMember(Id("Bram"), "Bram"), new SessionMember(Id("Cees"), "Cees")],
        [],
        null,
        ratings.Length == 0 ? null : ratings.Average(),
        ratings.Length,
        CompletedAllSteps: true);
}

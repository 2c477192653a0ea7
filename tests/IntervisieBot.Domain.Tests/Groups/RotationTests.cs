using IntervisieBot.Domain.Groups;
using static IntervisieBot.Domain.Tests.Groups.GroupBuilder;

namespace IntervisieBot.Domain.Tests.Groups;

public sealed class RotationTests
{
    private static string[] Owners(IEnumerable<MeetingRoles> roles) => [.. roles.Select(r => r.CaseOwner?.Name ?? "-")];

    private static string[] Facilitators(IEnumerable<MeetingRoles> roles) => [.. roles.Select(r => r.Facilitator?.Name ?? "-")];

    [Fact]
    public void ANewGroup_TakesTurnsInRosterOrder_AndTheFacilitatorIsTheNextOne()
    {
        var next = Create(4).NextMeetings(Before, 4);

        Assert.Equal(["Anna", "Bram", "Cees", "Dewi"], Owners(next));
        Assert.Equal(["Bram", "Anna", "Dewi", "Cees"], Facilitators(next));
    }

    [Fact]
    public void FewestCasesFirst_ThenLongestAgo_ThenRosterOrder()
    {
        var group = Create(4);
        group.RecordOutcome(new MeetingOutcome(new DateOnly(2026, 10, 6), default, Id("Anna"), Id("Bram"), []));
        group.RecordOutcome(new MeetingOutcome(new DateOnly(2026, 11, 3), default, Id("Cees"), Id("Bram"), []));
        group.RecordOutcome(new MeetingOutcome(new DateOnly(2026, 12, 1), default, Id("Bram"), Id("Anna"), []));

        // Dewi never brought a case; then Anna's last case is longer ago than Cees's and Bram's.
        Assert.Equal(["Dewi", "Anna", "Cees"], Owners(group.NextMeetings(Before, 3)));
    }

    [Fact]
    public void PausedAndAbsentMembers_AreSkipped()
    {
        var group = Create(4);
        group.SetStatus(Id("Anna"), MemberStatus.Paused);
        Assert.Equal(TurnChange.Done, group.SetAbsent(Id("Bram"), First, absent: true, Before));

        var first = group.NextMeetings(Before, 1)[0];

        Assert.Equal(("Cees", "Dewi"), (first.CaseOwner?.Name, first.Facilitator?.Name));
        Assert.Equal("Bram", Assert.Single(first.Absent).Name);
    }

    [Fact]
    public void AVolunteer_TakesTheCase_AndTheRotationCarriesOn()
    {
        var group = Create(4);

        Assert.Equal(TurnChange.Done, group.Volunteer(Id("Cees"), First, Before));

        Assert.Equal(["Cees", "Anna", "Bram"], Owners(group.NextMeetings(Before, 3)));
        Assert.Equal(TurnChange.Taken, group.Volunteer(Id("Dewi"), First, Before));
    }

    [Fact]
    public void APass_MovesTheTurnOn_AndThePasserComesNext()
    {
        var group = Create(4);

        Assert.Equal(TurnChange.NotYourTurn, group.Pass(Id("Bram"), First, Before));
        Assert.Equal(TurnChange.Done, group.Pass(Id("Anna"), First, Before));

        Assert.Equal(["Bram", "Anna", "Cees"], Owners(group.NextMeetings(Before, 3)));
    }

    [Fact]
    public void ASwap_ByTheCaseOwner_ExchangesWithTheNextCaseOwner()
    {
        var group = Create(4);

        Assert.Equal(TurnChange.Done, group.Swap(Id("Anna"), First, Before));

        Assert.Equal(["Bram", "Anna", "Cees"], Owners(group.NextMeetings(Before, 3)));
    }

    [Fact]
    public void ASwap_ByAnother_TakesThatTurnAndGivesTheirOwnAway()
    {
        var group = Create(4);

        Assert.Equal(TurnChange.Done, group.Swap(Id("Cees"), First, Before));

        Assert.Equal(["Cees", "Bram", "Anna", "Dewi"], Owners(group.NextMeetings(Before, 4)));
    }

    [Fact]
    public void SwapWith_ANamedMember_ExchangesTheirNextTurns()
    {
        var group = Create(4);

        Assert.Equal(TurnChange.Done, group.SwapWith(Id("Bram"), Id("Dewi"), Before));

        Assert.Equal(["Anna", "Dewi", "Cees", "Bram"], Owners(group.NextMeetings(Before, 4)));
    }

    [Fact]
    public void AFixedFacilitator_FacilitatesEveryMeeting_ExceptWhenBringingTheCase()
    {
        var group = Create(4, FacilitatorMode.Fixed, Id("Dewi"));

        var next = group.NextMeetings(Before, 4);

        Assert.Equal(["Dewi", "Dewi", "Dewi", "Anna"], Facilitators(next));
    }

    [Fact]
    public void AnExternalFacilitator_LeavesNoMemberFacilitating()
    {
        Assert.All(Create(4, FacilitatorMode.External).NextMeetings(Before, 3), r => Assert.Null(r.Facilitator));
    }

    [Fact]
    public void AFixedFacilitator_MustBeAMember() =>
        Assert.Throws<InvalidOperationException>(() => Create(4, FacilitatorMode.Fixed, "u-nobody"));

    [Fact]
    public void HeldMeetings_AreNoLongerComing_AndTheirRequestsAreDone()
    {
        var group = Create(3);
        group.SetAbsent(Id("Cees"), First, absent: true, Before);

        var held = Hold(group, Before);

        Assert.Equal(First, held.Meeting.Id);
        Assert.Equal(First.AddDays(28), group.NextMeetings(Before, 1)[0].Meeting.Id);
        Assert.Empty(group.Requests);
        Assert.DoesNotContain(Id("Cees"), Assert.Single(group.Outcomes).Attendees);
    }
}

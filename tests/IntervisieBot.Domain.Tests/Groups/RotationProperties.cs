using FsCheck;
using FsCheck.Fluent;
using IntervisieBot.Domain.Groups;
using Xunit.Abstractions;
using static IntervisieBot.Domain.Tests.Groups.GroupBuilder;

namespace IntervisieBot.Domain.Tests.Groups;

/// <summary>J3's promises, for any group size from 3 to 8 and any run of meetings.</summary>
public sealed class RotationProperties(ITestOutputHelper output)
{
    private readonly Config _config = PropertySeed.Config(output, maxTest: 200);

    private static int Spread(Group group) =>
        group.Roster.Members.Max(m => Cases(group, m.Id)) - group.Roster.Members.Min(m => Cases(group, m.Id));

    private static int Cases(Group group, string id) => group.Outcomes.Count(o => o.CaseOwner == id);

    /// <summary>A day before the meeting after <paramref name="held"/> meetings.</summary>
    private static DateTimeOffset Now(Group group, int held) => group.Schedule.All().ElementAt(held).Start.AddDays(-1);

    [Fact]
    public void WithFullAttendance_CaseCountsNeverDifferByMoreThanOne()
    {
        var sizes = Gen.Choose(GroupSettings.MinimumSize, GroupSettings.MaximumSize);
        var meetings = Gen.Choose(1, 40);
        Prop.ForAll(sizes.ToArbitrary(), meetings.ToArbitrary(), (size, count) =>
        {
            var group = Create(size);
            for (var i = 0; i < count; i++)
            {
                Hold(group, Now(group, i));
                if (Spread(group) > 1)
                {
                    return false;
                }
            }

            return true;
        }).Check(_config);
    }

    [Fact]
    public void AbsentAndPausedMembers_AreNeverChosen_AndTheFacilitatorIsNeverTheCaseOwner()
    {
        // Per meeting: a set of members away (bit mask), and maybe one paused member for the whole run.
        var runs = Gen.Choose(GroupSettings.MinimumSize, GroupSettings.MaximumSize).SelectMany(size =>
            Gen.Choose(0, (1 << size) - 1).ListOf().Select(masks => (size, masks: masks.Take(20).ToList()))
                .Zip(Gen.Choose(-1, size - 1)));
        Prop.ForAll(runs.ToArbitrary(), run =>
        {
            var ((size, masks), paused) = run;
            var group = Create(size);
            if (paused >= 0)
            {
                group.SetStatus(group.Roster.Members[paused].Id, MemberStatus.Paused);
            }

            for (var i = 0; i < masks.Count; i++)
            {
                var now = Now(group, i);
                var meeting = group.NextMeetings(now, 1)[0].Meeting.Id;
                var away = group.Roster.Members.Where((_, bit) => (masks[i] & (1 << bit)) != 0).Select(m => m.Id).ToHashSet();
                foreach (var id in away)
                {
                    group.SetAbsent(id, meeting, absent: true, now);
                }

                var roles = Hold(group, now);
                var chosen = new[] { roles.CaseOwner, roles.Facilitator }.OfType<Member>().ToList();
                if (chosen.Any(m => away.Contains(m.Id) || !m.IsActive) || (roles.CaseOwner is not null && roles.CaseOwner.Id == roles.Facilitator?.Id))
                {
                    return false;
                }

                // Someone is chosen whenever someone can be: a case owner with one member there, a facilitator with two.
                var there = group.Roster.Active.Count(m => !away.Contains(m.Id));
                if ((there >= 1 && roles.CaseOwner is null) || (there >= 2 && roles.Facilitator is null))
                {
                    return false;
                }
            }

            return true;
        }).Check(_config);
    }

    [Fact]
    public void SwapsAndPasses_KeepCountsFair_OnceTheGroupMeetsAsUsualAgain()
    {
        // Per meeting: 0 = as planned, 1 = the case owner passes, 2 = the case owner swaps with the next one,
        // 3 = the last member in the roster swaps into this meeting.
        var runs = Gen.Choose(GroupSettings.MinimumSize, GroupSettings.MaximumSize)
            .Zip(Gen.Choose(0, 3).ListOf().Select(a => a.Take(30).ToList()));
        Prop.ForAll(runs.ToArbitrary(), run =>
        {
            var (size, actions) = run;
            var group = Create(size);
            var held = 0;
            foreach (var action in actions)
            {
                var now = Now(group, held);
                var planned = group.NextMeetings(now, 1)[0];
                var owner = planned.CaseOwner!.Id;
                _ = action switch
                {
                    1 => group.Pass(owner, planned.Meeting.Id, now),
                    2 => group.Swap(owner, planned.Meeting.Id, now),
                    3 => group.Swap(group.Roster.Members[^1].Id, planned.Meeting.Id, now),
                    _ => TurnChange.Done,
                };
                Hold(group, now);
                held++;
            }

            // Turns promised for later meetings (by a swap) are kept first; they lie within the planning horizon.
            for (var i = 0; i < Group.Horizon; i++)
            {
                Hold(group, Now(group, held++));
            }

            // Then as many meetings as the group is behind, plus one round: the spread never grows, and ends at most one.
            var behind = group.Roster.Members.Sum(m => group.Roster.Members.Max(x => Cases(group, x.Id)) - Cases(group, m.Id));
            var spread = Spread(group);
            for (var i = 0; i < behind + size; i++)
            {
                Hold(group, Now(group, held++));
                if (Spread(group) > Math.Max(spread, 1))
                {
                    return false;
                }

                spread = Spread(group);
            }

            return spread <= 1;
        }).Check(_config);
    }

    [Fact]
    public void ASwap_LeavesEveryonesCountAsItWouldHaveBeen_OnceBothMeetingsAreHeld()
    {
        var runs = Gen.Choose(GroupSettings.MinimumSize, GroupSettings.MaximumSize).SelectMany(size => Gen.Choose(0, size - 1).Select(who => (size, who)));
        Prop.ForAll(runs.ToArbitrary(), run =>
        {
            var (size, who) = run;
            var swapped = Create(size);
            var plain = Create(size);
            var now = Now(swapped, 0);
            swapped.Swap(swapped.Roster.Members[who].Id, First, now);
            for (var i = 0; i < size; i++)
            {
                Hold(swapped, Now(swapped, i));
                Hold(plain, Now(plain, i));
            }

            return swapped.Roster.Members.All(m => Cases(swapped, m.Id) == Cases(plain, m.Id));
        }).Check(_config);
    }
}

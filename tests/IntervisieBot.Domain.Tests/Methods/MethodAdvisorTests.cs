using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Domain.Tests.Methods;

public class MethodAdvisorTests
{
    private static readonly MethodLibrary Library = MethodLibrary.BuiltIn;

    private static IReadOnlyList<MethodAdvice> Rank(
        QuestionKind question,
        int minutes = 90,
        GroupExperience experience = GroupExperience.Some,
        bool highSafety = false) =>
        MethodAdvisor.Rank(new AdviceRequest(question, TimeSpan.FromMinutes(minutes), experience, highSafety), Library);

    private static string[] Top(IReadOnlyList<MethodAdvice> advice, int count) => [.. advice.Take(count).Select(a => a.Method.Id)];

    [Fact]
    public void Rank_ConcreteIncident_PutsIncidentMethodsFirst()
    {
        var advice = Rank(QuestionKind.ConcreteIncident);

        Assert.Equal(["incidents", "incident"], Top(advice, 2));
        Assert.Contains(AdviceReasons.MadeFor(QuestionKind.ConcreteIncident), advice[0].Reasons);
    }

    [Fact]
    public void Rank_ConcreteProblem_InANewGroupWithAnHour_PutsFiveStepsFirst()
    {
        var advice = Rank(QuestionKind.ConcreteProblem, minutes: 60, experience: GroupExperience.New);

        Assert.Equal(["five-steps"], Top(advice, 1));
        Assert.Contains(AdviceReasons.MadeFor(QuestionKind.ConcreteProblem), advice[0].Reasons);
        Assert.Equal("Past bij een concreet probleem in je werk", AdviceReasons.MadeFor(QuestionKind.ConcreteProblem).Nl);
        Assert.Equal("Suits a concrete problem in your work", AdviceReasons.MadeFor(QuestionKind.ConcreteProblem).En);
    }

    [Fact]
    public void Rank_EveryCaution_IsOneReasonAndAppearsOnce()
    {
        var advice = Rank(QuestionKind.OwnContribution, minutes: 30, experience: GroupExperience.New, highSafety: false);

        var gossip = advice.Single(a => a.Method.Id == "gossip");
        Assert.Contains(AdviceReasons.NeedsSafeGroup, gossip.Cautions);
        Assert.All(advice, a =>
        {
            Assert.Equal(a.Reasons.Count, a.Reasons.Distinct().Count());
            Assert.All(a.Cautions, caution => Assert.Single(a.Reasons, caution));
        });
    }

    [Fact]
    public void Rank_ANinetyMinuteMeeting_FindsTheIncidentMethodsFitTheTime_NotTight()
    {
        var advice = Rank(QuestionKind.ConcreteIncident, minutes: 90);

        Assert.All(advice.Where(a => a.Method.Id is "incident" or "incidents"), a =>
        {
            Assert.Contains(AdviceReasons.FitsTime(a.Method.Duration), a.Reasons);
            Assert.DoesNotContain(a.Reasons, r => r.En.StartsWith("Tight", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Rank_Fundamental_PutsSocraticFirst()
    {
        Assert.Equal(["socratic"], Top(Rank(QuestionKind.Fundamental), 1));
    }

    [Fact]
    public void Rank_OwnContribution_InASafeGroup_PutsGossipFirst()
    {
        var advice = Rank(QuestionKind.OwnContribution, minutes: 60, highSafety: true);

        Assert.Equal(["gossip"], Top(advice, 1));
        Assert.Contains(AdviceReasons.OpennessFitsGroup, advice[0].Reasons);
        Assert.Empty(advice[0].Cautions);
    }

    [Fact]
    public void Rank_OwnBehaviour_PutsIncidentsAndStarrFirst()
    {
        Assert.Equal(["incidents", "starr"], Top(Rank(QuestionKind.OwnBehaviour), 2));
    }

    [Fact]
    public void Rank_WorkingRelationship_PutsBalintFirst()
    {
        Assert.Equal(["balint"], Top(Rank(QuestionKind.WorkingRelationship), 1));
    }

    [Fact]
    public void Rank_OpenTheme_InAnExperiencedSafeGroup_PutsFreeIntervisionFirst()
    {
        var advice = Rank(QuestionKind.OpenTheme, experience: GroupExperience.Experienced, highSafety: true);

        Assert.Equal(["free"], Top(advice, 1));
    }

    [Theory]
    [InlineData(QuestionKind.ConcreteIncident)]
    [InlineData(QuestionKind.Fundamental)]
    [InlineData(QuestionKind.OwnContribution)]
    [InlineData(QuestionKind.OwnBehaviour)]
    [InlineData(QuestionKind.WorkingRelationship)]
    [InlineData(QuestionKind.OpenTheme)]
    [InlineData(QuestionKind.ConcreteProblem)]
    public void Rank_AnyQuestion_ListsEveryMethodWithReasonsInBothLanguages(QuestionKind question)
    {
        var advice = Rank(question, minutes: 45, experience: GroupExperience.New);

        Assert.Equal(Library.All.Select(m => m.Id).Order(), advice.Select(a => a.Method.Id).Order());
        Assert.All(advice, a =>
        {
            Assert.NotEmpty(a.Reasons);
            Assert.All(a.Reasons, reason =>
            {
                Assert.False(string.IsNullOrWhiteSpace(reason.Nl));
                Assert.False(string.IsNullOrWhiteSpace(reason.En));
                Assert.NotEqual(reason.Nl, reason.En);
            });
            Assert.All(a.Cautions, caution => Assert.Contains(caution, a.Reasons));
        });
        Assert.True(advice.Zip(advice.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
    }

    [Fact]
    public void Rank_LittleTime_MovesTheLongSocraticMethodDownWithACaution()
    {
        var plenty = Rank(QuestionKind.Fundamental, minutes: 90);
        var little = Rank(QuestionKind.Fundamental, minutes: 45);

        Assert.Equal("socratic", plenty[0].Method.Id);
        Assert.NotEqual("socratic", little[0].Method.Id);
        var socratic = little.Single(a => a.Method.Id == "socratic");
        Assert.Contains(AdviceReasons.DoesNotFitTime(MethodDuration.FromMinutes(85, 95), TimeSpan.FromMinutes(45)), socratic.Cautions);
        Assert.Contains(AdviceReasons.FitsTime(MethodDuration.FromMinutes(85, 95)), plenty[0].Reasons);
    }

    [Fact]
    public void Rank_ConcreteIncidentIn35Minutes_PutsTheShortIncidentsMethodAboveTheIncidentMethod()
    {
        var advice = Rank(QuestionKind.ConcreteIncident, minutes: 35);
        var ids = advice.Select(a => a.Method.Id).ToList();

        Assert.Equal("incidents", ids[0]);
        Assert.True(ids.IndexOf("starr") < ids.IndexOf("incident"), string.Join(", ", ids));
    }

    [Fact]
    public void Rank_TimeBetweenTheMinimumAndThePlan_CallsItTight()
    {
        var advice = Rank(QuestionKind.ConcreteIncident, minutes: 40).Single(a => a.Method.Id == "incidents");

        Assert.Contains(AdviceReasons.TightTime(TimeSpan.FromMinutes(42), TimeSpan.FromMinutes(40)), advice.Reasons);
        Assert.Empty(advice.Cautions);
    }

    [Fact]
    public void Rank_OwnContribution_WithoutASafeGroup_CautionsAgainstGossipAndPrefersASaferMethod()
    {
        var advice = Rank(QuestionKind.OwnContribution, minutes: 60, highSafety: false);

        var gossip = advice.Single(a => a.Method.Id == "gossip");
        Assert.Contains(AdviceReasons.NeedsSafeGroup, gossip.Cautions);
        Assert.NotEqual("gossip", advice[0].Method.Id);
    }

    [Fact]
    public void Rank_OpenTheme_InANewGroup_CautionsAgainstFreeIntervisionAndPrefersAStructuredMethod()
    {
        var advice = Rank(QuestionKind.OpenTheme, minutes: 60, experience: GroupExperience.New, highSafety: false);

        var free = advice.Single(a => a.Method.Id == "free");
        Assert.Contains(AdviceReasons.NeedsExperience(GroupExperience.Experienced), free.Cautions);
        Assert.Contains(AdviceReasons.NeedsSafeGroup, free.Cautions);
        Assert.Equal("five-steps", advice[0].Method.Id);
        Assert.Contains(AdviceReasons.EasyForNewGroup, advice[0].Reasons);
    }

    [Fact]
    public void Rank_WorkingRelationship_InANewGroup_CautionsThatBalintAsksSomeExperience()
    {
        var balint = Rank(QuestionKind.WorkingRelationship, experience: GroupExperience.New).Single(a => a.Method.Id == "balint");

        Assert.Equal([AdviceReasons.NeedsExperience(GroupExperience.Some)], balint.Cautions);
    }

    [Fact]
    public void Rank_SameRequest_GivesTheSameOrderEveryTime()
    {
        var first = Rank(QuestionKind.OwnBehaviour, minutes: 60).Select(a => a.Method.Id).ToList();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(first, Rank(QuestionKind.OwnBehaviour, minutes: 60).Select(a => a.Method.Id));
        }
    }

    [Fact]
    public void Rank_NoTime_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rank(QuestionKind.OpenTheme, minutes: 0));
    }

    [Fact]
    public void Rank_UsesCustomMethodsInTheLibrary()
    {
        var custom = Library.Get("starr") with
        {
            Id = "starr-light",
            Name = new LocalizedText("STARR kort", "STARR short"),
            Aliases = [],
            Steps = [.. Library.Get("starr").Steps.Select(step => step with { Timebox = TimeSpan.FromMinutes(4) })],
            Duration = MethodDuration.FromMinutes(15, 25),
        };

        var advice = MethodAdvisor.Rank(
            new AdviceRequest(QuestionKind.OwnBehaviour, TimeSpan.FromMinutes(25), GroupExperience.New, HighSafety: false),
            Library.With([custom]));

        Assert.Equal("starr-light", advice[0].Method.Id);
    }
}

using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Domain.Tests.Methods;

public class BuiltInMethodsTests
{
    private static readonly MethodLibrary Library = MethodLibrary.BuiltIn;

    public static TheoryData<string> MethodIds => ["socratic", "five-steps", "gossip", "incidents", "incident", "balint", "ten-steps", "starr", "free"];

    [Fact]
    public void BuiltIn_HasExactlyTheNineMethodsFromTheSources_InCatalogueOrder()
    {
        Assert.Equal(
            ["socratic", "five-steps", "gossip", "incidents", "incident", "balint", "ten-steps", "starr", "free"],
            Library.All.Select(method => method.Id));
    }

    [Theory]
    [MemberData(nameof(MethodIds))]
    public void BuiltIn_EveryDefinition_PassesTheValidator(string id)
    {
        Assert.Empty(MethodValidator.Validate(Library.Get(id)));
    }

    [Theory]
    [InlineData("incident", 5)]
    [InlineData("ten-steps", 10)]
    [InlineData("starr", 5)]
    [InlineData("socratic", 9)]
    [InlineData("five-steps", 8)]
    [InlineData("gossip", 8)]
    [InlineData("incidents", 9)]
    [InlineData("balint", 6)]
    [InlineData("free", 6)]
    public void BuiltIn_Method_HasTheStepCountOfItsSource(string id, int steps)
    {
        Assert.Equal(steps, Library.Get(id).Steps.Count);
    }

    [Theory]
    [InlineData("socratic", 85, 95)]
    [InlineData("five-steps", 45, 60)]
    [InlineData("gossip", 40, 50)]
    [InlineData("incidents", 30, 45)]
    public void BuiltIn_HandbookMethod_TakesTheTimeTheHandbookGives(string id, int minMinutes, int maxMinutes)
    {
        var method = Library.Get(id);

        Assert.Equal(MethodDuration.FromMinutes(minMinutes, maxMinutes), method.Duration);
        Assert.InRange(method.PlannedTime, method.Duration.Min, method.Duration.Max);
    }

    [Fact]
    public void BuiltIn_SocraticMethod_PlansAboutNinetyMinutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(90), Library.Get("socratic").PlannedTime);
    }

    [Theory]
    [MemberData(nameof(MethodIds))]
    public void BuiltIn_EveryMethod_HasAStepWhereTheBotStructuresTheConversation(string id)
    {
        StepInteraction[] structuring = [StepInteraction.Collect, StepInteraction.Rank, StepInteraction.Round, StepInteraction.Timer];

        Assert.Contains(Library.Get(id).Steps, step => structuring.Contains(step.Interaction));
    }

    [Fact]
    public void BuiltIn_Library_UsesEveryInteraction()
    {
        var used = Library.All.SelectMany(method => method.Steps).Select(step => step.Interaction).ToHashSet();

        Assert.Equal(Enum.GetValues<StepInteraction>().ToHashSet(), used);
    }

    [Theory]
    [MemberData(nameof(MethodIds))]
    public void BuiltIn_EveryMethod_HasACaseIntroductionAndEndsWithATakeaway(string id)
    {
        var method = Library.Get(id);

        Assert.Contains(method.Steps, step => step.Phase == MethodPhase.CaseIntroduction);
        Assert.Equal(StepInteraction.Reflect, method.Steps[^1].Interaction);
        Assert.Contains(method.Steps[^1].Phase, new[] { MethodPhase.Harvest, MethodPhase.Evaluation });
    }

    [Fact]
    public void BuiltIn_FiveSteps_CollectsQuestionsThenLetsTheCaseOwnerSortThem()
    {
        var steps = Library.Get("five-steps").Steps;
        var collect = steps.Single(step => step.Collect?.Contribution == ContributionKind.Question);
        var next = steps[steps.ToList().IndexOf(collect) + 1];

        Assert.Equal(2, collect.Collect!.PerParticipant);
        Assert.Equal(StepActor.Participants, collect.Actor);
        Assert.Equal(StepInteraction.Rank, next.Interaction);
        Assert.Equal(StepActor.CaseOwner, next.Actor);
    }

    [Fact]
    public void BuiltIn_FiveSteps_AsksForProblemDefinitionsThatStartWithTheCore()
    {
        var definitions = Library.Get("five-steps").Steps.Single(step => step.Collect?.Contribution == ContributionKind.ProblemDefinition);

        Assert.Contains("Ik denk dat de kern is", definitions.Collect!.Prompt.Nl, StringComparison.Ordinal);
        Assert.Contains("I think the core is", definitions.Collect.Prompt.En, StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltIn_Socratic_LetsTheCaseOwnerChooseTheGeneralQuestionAndTimesEightMinutesOfSilentWriting()
    {
        var steps = Library.Get("socratic").Steps;

        var choose = Assert.Single(steps, step => step.Interaction == StepInteraction.Choose);
        Assert.Equal(StepActor.CaseOwner, choose.Actor);
        var writing = Assert.Single(steps, step => step.Interaction == StepInteraction.Timer);
        Assert.Equal(TimeSpan.FromMinutes(8), writing.Timebox);
        Assert.True(steps.ToList().IndexOf(choose) < steps.ToList().IndexOf(writing));
    }

    [Fact]
    public void BuiltIn_Gossip_KeepsTheCaseOwnerOutOfTheGossipRoundAndAsksForASafeGroup()
    {
        var method = Library.Get("gossip");
        var gossip = method.Steps.Single(step => step.Id == "gossip-round");

        Assert.Equal(StepActor.Participants, gossip.Actor);
        Assert.True(method.RequiresHighSafety);
        Assert.Equal([QuestionKind.OwnContribution], method.SuitsQuestions);
    }

    [Fact]
    public void BuiltIn_QuestionSteps_AreTheQuestionRoundsAndTheCollectedQuestions()
    {
        var questionSteps = Library.All.SelectMany(m => m.Steps.Where(s => s.IsQuestionStep).Select(s => m.Id + "/" + s.Id)).Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "balint/factual-questions", "five-steps/write-questions", "free/associative-questions", "gossip/clarify", "incident/clarify",
                "incident/underlying-patterns", "incidents/clarifying-round", "starr/action", "starr/result", "starr/task",
                "ten-steps/clarifying-questions", "ten-steps/extra-round",
            ],
            questionSteps);
        Assert.All(Library.All.SelectMany(m => m.Steps).Where(s => s.AsksQuestions), s => Assert.Equal(StepInteraction.Round, s.Interaction));
    }

    [Fact]
    public void BuiltIn_TagsTheSourcesOwnCheckInAndGroundRules()
    {
        foreach (var id in new[] { "socratic", "five-steps", "gossip", "incidents" })
        {
            var phases = Library.Get(id).Steps.Select(step => step.Phase).ToList();
            Assert.Equal(MethodPhase.CheckIn, phases[0]);
            Assert.Contains(MethodPhase.Agreements, phases);
            Assert.Equal(MethodPhase.Evaluation, phases[^1]);
        }
    }
}

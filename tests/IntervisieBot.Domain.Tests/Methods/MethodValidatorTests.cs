using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Domain.Tests.Methods;

public class MethodValidatorTests
{
    private static readonly MethodDefinition FiveSteps = MethodLibrary.BuiltIn.Get("five-steps");

    private static MethodDefinition WithStep(int index, Func<MethodStep, MethodStep> change) =>
        FiveSteps with { Steps = [.. FiveSteps.Steps.Select((step, at) => at == index ? change(step) : step)] };

    [Fact]
    public void Validate_MissingEnglishInstruction_NamesTheStepAndTheLanguage()
    {
        var broken = WithStep(3, step => step with { Instruction = step.Instruction with { En = "" } });

        var error = Assert.Single(MethodValidator.Validate(broken));
        Assert.Equal("steps[3] ('write-questions').instruction.en: the English text is missing or empty", error);
    }

    [Fact]
    public void Validate_MissingDutchName_IsAnError()
    {
        var broken = FiveSteps with { Name = new LocalizedText(" ", "Five steps") };

        Assert.Contains("name.nl: the Dutch text is missing or empty", MethodValidator.Validate(broken));
    }

    [Fact]
    public void Validate_TimeboxesNotAddingUpToTheDuration_SaysByHowMuch()
    {
        var broken = WithStep(4, step => step with { Timebox = TimeSpan.FromMinutes(30) });

        var error = Assert.Single(MethodValidator.Validate(broken));
        Assert.Equal("steps: the timeboxes add up to 73 minutes, outside the duration of 45–60 minutes", error);
    }

    [Fact]
    public void Validate_ZeroTimebox_IsAnError()
    {
        var broken = FiveSteps with
        {
            Steps = [.. FiveSteps.Steps.Select((step, at) => at == 0 ? step with { Timebox = TimeSpan.Zero } : step)],
            Duration = MethodDuration.FromMinutes(45, 60),
        };

        Assert.Contains("steps[0] ('get-acquainted').timeboxMinutes: must be more than 0, is 0", MethodValidator.Validate(broken));
    }

    [Fact]
    public void Validate_DuplicateStepId_IsAnError()
    {
        var broken = WithStep(1, step => step with { Id = "get-acquainted" });

        Assert.Contains(
            "steps: id 'get-acquainted' is used by 2 steps; step ids must be unique within a method",
            MethodValidator.Validate(broken));
    }

    [Fact]
    public void Validate_NoSteps_IsAnError()
    {
        Assert.Contains("steps: a method needs at least one step", MethodValidator.Validate(FiveSteps with { Steps = [] }));
    }

    [Theory]
    [InlineData("Five-Steps")]
    [InlineData("five steps")]
    [InlineData("five--steps")]
    [InlineData("-five")]
    [InlineData("")]
    public void Validate_IdThatIsNoSlug_IsAnError(string id)
    {
        Assert.Contains(MethodValidator.Validate(FiveSteps with { Id = id }), error => error.StartsWith("id:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_StepIdThatIsNoSlug_IsAnError()
    {
        var broken = WithStep(0, step => step with { Id = "Get acquainted" });

        Assert.Contains(MethodValidator.Validate(broken), error => error.StartsWith("steps[0] ('Get acquainted').id:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CollectStepWithoutSettings_IsAnError()
    {
        var broken = WithStep(3, step => step with { Collect = null });

        Assert.Contains("steps[3] ('write-questions').collect: a collect step needs collect settings", MethodValidator.Validate(broken));
    }

    [Fact]
    public void Validate_RoundStepWithoutPrompt_IsAnError()
    {
        var broken = WithStep(0, step => step with { Round = null });

        Assert.Contains("steps[0] ('get-acquainted').round: a round step needs round settings", MethodValidator.Validate(broken));
    }

    [Fact]
    public void Validate_ChooseStepWithoutSettings_IsAnError()
    {
        var socratic = MethodLibrary.BuiltIn.Get("socratic");
        var broken = socratic with { Steps = [.. socratic.Steps.Select(step => step with { Choose = null })] };

        Assert.Contains("steps[3] ('general-question').choose: a choose step needs choose settings", MethodValidator.Validate(broken));
    }

    [Fact]
    public void Validate_AsksQuestionsOnAnythingButARound_IsAnError()
    {
        var broken = WithStep(3, step => step with { AsksQuestions = true });

        Assert.Equal(
            ["steps[3] ('write-questions').asksQuestions: only a round step is marked as asking questions; this step's interaction is collect"],
            MethodValidator.Validate(broken));
    }

    [Fact]
    public void Validate_SettingsOnTheWrongInteraction_IsAnError()
    {
        var broken = WithStep(1, step => step with { Round = new RoundSettings(new LocalizedText("Jij", "You")) });

        Assert.Contains(
            "steps[1] ('ground-rules').round: only a round step has round settings; this step's interaction is explain",
            MethodValidator.Validate(broken));
    }

    [Fact]
    public void Validate_CollectWithoutContributionsOrPrompt_ReportsBoth()
    {
        var broken = WithStep(3, step => step with { Collect = step.Collect! with { PerParticipant = 0, Prompt = new LocalizedText("Vraag: ...", "") } });

        var errors = MethodValidator.Validate(broken);

        Assert.Contains("steps[3] ('write-questions').collect.perParticipant: must be between 1 and 10, is 0", errors);
        Assert.Contains("steps[3] ('write-questions').collect.prompt.en: the English text is missing or empty", errors);
    }

    [Fact]
    public void Validate_UnknownInteractionValue_IsAnError()
    {
        var broken = WithStep(1, step => step with { Interaction = (StepInteraction)42 });

        Assert.Contains("steps[1] ('ground-rules').interaction: 42 is not a known interaction", MethodValidator.Validate(broken));
    }

    [Fact]
    public void Validate_UppercaseAlias_IsAnError()
    {
        var broken = FiveSteps with { Aliases = ["Vijf Stappen"] };

        Assert.Contains("aliases[0]: 'Vijf Stappen' must be lowercase without surrounding spaces", MethodValidator.Validate(broken));
    }

    [Fact]
    public void Validate_VersionZero_IsAnError()
    {
        Assert.Contains("version: must be 1 or higher, is 0", MethodValidator.Validate(FiveSteps with { Version = 0 }));
    }

    [Fact]
    public void Validate_SeveralProblems_AreAllReported()
    {
        var broken = FiveSteps with
        {
            Summary = new LocalizedText("", ""),
            Steps = [.. FiveSteps.Steps.Select(step => step with { Id = "same" })],
        };

        var errors = MethodValidator.Validate(broken);

        Assert.Contains("summary.nl: the Dutch text is missing or empty", errors);
        Assert.Contains("summary.en: the English text is missing or empty", errors);
        Assert.Contains("steps: id 'same' is used by 8 steps; step ids must be unique within a method", errors);
    }
}

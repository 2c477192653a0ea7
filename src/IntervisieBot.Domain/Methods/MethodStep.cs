namespace IntervisieBot.Domain.Methods;

/// <summary>One step of a method, as the bot runs it in a meeting.</summary>
public sealed record MethodStep
{
    /// <summary>Stable within its method, so a running session can refer to the step it is in.</summary>
    public required string Id { get; init; }

    public required LocalizedText Title { get; init; }

    /// <summary>What the bot tells the group at this step: who does what, and what to avoid.</summary>
    public required LocalizedText Instruction { get; init; }

    public required StepActor Actor { get; init; }

    public required StepInteraction Interaction { get; init; }

    public required TimeSpan Timebox { get; init; }

    public required MethodPhase Phase { get; init; }

    /// <summary>
    /// Whether the step asks the case owner for a concrete action (a harvest step that says "what will you do?"): the
    /// session's close then does not ask for it again and the record takes it from this step.
    /// </summary>
    public bool AsksAction { get; init; }

    /// <summary>Whether a round step's turns are questions to the case owner (see <see cref="IsQuestionStep"/>).</summary>
    public bool AsksQuestions { get; init; }

    /// <summary>
    /// A step in which participants put questions to the case owner: a round marked <see cref="AsksQuestions"/>, or a
    /// collect step of questions. When the case owner chose askers, only they ask in these steps; the others observe.
    /// </summary>
    public bool IsQuestionStep => AsksQuestions || Collect is { Contribution: ContributionKind.Question };

    /// <summary>Present exactly when <see cref="Interaction"/> is <see cref="StepInteraction.Collect"/>.</summary>
    public CollectSettings? Collect { get; init; }

    /// <summary>Present exactly when <see cref="Interaction"/> is <see cref="StepInteraction.Choose"/>.</summary>
    public ChooseSettings? Choose { get; init; }

    /// <summary>Present exactly when <see cref="Interaction"/> is <see cref="StepInteraction.Round"/>.</summary>
    public RoundSettings? Round { get; init; }
}

/// <param name="PerParticipant">How many contributions each participant sends.</param>
/// <param name="Anonymous">Whether the bot reveals the contributions without names.</param>
/// <param name="Contribution">What the participants send: questions, problem definitions, advice and so on.</param>
/// <param name="Prompt">How a contribution starts, e.g. "Start with: I think the core is ...".</param>
public sealed record CollectSettings(int PerParticipant, bool Anonymous, ContributionKind Contribution, LocalizedText Prompt);

/// <param name="Prompt">What the case owner is asked to choose.</param>
public sealed record ChooseSettings(LocalizedText Prompt);

/// <param name="Prompt">What the bot says when it gives someone the floor.</param>
public sealed record RoundSettings(LocalizedText Prompt);

namespace IntervisieBot.Domain.Methods;

/// <summary>Who acts in a step.</summary>
public enum StepActor
{
    CaseOwner,
    Participants,
    Facilitator,
    Everyone,
}

/// <summary>How the bot runs a step (product.md, J6).</summary>
public enum StepInteraction
{
    /// <summary>The bot explains; the facilitator moves on.</summary>
    Explain,

    /// <summary>Each participant except the case owner sends contributions privately; the bot reveals them together.</summary>
    Collect,

    /// <summary>The case owner labels the collected questions helpful, neutral or not helpful, then answers the helpful ones.</summary>
    Rank,

    /// <summary>The bot gives each participant the floor in turn.</summary>
    Round,

    /// <summary>The bot announces the time left and when time is up.</summary>
    Timer,

    /// <summary>Takeaways, kept for the report.</summary>
    Reflect,

    /// <summary>The case owner chooses, for example the general question.</summary>
    Choose,
}

/// <summary>
/// Where a step sits in a meeting. The session has its own check-in, agreements and evaluation; a method's steps
/// carry their phase so the session can tell its own parts from the method's.
/// </summary>
public enum MethodPhase
{
    CheckIn,
    Agreements,
    CaseIntroduction,
    Core,
    Harvest,
    Evaluation,
}

/// <summary>What participants contribute in a collect step.</summary>
public enum ContributionKind
{
    Question,
    ProblemDefinition,
    Advice,
    Hypothesis,
    Observation,
    Other,
}

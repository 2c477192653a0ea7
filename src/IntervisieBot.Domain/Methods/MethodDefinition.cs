namespace IntervisieBot.Domain.Methods;

/// <summary>
/// An intervision method as data. A session keeps the <see cref="Version"/> it started with, so a changed method never
/// changes under a running meeting: change the steps, raise the version.
/// </summary>
public sealed record MethodDefinition
{
    /// <summary>A stable slug such as "five-steps".</summary>
    public required string Id { get; init; }

    /// <summary>Starts at 1.</summary>
    public required int Version { get; init; }

    public required LocalizedText Name { get; init; }

    public required LocalizedText Summary { get; init; }

    public required LocalizedText WhenToUse { get; init; }

    /// <summary>Other names users may type, Dutch and English, lowercase.</summary>
    public required IReadOnlyList<string> Aliases { get; init; }

    /// <summary>The kinds of question the method was made for.</summary>
    public required IReadOnlyList<QuestionKind> SuitsQuestions { get; init; }

    /// <summary>Kinds of question the method serves well enough, without being made for them.</summary>
    public IReadOnlyList<QuestionKind> AlsoSuits { get; init; } = [];

    public required GroupExperience MinimumExperience { get; init; }

    /// <summary>The method asks so much openness that only a group that feels safe with each other should use it.</summary>
    public bool RequiresHighSafety { get; init; }

    /// <summary>How long the whole method takes in a meeting; the step timeboxes add up to a time inside it.</summary>
    public required MethodDuration Duration { get; init; }

    public required IReadOnlyList<MethodStep> Steps { get; init; }

    /// <summary>The sum of the step timeboxes: how long the bot plans the method to take.</summary>
    public TimeSpan PlannedTime => Steps.Aggregate(TimeSpan.Zero, (sum, step) => sum + step.Timebox);
}

/// <summary>The shortest and longest a method takes in a meeting.</summary>
public sealed record MethodDuration(TimeSpan Min, TimeSpan Max)
{
    public static MethodDuration FromMinutes(int min, int max) => new(TimeSpan.FromMinutes(min), TimeSpan.FromMinutes(max));

    /// <summary>"45–60 min", or "90 min" when both ends are equal.</summary>
    public override string ToString() =>
        Min == Max ? $"{Min.TotalMinutes:0} min" : $"{Min.TotalMinutes:0}–{Max.TotalMinutes:0} min";
}

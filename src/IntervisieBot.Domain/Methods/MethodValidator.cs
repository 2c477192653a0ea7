using System.Globalization;
using System.Text.RegularExpressions;

namespace IntervisieBot.Domain.Methods;

/// <summary>Checks a method definition before the bot will run it; every error names the field it is about.</summary>
public static partial class MethodValidator
{
    public static IReadOnlyList<string> Validate(MethodDefinition method)
    {
        var errors = new List<string>();
        void Error(string message) => errors.Add(message);

        if (!IsSlug(method.Id))
        {
            Error($"id: '{method.Id}' is not a slug (lowercase letters and digits, words joined by '-')");
        }

        if (method.Version < 1)
        {
            Error($"version: must be 1 or higher, is {method.Version}");
        }

        RequireText(method.Name, "name", Error);
        RequireText(method.Summary, "summary", Error);
        RequireText(method.WhenToUse, "whenToUse", Error);
        ValidateAliases(method.Aliases, Error);
        ValidateQuestionKinds(method, Error);

        if (!Enum.IsDefined(method.MinimumExperience))
        {
            Error($"minimumExperience: {method.MinimumExperience} is not a known experience level");
        }

        var duration = method.Duration;
        if (duration.Min <= TimeSpan.Zero || duration.Max < duration.Min)
        {
            Error($"duration: needs 0 < min <= max, is {Minutes(duration.Min)}–{Minutes(duration.Max)} minutes");
        }

        if (method.Steps.Count == 0)
        {
            Error("steps: a method needs at least one step");
        }

        for (var index = 0; index < method.Steps.Count; index++)
        {
            ValidateStep(method.Steps[index], StepPath(method.Steps[index], index), Error);
        }

        foreach (var duplicate in method.Steps.GroupBy(step => step.Id, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            Error($"steps: id '{duplicate.Key}' is used by {duplicate.Count()} steps; step ids must be unique within a method");
        }

        var planned = method.PlannedTime;
        if (method.Steps.Count > 0 && (planned < duration.Min || planned > duration.Max))
        {
            Error($"steps: the timeboxes add up to {Minutes(planned)} minutes, outside the duration of {Minutes(duration.Min)}–{Minutes(duration.Max)} minutes");
        }

        return errors;
    }

    /// <summary>Lowercase letters and digits, words joined by single hyphens: "five-steps", "ten-steps".</summary>
    public static bool IsSlug(string? text) => text is not null && SlugPattern().IsMatch(text);

    private static void ValidateStep(MethodStep step, string path, Action<string> error)
    {
        if (!IsSlug(step.Id))
        {
            error($"{path}.id: '{step.Id}' is not a slug (lowercase letters and digits, words joined by '-')");
        }

        RequireText(step.Title, $"{path}.title", error);
        RequireText(step.Instruction, $"{path}.instruction", error);

        if (!Enum.IsDefined(step.Actor))
        {
            error($"{path}.actor: {step.Actor} is not a known actor");
        }

        if (!Enum.IsDefined(step.Phase))
        {
            error($"{path}.phase: {step.Phase} is not a known phase");
        }

        if (step.Timebox <= TimeSpan.Zero)
        {
            error($"{path}.timeboxMinutes: must be more than 0, is {Minutes(step.Timebox)}");
        }

        if (!Enum.IsDefined(step.Interaction))
        {
            error($"{path}.interaction: {step.Interaction} is not a known interaction");
        }

        Settings(step.Interaction == StepInteraction.Collect, step.Collect is not null, "collect");
        Settings(step.Interaction == StepInteraction.Choose, step.Choose is not null, "choose");
        Settings(step.Interaction == StepInteraction.Round, step.Round is not null, "round");

        if (step.Collect is { } collect)
        {
            if (collect.PerParticipant is < 1 or > 10)
            {
                error($"{path}.collect.perParticipant: must be between 1 and 10, is {collect.PerParticipant}");
            }

            if (!Enum.IsDefined(collect.Contribution))
            {
                error($"{path}.collect.contribution: {collect.Contribution} is not a known contribution");
            }

            RequireText(collect.Prompt, $"{path}.collect.prompt", error);
        }

        if (step.Choose is { } choose)
        {
            RequireText(choose.Prompt, $"{path}.choose.prompt", error);
        }

        if (step.Round is { } round)
        {
            RequireText(round.Prompt, $"{path}.round.prompt", error);
        }

        if (step.AsksQuestions && step.Interaction != StepInteraction.Round)
        {
            // A collect step of questions is a question step by its contribution; only a round needs saying so.
            error($"{path}.asksQuestions: only a round step is marked as asking questions; this step's interaction is {Camel(step.Interaction)}");
        }

        void Settings(bool needed, bool present, string name)
        {
            if (needed && !present)
            {
                error($"{path}.{name}: a {name} step needs {name} settings");
            }
            else if (!needed && present)
            {
                error($"{path}.{name}: only a {name} step has {name} settings; this step's interaction is {Camel(step.Interaction)}");
            }
        }
    }

    private static void ValidateAliases(IReadOnlyList<string> aliases, Action<string> error)
    {
        for (var index = 0; index < aliases.Count; index++)
        {
            var alias = aliases[index];
            if (string.IsNullOrWhiteSpace(alias))
            {
                error($"aliases[{index}]: is empty");
            }
            else if (alias != alias.Trim() || alias.Any(char.IsUpper))
            {
                error($"aliases[{index}]: '{alias}' must be lowercase without surrounding spaces");
            }
        }

        foreach (var duplicate in aliases.GroupBy(alias => alias, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            error($"aliases: '{duplicate.Key}' is listed {duplicate.Count()} times");
        }
    }

    private static void ValidateQuestionKinds(MethodDefinition method, Action<string> error)
    {
        foreach (var kind in method.SuitsQuestions.Concat(method.AlsoSuits).Where(kind => !Enum.IsDefined(kind)))
        {
            error($"suitsQuestions: {kind} is not a known question kind");
        }

        foreach (var kind in method.SuitsQuestions.Intersect(method.AlsoSuits))
        {
            error($"alsoSuits: {Camel(kind)} is already in suitsQuestions");
        }

        if (method.SuitsQuestions.Count == 0 && method.AlsoSuits.Count == 0)
        {
            error("suitsQuestions: name at least one kind of question, in suitsQuestions or alsoSuits, so advice can find the method");
        }
    }

    private static void RequireText(LocalizedText? text, string path, Action<string> error)
    {
        if (string.IsNullOrWhiteSpace(text?.Nl))
        {
            error($"{path}.nl: the Dutch text is missing or empty");
        }

        if (string.IsNullOrWhiteSpace(text?.En))
        {
            error($"{path}.en: the English text is missing or empty");
        }
    }

    private static string StepPath(MethodStep step, int index) =>
        string.IsNullOrEmpty(step.Id)
            ? string.Create(CultureInfo.InvariantCulture, $"steps[{index}]")
            : string.Create(CultureInfo.InvariantCulture, $"steps[{index}] ('{step.Id}')");

    private static string Minutes(TimeSpan time) => time.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}

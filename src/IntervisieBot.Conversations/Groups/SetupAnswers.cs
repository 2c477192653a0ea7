using System.Globalization;
using System.Text.RegularExpressions;
using IntervisieBot.Dialogs;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Groups;

/// <summary>Typed answers to the set-up questions, in Dutch and English.</summary>
public static partial class SetupAnswers
{
    /// <summary>"om de 5 weken", "every 5 weeks", "5", "maandelijks", "monthly"; a number outside 4–6 is wrong.</summary>
    public static string? Cadence(string text)
    {
        var typed = Lower(text);
        var number = Number().Match(typed);
        if (number.Success)
        {
            return int.TryParse(number.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) && Domain.Groups.Cadence.AllowedWeeks.Contains(weeks)
                ? weeks.ToString(CultureInfo.InvariantCulture)
                : TypedChoicePrompt.Invalid;
        }

        return typed.Contains("maand", StringComparison.Ordinal) || typed.Contains("month", StringComparison.Ordinal) ? "monthly"
            : typed.Contains("week", StringComparison.Ordinal) || typed.Contains("dag", StringComparison.Ordinal) || typed.Contains("jaar", StringComparison.Ordinal) || typed.Contains("year", StringComparison.Ordinal) ? TypedChoicePrompt.Invalid
            : null;
    }

    public static string? Time(string text)
    {
        var typed = Lower(text);
        if (TimePrompt.Parse(typed) is { } time)
        {
            return time.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        return typed.Any(char.IsDigit) ? TypedChoicePrompt.Invalid : null;
    }

    /// <summary>An IANA id this machine knows; typed in any case ("europe/amsterdam").</summary>
    public static string? Zone(string text)
    {
        var typed = text.Trim();
        if (!typed.Contains('/', StringComparison.Ordinal) && !typed.Equals("utc", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (Schedule.FindZone(typed) is not null)
        {
            return typed;
        }

        var proper = string.Join('/', typed.Split('/').Select(part => string.Join('_', part.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()))));
        return typed.Equals("utc", StringComparison.OrdinalIgnoreCase) ? "UTC" : Schedule.FindZone(proper) is not null ? proper : TypedChoicePrompt.Invalid;
    }

    /// <summary>Minutes: "90", "90 min", "1,5 uur", "2 hours", "anderhalf uur".</summary>
    public static string? Minutes(string text)
    {
        var typed = Lower(text);
        if (typed.StartsWith("anderhalf", StringComparison.Ordinal) || typed.StartsWith("an hour and a half", StringComparison.Ordinal))
        {
            return "90";
        }

        var match = Duration().Match(typed);
        if (!match.Success)
        {
            return typed.Any(char.IsDigit) ? TypedChoicePrompt.Invalid : null;
        }

        var amount = double.Parse(match.Groups["n"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        var minutes = match.Groups["u"].Value is "uur" or "u" or "hour" or "hours" or "h" or "uren" ? amount * 60 : amount;
        return ((int)Math.Round(minutes)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A date as <c>yyyy-MM-dd</c> (see <see cref="DatePrompt"/> for the forms); a date-like answer that is no date is wrong.</summary>
    public static string? Date(string text, DateOnly today)
    {
        var typed = Lower(text).Replace(",", "", StringComparison.Ordinal);
        if (DatePrompt.Parse(typed, today) is { } date)
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return typed.Any(char.IsDigit) && !int.TryParse(typed, out _) ? TypedChoicePrompt.Invalid : null;
    }

    public static string? Name(string text) => text.Trim() is { Length: > 0 } name ? name : null;

    private static string Lower(string text) => text.Trim().ToLowerInvariant().Trim('.', '!', '?');

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?<n>\d+(?:[.,]\d+)?)\s*(?<u>min|mins|minuten|minutes|m|uur|uren|u|hour|hours|h)?$")]
    private static partial Regex Duration();
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;

namespace IntervisieBot.Dialogs;

/// <summary>
/// A calendar date, as ISO <c>yyyy-MM-dd</c>: typed as 2026-12-03, 3-12-2026, 3/12, "3 december", "3 dec 2026",
/// or "vandaag/today", "morgen/tomorrow" (relative to the injected clock, in the given time zone).
/// </summary>
public sealed partial class DatePrompt(string id, TimeProvider time, TimeZoneInfo zone, Func<PromptValidatorContext, string?>? validator = null)
    : Prompt(id, validator)
{
    private static readonly string[] DutchMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    private static readonly string[] EnglishMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    protected override JsonNode? Recognize(IncomingTurn turn, PromptOptions options)
    {
        var text = Normalize(turn.Kind == TurnKind.CardAction ? turn.Values.GetValueOrDefault("value", "") : turn.Text);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var date = Parse(text, today);
        return date is { } d ? JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;
    }

    protected override string DefaultRetry(PromptOptions options) =>
        options.Language == Language.Dutch ? "Die datum herken ik niet. Typ bijvoorbeeld 3-12-2026 of 3 december." : "I don't recognise that date. Type, for example, 3/12/2026 or 3 December.";

    public static DateOnly? Parse(string text, DateOnly today)
    {
        switch (text)
        {
            case "vandaag" or "today":
                return today;
            case "morgen" or "tomorrow":
                return today.AddDays(1);
            case "overmorgen":
                return today.AddDays(2);
            default:
                break;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        var numeric = NumericDate().Match(text);
        if (numeric.Success)
        {
            var year = numeric.Groups["y"].Success ? int.Parse(numeric.Groups["y"].Value, CultureInfo.InvariantCulture) : (int?)null;
            return Build(int.Parse(numeric.Groups["d"].Value, CultureInfo.InvariantCulture), int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture), year, today);
        }

        var named = NamedDate().Match(text);
        if (named.Success)
        {
            var month = MonthNumber(named.Groups["m"].Value);
            var year = named.Groups["y"].Success ? int.Parse(named.Groups["y"].Value, CultureInfo.InvariantCulture) : (int?)null;
            return month is { } m ? Build(int.Parse(named.Groups["d"].Value, CultureInfo.InvariantCulture), m, year, today) : null;
        }

        return null;
    }

    /// <summary>Without a year: the first such date from today on.</summary>
    private static DateOnly? Build(int day, int month, int? year, DateOnly today)
    {
        if (month is < 1 or > 12 || day < 1)
        {
            return null;
        }

        var y = year is { } given ? (given < 100 ? 2000 + given : given) : today.Year;
        if (day > DateTime.DaysInMonth(y, month))
        {
            return null;
        }

        var date = new DateOnly(y, month, day);
        return year is null && date < today && day <= DateTime.DaysInMonth(y + 1, month) ? new DateOnly(y + 1, month, day) : date;
    }

    private static int? MonthNumber(string name)
    {
        for (var i = 0; i < 12; i++)
        {
            if (name.Length >= 3 && (DutchMonths[i].StartsWith(name, StringComparison.Ordinal) || EnglishMonths[i].StartsWith(name, StringComparison.Ordinal)))
            {
                return i + 1;
            }
        }

        return name == "mrt" ? 3 : null;
    }

    [GeneratedRegex(@"^(?<d>\d{1,2})[-/.](?<m>\d{1,2})(?:[-/.](?<y>\d{2}|\d{4}))?$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?:[a-z]+ )?(?<d>\d{1,2}) (?<m>[a-z]+)(?: (?<y>\d{4}))?$")]
    private static partial Regex NamedDate();
}

/// <summary>A time of day as <c>HH:mm</c>: 19:30, 19.30, 1930, 19u30, 7pm, 7:30 pm, 19 uur.</summary>
public sealed partial class TimePrompt(string id, Func<PromptValidatorContext, string?>? validator = null) : Prompt(id, validator)
{
    protected override JsonNode? Recognize(IncomingTurn turn, PromptOptions options)
    {
        var text = Normalize(turn.Kind == TurnKind.CardAction ? turn.Values.GetValueOrDefault("value", "") : turn.Text);
        return Parse(text) is { } t ? JsonValue.Create(t.ToString("HH:mm", CultureInfo.InvariantCulture)) : null;
    }

    protected override string DefaultRetry(PromptOptions options) =>
        options.Language == Language.Dutch ? "Die tijd herken ik niet. Typ bijvoorbeeld 19:30." : "I don't recognise that time. Type, for example, 19:30 or 7:30 pm.";

    public static TimeOnly? Parse(string text)
    {
        var match = Time().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var suffix = match.Groups["s"].Value;
        if (suffix is "am" or "pm")
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            hour = (hour % 12) + (suffix == "pm" ? 12 : 0);
        }

        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:(?:[:.u]|\s?uur\s?)?(?<m>\d{2}))?\s?(?<s>am|pm|uur|u|h)?$")]
    private static partial Regex Time();
}

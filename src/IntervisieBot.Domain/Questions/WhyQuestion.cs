using System.Globalization;
using System.Text;

namespace IntervisieBot.Domain.Questions;

/// <summary>
/// Spots questions that start with "waarom" / "why". In intervision they tend to make the case owner defend
/// themselves instead of explore; "wat maakt dat ..." / "what makes ..." invites the same curiosity without that.
/// </summary>
public static class WhyQuestion
{
    private static readonly string[] DutchOpenings = ["waarom", "waarvoor", "hoezo"];
    private static readonly string[] EnglishOpenings = ["why", "how come"];

    /// <summary>Whether the text opens with a why-word (after quotes, a mention or an address like "Anna,").</summary>
    public static bool IsWhyQuestion(string text)
    {
        var start = Opening(text);
        return DutchOpenings.Concat(EnglishOpenings).Any(word => StartsWithWord(start, word));
    }

    /// <summary>
    /// A gentle suggestion for a why-question, or null when it is none. It offers openings rather than rewriting the
    /// question: word order changes after "wat maakt dat", and a rewritten question would read clumsily.
    /// </summary>
    public static LocalizedText? Suggestion(string text) => IsWhyQuestion(text)
        ? new LocalizedText(
            "Een waarom-vraag kan klinken alsof de casusinbrenger zich moet verantwoorden. Probeer eens te beginnen met " +
            "\"Wat maakt dat ...?\" of \"Wat gebeurde er bij jou toen ...?\"",
            "A why-question can sound as if the case owner has to justify themselves. Try starting with " +
            "\"What makes ...?\" or \"What happened for you when ...?\"")
        : null;

    private static string Opening(string text)
    {
        var trimmed = RemoveAccents(text).Trim().TrimStart('"', '\'', '“', '‘', '-', '*', ' ').ToLowerInvariant();
        if (trimmed.StartsWith('@'))
        {
            var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
            trimmed = space < 0 ? "" : trimmed[(space + 1)..];
        }

        // "Anna, waarom ..." addresses someone first; the question starts after the comma.
        var comma = trimmed.IndexOf(',', StringComparison.Ordinal);
        if (comma is > 0 and < 25 && !trimmed[..comma].Contains(' ', StringComparison.Ordinal))
        {
            trimmed = trimmed[(comma + 1)..].TrimStart();
        }

        return trimmed;
    }

    private static bool StartsWithWord(string text, string word) =>
        text.StartsWith(word, StringComparison.Ordinal) && (text.Length == word.Length || !char.IsLetter(text[word.Length]));

    private static string RemoveAccents(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}

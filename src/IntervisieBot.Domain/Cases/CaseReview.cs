using System.Globalization;
using System.Text;
using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Domain.Cases;

/// <summary>
/// Reads a case's question the way a facilitator would before the meeting: does it sound like a task to get done
/// rather than something to reflect on, and what kind of question is it (for method advice, J7). Heuristics on
/// words only: they prompt a question to the owner, they never decide for them.
/// </summary>
public static class CaseReview
{
    private static readonly string[] FirstPerson = ["ik", "mij", "me", "mijn", "mezelf", "i", "my", "myself", "i'm", "i've"];

    // Questions about getting something done, organised or decided, rather than about the owner's own part in it.
    private static readonly string[] TaskWords =
    [
        "regelen", "regel", "organiseren", "organiseer", "plannen", "planning", "deadline", "afronden", "opleveren", "invullen",
        "procedure", "protocol", "budget", "offerte", "tool", "software", "formulier", "rooster", "inplannen",
        "arrange", "organise", "organize", "schedule", "finish", "deliver", "fill in", "form", "tooling", "quote",
    ];

    private static readonly string[] TaskOpenings =
    [
        "wie moet", "wie gaat", "wanneer moet", "waar vind", "welke tool", "welk programma", "hoeveel", "hoe regel", "hoe krijg ik het af",
        "who should", "who will", "when should", "where can i find", "which tool", "how many", "how much", "how do i arrange",
    ];

    /// <summary>Whether the question reads like a task (something to arrange or decide) more than a reflective question.</summary>
    public static bool LooksLikeTask(string question)
    {
        var text = Normalize(question);
        var words = Words(text);
        var aboutTheOwner = words.Any(w => FirstPerson.Contains(w));
        var taskish = TaskOpenings.Any(o => text.StartsWith(o, StringComparison.Ordinal))
            || TaskWords.Any(t => t.Contains(' ', StringComparison.Ordinal) ? text.Contains(t, StringComparison.Ordinal) : words.Contains(t));
        return taskish || !aboutTheOwner;
    }

    /// <summary>
    /// A guess at the kind of question from the words of the case, for when the owner does not say: emotion and a
    /// concrete event point to an incident, a colleague or manager to a working relationship, "my part" to the owner's
    /// contribution, looking back to the owner's behaviour, "when may you" to a fundamental question; else an open theme.
    /// </summary>
    public static QuestionKind InferKind(PreparedCase value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var question = Normalize(value.Question);
        var all = Normalize(string.Join(" ", value.Question, value.Situation, value.HotSpot ?? ""));
        if (Has(question, "wanneer mag", "mag je", "mag ik", "wat is goed", "is het goed om", "when may", "is it right", "should one", "ought"))
        {
            return QuestionKind.Fundamental;
        }

        if (Has(all, "collega", "leidinggevende", "manager", "teamleider", "samenwerking", "samenwerken", "werkrelatie", "colleague", "working relationship", "boss", "cooperation", "collaborat"))
        {
            return QuestionKind.WorkingRelationship;
        }

        if (Has(all, "boos", "geschrokken", "geraakt", "emotie", "verdriet", "bang", "schrok", "huilde", "angry", "upset", "shocked", "scared", "cried", "emotion"))
        {
            return QuestionKind.ConcreteIncident;
        }

        var questionWords = Words(question);
        var again = questionWords.Overlaps(["steeds", "telkens", "altijd", "weer", "always", "keep", "again"]);
        if (Has(question, "mijn aandeel", "mijn rol", "my part", "my role") || (again && questionWords.Overlaps(["ik", "i"])))
        {
            return QuestionKind.OwnContribution;
        }

        if (Has(question, "had ik", "heb ik", "deed ik", "had i", "did i", "should i have"))
        {
            return QuestionKind.OwnBehaviour;
        }

        return QuestionKind.OpenTheme;
    }

    private static bool Has(string text, params string[] phrases) => phrases.Any(p => text.Contains(p, StringComparison.Ordinal));

    private static HashSet<string> Words(string text) =>
        text.Split([' ', ',', '.', '?', '!', ';', ':', '"', '(', ')', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c == '’' ? '\'' : c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}

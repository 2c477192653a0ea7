using System.Globalization;

namespace IntervisieBot.Domain.Methods;

/// <summary>What the group tells the bot when it asks for method advice (J7).</summary>
/// <param name="Question">The kind of question the case owner brings.</param>
/// <param name="Available">The time the group has for the method: a set-up group's meeting length (the methods' steps hold their own introduction and close).</param>
/// <param name="Experience">How experienced the group is with intervision.</param>
/// <param name="HighSafety">Whether the group feels safe enough with each other for methods that ask a lot of openness.</param>
public sealed record AdviceRequest(QuestionKind Question, TimeSpan Available, GroupExperience Experience, bool HighSafety);

/// <summary>One method in the advice, with why it is where it is.</summary>
/// <param name="Method">The method advised on.</param>
/// <param name="Score">Higher is better; it only means something next to the other scores in the same advice.</param>
/// <param name="Reasons">Every reason, cautions included, in the order the bot shows them.</param>
/// <param name="Cautions">The reasons that warn against the method here; empty when nothing does.</param>
public sealed record MethodAdvice(MethodDefinition Method, int Score, IReadOnlyList<LocalizedText> Reasons, IReadOnlyList<LocalizedText> Cautions);

/// <summary>
/// Ranks the methods for a question (J7). The fit comes from the methods' own data: the kinds of question each was made
/// for (seed 003's table, seed 000's descriptions), the experience it needs and whether it asks a safe group.
/// A method that does not fit the time or the group ranks lower but is never left out: the group may still choose it.
/// </summary>
public static class MethodAdvisor
{
    private const int MadeForQuestion = 50;
    private const int ServesQuestion = 25;
    private const int FitsTime = 20;
    private const int TightTime = 10;
    private const int DoesNotFitTime = -40;
    private const int EasyForNewGroup = 10;
    private const int PerMissingExperienceLevel = -20;
    private const int MissingSafety = -30;

    public static IReadOnlyList<MethodAdvice> Rank(AdviceRequest request, MethodLibrary library)
    {
        if (request.Available <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Available, "The time available must be more than zero.");
        }

        // Ties keep the library's catalogue order, so the same request always gives the same advice.
        return library.All
            .Select((method, order) => (Advice: Advise(method, request), Order: order))
            .OrderByDescending(ranked => ranked.Advice.Score)
            .ThenBy(ranked => ranked.Order)
            .Select(ranked => ranked.Advice)
            .ToList();
    }

    private static MethodAdvice Advise(MethodDefinition method, AdviceRequest request)
    {
        var score = 0;
        var reasons = new List<LocalizedText>();
        var cautions = new List<LocalizedText>();

        void Reason(int points, LocalizedText text)
        {
            score += points;
            reasons.Add(text);
        }

        void Caution(int points, LocalizedText text)
        {
            Reason(points, text);
            cautions.Add(text);
        }

        if (method.SuitsQuestions.Contains(request.Question))
        {
            Reason(MadeForQuestion, AdviceReasons.MadeFor(request.Question));
        }
        else if (method.AlsoSuits.Contains(request.Question))
        {
            Reason(ServesQuestion, AdviceReasons.AlsoServes(request.Question));
        }
        else
        {
            Reason(0, AdviceReasons.NotMadeFor(request.Question));
        }

        var planned = method.PlannedTime;
        if (request.Available >= planned)
        {
            Reason(FitsTime, AdviceReasons.FitsTime(method.Duration));
        }
        else if (request.Available >= method.Duration.Min)
        {
            Reason(TightTime, AdviceReasons.TightTime(planned, request.Available));
        }
        else
        {
            Caution(DoesNotFitTime, AdviceReasons.DoesNotFitTime(method.Duration, request.Available));
        }

        var missingLevels = (int)method.MinimumExperience - (int)request.Experience;
        if (missingLevels > 0)
        {
            Caution(PerMissingExperienceLevel * missingLevels, AdviceReasons.NeedsExperience(method.MinimumExperience));
        }
        else if (method.MinimumExperience == GroupExperience.New && request.Experience == GroupExperience.New)
        {
            Reason(EasyForNewGroup, AdviceReasons.EasyForNewGroup);
        }

        if (method.RequiresHighSafety)
        {
            if (request.HighSafety)
            {
                Reason(0, AdviceReasons.OpennessFitsGroup);
            }
            else
            {
                Caution(MissingSafety, AdviceReasons.NeedsSafeGroup);
            }
        }

        return new MethodAdvice(method, score, reasons, cautions);
    }
}

/// <summary>The sentences method advice gives, in Dutch and English.</summary>
public static class AdviceReasons
{
    public static LocalizedText EasyForNewGroup { get; } = new(
        "Laagdrempelig: goed te doen voor een groep die nieuw is met intervisie",
        "Easy to start with: works well for a group that is new to intervision");

    public static LocalizedText NeedsSafeGroup { get; } = new(
        "Let op: vraagt een ervaren, veilige groep die veel openheid aankan",
        "Caution: asks for an experienced, safe group that can handle a lot of openness");

    public static LocalizedText OpennessFitsGroup { get; } = new(
        "Vraagt veel openheid; jullie groep is daar veilig genoeg voor",
        "Asks for a lot of openness; your group feels safe enough for it");

    /// <summary>The kind of question as a phrase that fits in a sentence: "a concrete incident that stirred strong emotion".</summary>
    public static LocalizedText Describe(QuestionKind kind) => kind switch
    {
        QuestionKind.ConcreteIncident => new("een concreet incident dat veel emotie opriep", "a concrete incident that stirred strong emotion"),
        QuestionKind.Fundamental => new("een universele of fundamentele vraag", "a universal or fundamental question"),
        QuestionKind.OwnContribution => new("een probleem waarin je eigen aandeel groot is", "a problem in which your own part is large"),
        QuestionKind.OwnBehaviour => new("terugkijken op je eigen gedrag", "looking back on your own behaviour"),
        QuestionKind.WorkingRelationship => new("wrijving in een werkrelatie", "friction in a working relationship"),
        QuestionKind.OpenTheme => new("een open thema", "an open theme"),
        QuestionKind.ConcreteProblem => new("een concreet probleem in je werk", "a concrete problem in your work"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of question."),
    };

    public static LocalizedText MadeFor(QuestionKind kind) => Sentence(kind, "Past bij {0}", "Suits {0}");

    public static LocalizedText AlsoServes(QuestionKind kind) => Sentence(kind, "Ook bruikbaar bij {0}", "Also works for {0}");

    public static LocalizedText NotMadeFor(QuestionKind kind) => Sentence(kind, "Niet speciaal bedoeld voor {0}", "Not made for {0}");

    public static LocalizedText FitsTime(MethodDuration duration) => new(
        $"Past in de tijd die jullie hebben ({duration})",
        $"Fits the time you have ({duration})");

    public static LocalizedText TightTime(TimeSpan planned, TimeSpan available) => new(
        $"Krap: het plan duurt {Minutes(planned)} min en jullie hebben {Minutes(available)} min; houd de stappen kort",
        $"Tight: the plan takes {Minutes(planned)} min and you have {Minutes(available)} min; keep the steps short");

    public static LocalizedText DoesNotFitTime(MethodDuration duration, TimeSpan available) => new(
        $"Let op: past niet in jullie tijd; deze methode vraagt {duration} en jullie hebben {Minutes(available)} min",
        $"Caution: does not fit your time; this method needs {duration} and you have {Minutes(available)} min");

    public static LocalizedText NeedsExperience(GroupExperience needed) => needed switch
    {
        GroupExperience.Experienced => new(
            "Let op: vraagt een groep met veel ervaring in intervisie",
            "Caution: asks for a group with a lot of intervision experience"),
        _ => new(
            "Let op: vraagt een groep met al enige ervaring in intervisie",
            "Caution: asks for a group with some intervision experience"),
    };

    private static LocalizedText Sentence(QuestionKind kind, string nl, string en)
    {
        var phrase = Describe(kind);
        return new(
            string.Format(CultureInfo.InvariantCulture, nl, phrase.Nl),
            string.Format(CultureInfo.InvariantCulture, en, phrase.En));
    }

    private static string Minutes(TimeSpan time) => time.TotalMinutes.ToString("0", CultureInfo.InvariantCulture);
}

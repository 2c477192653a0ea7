using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Domain.Cases;

/// <summary>
/// What a case owner prepares before the meeting (J5): the situation told like a film, the question, what was tried,
/// and the moment that matters most (<see cref="HotSpot"/>, the 'hittepunt'); with the owner's answers to the checks
/// and the methods advised for it. Case text: stored encrypted, shown to the group only when the owner shares it.
/// </summary>
public sealed record PreparedCase
{
    public const int MaxTitleLength = 120;
    public const int MaxTextLength = 3000;

    /// <summary>The method that works from a prepared general question (<see cref="FundamentalQuestion"/>).</summary>
    public const string SocraticMethod = "socratic";

    public required string Title { get; init; }

    /// <summary>Who, where, what happened: concrete enough that the others see it before them.</summary>
    public required string Situation { get; init; }

    /// <summary>"My question is …": what the owner wants to explore.</summary>
    public required string Question { get; init; }

    public string? Tried { get; init; }

    /// <summary>The 'hittepunt': the moment of doubt, where it got stuck or turned.</summary>
    public string? HotSpot { get; init; }

    /// <summary>
    /// For the Socratic method: the general (fundamental) question behind the case, beyond the owner's own situation,
    /// that everyone in the group can speak to. Shown with the case when the owner shares it.
    /// </summary>
    public string? FundamentalQuestion { get; init; }

    /// <summary>The method the owner would like (a method id), if any.</summary>
    public string? PreferredMethod { get; init; }

    /// <summary>The meeting it is prepared for (the meeting's key, its planned date), when the group has a schedule.</summary>
    public string? MeetingId { get; init; }

    public QuestionKind? Kind { get; init; }

    /// <summary>The advised methods, best first (method ids).</summary>
    public IReadOnlyList<string> Recommended { get; init; } = [];

    public CaseChecks Checks { get; init; } = new();

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the session it was brought to ended; the text then goes unless the owner keeps it.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The owner chose to keep the text after the session.</summary>
    public bool Keep { get; init; }

    /// <summary>The method the session should offer first: the owner's wish, else the best advised.</summary>
    public string? MethodForSession => PreferredMethod ?? (Recommended.Count > 0 ? Recommended[0] : null);

    /// <summary>The session takes the Socratic method and the owner has not written its general question yet.</summary>
    public bool LacksFundamentalQuestion => MethodForSession == SocraticMethod && string.IsNullOrWhiteSpace(FundamentalQuestion);

    /// <summary>The fields a member fills in, checked; the problems by field (empty when it can be stored).</summary>
    public static IReadOnlyList<string> Problems(string? title, string? situation, string? question, string? tried, string? hotSpot, string? fundamental = null)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitleLength)
        {
            problems.Add("title");
        }

        if (string.IsNullOrWhiteSpace(situation) || situation.Trim().Length > MaxTextLength)
        {
            problems.Add("situation");
        }

        if (string.IsNullOrWhiteSpace(question) || question.Trim().Length > MaxTextLength)
        {
            problems.Add("question");
        }

        if (tried?.Trim().Length > MaxTextLength)
        {
            problems.Add("tried");
        }

        if (hotSpot?.Trim().Length > MaxTextLength)
        {
            problems.Add("hotSpot");
        }

        if (fundamental?.Trim().Length > MaxTextLength)
        {
            problems.Add("fundamental");
        }

        return problems;
    }
}

/// <summary>The owner's answers to the checks; null while not asked.</summary>
/// <param name="OwnQuestion">It is the owner's own question, not one on behalf of someone else.</param>
/// <param name="Current">It still plays now.</param>
/// <param name="Reflective">It is about how the owner acts, thinks or feels, not a task to get done.</param>
public sealed record CaseChecks(bool? OwnQuestion = null, bool? Current = null, bool? Reflective = null);

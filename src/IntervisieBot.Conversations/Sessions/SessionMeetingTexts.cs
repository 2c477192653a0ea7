using IntervisieBot.Conversations.Texts;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>What the set-up of a session asks about the meeting it belongs to, once per language; every text required.</summary>
public sealed record SessionMeetingTexts
{
    /// <summary>The language these texts are in.</summary>
    public required Language Language { get; init; }

    /// <summary>{0}: the planned meeting's day ("woensdag 16 december").</summary>
    public required string AskTemplate { get; init; }

    public string Ask(string day) => TextTemplate.Fill(AskTemplate, day);

    public required string YesButton { get; init; }

    public required IReadOnlyList<string> YesWords { get; init; }

    public required string NoButton { get; init; }

    public required IReadOnlyList<string> NoWords { get; init; }

    public static SessionMeetingTexts For(Language language) => language == Language.Dutch ? Dutch : English;

    public static SessionMeetingTexts Dutch { get; } = new()
    {
        Language = Language.Dutch,
        AskTemplate = "Hoort deze sessie bij de bijeenkomst van {0}? Zo niet, dan telt ze als extra bijeenkomst: de geplande bijeenkomst blijft staan, met wie er dan aan de beurt is.",
        YesButton = "Ja, die bijeenkomst",
        YesWords = ["ja", "die bijeenkomst"],
        NoButton = "Nee, een extra bijeenkomst",
        NoWords = ["nee", "extra", "een extra bijeenkomst"],
    };

    public static SessionMeetingTexts English { get; } = new()
    {
        Language = Language.English,
        AskTemplate = "Is this session the meeting planned for {0}? If not, it counts as an extra meeting: the planned meeting stays, with the same people on turn.",
        YesButton = "Yes, that meeting",
        YesWords = ["yes", "that meeting"],
        NoButton = "No, an extra meeting",
        NoWords = ["no", "extra", "an extra meeting"],
    };
}

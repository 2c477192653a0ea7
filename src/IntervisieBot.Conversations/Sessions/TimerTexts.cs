using System.Globalization;
using IntervisieBot.Conversations.Texts;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>What the bot says about the time of a session step, once per language; every text required.</summary>
public sealed record TimerTexts
{
    /// <summary>The language these texts are in.</summary>
    public required Language Language { get; init; }

    public required string OneMinuteLeft { get; init; }

    /// <summary>{0}: the minutes left (2 or more).</summary>
    public required string MinutesLeft { get; init; }

    /// <summary>{0}: the step's timebox in minutes.</summary>
    public required string TimeUp { get; init; }

    /// <summary>{0}: the minutes added; {1}: the minutes left now.</summary>
    public required string ExtendedTemplate { get; init; }

    public string Extended(int added, int left) => TextTemplate.Fill(ExtendedTemplate, added, left);

    /// <summary>{0}: the minutes added; {1}: the minutes left when the session resumes.</summary>
    public required string ExtendedWhilePausedTemplate { get; init; }

    public string ExtendedWhilePaused(int added, int left) => TextTemplate.Fill(ExtendedWhilePausedTemplate, added, left);

    public required string NoTimer { get; init; }

    /// <summary>{0}: the minutes the button adds.</summary>
    public required string ExtendButton { get; init; }

    public static TimerTexts For(Language language) => language == Language.Dutch ? Dutch : English;

    public string Left(int minutes) => minutes == 1 ? OneMinuteLeft : string.Format(CultureInfo.InvariantCulture, MinutesLeft, minutes);

    public static TimerTexts Dutch { get; } = new()
    {
        Language = Language.Dutch,
        OneMinuteLeft = "Nog 1 minuut voor deze stap.",
        MinutesLeft = "Nog {0} minuten voor deze stap.",
        TimeUp = "De tijd voor deze stap ({0} min) is om. Rond af wat je aan het doen bent; de gespreksleider gaat verder met **volgende** of geeft er wat tijd bij met **verleng**.",
        ExtendedTemplate = "Er komen {0} minuten bij: nog {1} minuten voor deze stap.",
        ExtendedWhilePausedTemplate = "Er komen {0} minuten bij: na de pauze nog {1} minuten voor deze stap.",
        NoTimer = "Er loopt nu geen tijd om te verlengen.",
        ExtendButton = "+{0} min",
    };

    public static TimerTexts English { get; } = new()
    {
        Language = Language.English,
        OneMinuteLeft = "1 minute left for this step.",
        MinutesLeft = "{0} minutes left for this step.",
        TimeUp = "Time is up for this step ({0} min). Round off what you are doing; the facilitator moves on with **next** or adds some time with **extend**.",
        ExtendedTemplate = "{0} more minutes: {1} minutes left for this step.",
        ExtendedWhilePausedTemplate = "{0} more minutes: after the break, {1} minutes left for this step.",
        NoTimer = "There is no running time to extend right now.",
        ExtendButton = "+{0} min",
    };
}

namespace IntervisieBot.Conversations.Groups;

/// <summary>The words members type for the group's settings, in Dutch and English; the settings buttons send them too.</summary>
public sealed partial record GroupTexts
{
    /// <summary>The words for each setting, as typed after "instellen"/"setup" and sent by the settings buttons.</summary>
    public static IReadOnlyList<(string Field, string Nl, string En, string[] Synonyms)> SettingWords { get; } =
    [
        ("name", "naam", "name", ["groepsnaam"]),
        ("language", "taal", "language", ["lang"]),
        ("cadence", "ritme", "rhythm", ["cadence", "frequentie", "frequency", "hoevaak"]),
        ("weekday", "dag", "day", ["weekday", "weekdag"]),
        ("time", "tijd", "time", ["starttijd", "begintijd", "aanvang"]),
        ("zone", "tijdzone", "zone", ["timezone", "tz"]),
        ("duration", "duur", "length", ["duration", "lengte"]),
        ("first", "datum", "date", ["eerste", "first", "begin"]),
        ("members", "deelnemers", "members", ["leden", "participants", "groep"]),
        ("facilitator", "gespreksleider", "facilitator", ["leider", "begeleider", "procesbegeleider"]),
        ("all", "alles", "everything", ["all", "opnieuw"]),
    ];
}

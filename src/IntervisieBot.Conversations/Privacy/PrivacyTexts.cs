using System.Globalization;
using IntervisieBot.Conversations.Texts;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>What the bot says about the group's data (J11): forget, export, and buttons from elsewhere.</summary>
public sealed record PrivacyTexts
{
    /// <summary>The language these texts are in.</summary>
    public required Language Language { get; init; }

    public required string ForgetTitle { get; init; }

    public required string ForgetWhat { get; init; }

    public required string ForgetIrreversible { get; init; }

    public required string ForgetButton { get; init; }

    public required string ForgetCancelButton { get; init; }

    public required string ForgetPendingTitle { get; init; }

    public required string ForgetPendingTemplate { get; init; }

    public string ForgetPending(string name, string when) => TextTemplate.Fill(ForgetPendingTemplate, name, when);

    public required string ForgetHowToCancel { get; init; }

    public required string ForgetKeepButton { get; init; }

    public required string ForgetNowButton { get; init; }

    public required string ForgetCancelledBy { get; init; }

    public required string ForgetNothingPending { get; init; }

    public required string ForgetCardOutOfDate { get; init; }

    public required string ForgetNowRefused { get; init; }

    public required string SomeParticipant { get; init; }

    public required string Hours { get; init; }

    public required string Minutes { get; init; }

    public required string ForgottenTitle { get; init; }

    public required string ForgottenTemplate { get; init; }

    /// <summary>What the receipt says of data that has no description of its own.</summary>
    public required string OtherData { get; init; }

    public string Forgotten(string by, string stores) => TextTemplate.Fill(ForgottenTemplate, by, stores);

    public required string ForgottenNothing { get; init; }

    public required string ForgetCancelled { get; init; }

    public required string ForgetExpired { get; init; }

    public required string ForgetInPersonalChat { get; init; }

    public required IReadOnlyDictionary<string, string> StoreNames { get; init; }

    public required string ExportTitle { get; init; }

    public required string ExportReady { get; init; }

    public required string ExportInPersonalChat { get; init; }

    public required string MemberExportTitle { get; init; }

    public required string MemberExportReady { get; init; }

    public required string MemberExportNothing { get; init; }

    public required string ForeignButton { get; init; }

    public required string AnsweredBy { get; init; }

    public required CultureInfo Culture { get; init; }

    /// <summary>{0} the day ("vrijdag 4 december"), {1} the time ("19:30").</summary>
    public required string DayAtTimeTemplate { get; init; }

    public string DayAtTime(string day, string time) => TextTemplate.Fill(DayAtTimeTemplate, day, time);

    public required string OneHour { get; init; }

    public required string OneMinute { get; init; }

    public static PrivacyTexts For(Language language) => language == Language.Dutch ? Dutch : English;

    public static PrivacyTexts Dutch { get; } = new()
    {
        Language = Language.Dutch,
        ForgetTitle = "Alles van deze groep wissen?",
        ForgetWhat =
            "Als jullie doorgaan, wis ik alles wat ik over deze groep bewaar:\n" +
            "- de sessie die nu loopt, met alles wat daarin (ook privé) is ingebracht\n" +
            "- de verslagen van alle eerdere bijeenkomsten: inzichten, acties, waarderingen, wie er was\n" +
            "- de instellingen, afspraken, planning en beurten van de groep\n" +
            "- welke privégesprekken nu bij deze groep horen, de exportlinks, en hoe ik dit gesprek bereik",
        ForgetIrreversible =
            "Bevestig je, dan hoort de hele groep het en wis ik alles over {0}; tot dan kan iedereen het annuleren. " +
            "Daarna kan het niet ongedaan worden gemaakt. Wil je eerst een kopie? Typ dan **export**.",
        ForgetButton = "Ja, alles wissen",
        ForgetCancelButton = "Nee, niets wissen",
        ForgetPendingTitle = "Alles van deze groep wordt gewist",
        ForgetPendingTemplate = "{0} heeft gevraagd alles van deze groep te wissen. Dat gebeurt op {1}, tenzij iemand het voor die tijd annuleert.",
        Culture = CultureInfo.GetCultureInfo("nl-NL"),
        DayAtTimeTemplate = "{0} om {1}",
        ForgetHowToCancel = "Wil je dat niet? Druk op **Niet wissen** of typ **vergeet annuleren**; dat kan iedereen in de groep.",
        ForgetKeepButton = "Niet wissen",
        ForgetNowButton = "Nu wissen",
        ForgetCancelledBy = "Het wissen is geannuleerd door {0}. Alles blijft bewaard.",
        ForgetNothingPending = "Er staat geen wissen gepland, dus er is niets te annuleren. Alles blijft bewaard.",
        ForgetCardOutOfDate = "Deze kaart is verouderd: hij hoort bij een eerder wisverzoek. Er is niets veranderd. Typ **vergeet** om te zien wat er nu gepland staat.",
        ForgetNowRefused =
            "Meteen wissen kan alleen wie het vroeg, en alleen als er verder niemand meer in dit gesprek is. " +
            "Het wissen gebeurt op {0}, tenzij iemand het annuleert.",
        SomeParticipant = "een deelnemer",
        Hours = "{0} uur",
        OneHour = "een uur",
        OneMinute = "een minuut",
        Minutes = "{0} minuten",
        ForgottenTitle = "Alles van deze groep is gewist",
        OtherData = "overige gegevens van de groep",
        ForgottenTemplate = "Gewist op verzoek van {0}:\n{1}\n\nIk bewaar niets meer van deze groep. Wie opnieuw wil beginnen, typt **hulp**.",
        ForgottenNothing = "Gewist op verzoek van {0}. Er stond niets over deze groep opgeslagen, en dat blijft zo. Wie opnieuw wil beginnen, typt **hulp**.",
        ForgetCancelled = "Niets gewist; alles blijft zoals het was.",
        ForgetExpired = "Deze bevestiging geldt niet meer (te laat, of al gebruikt). Er is niets gewist. Typ **vergeet** om opnieuw te beginnen.",
        ForgetInPersonalChat =
            "In ons privégesprek bewaar ik geen gegevens van een groep. Typ **vergeet** in het groepsgesprek zelf om alles van die groep te wissen.",
        StoreNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["group"] = "de instellingen, leden, afspraken, planning en beurten van de groep",
            ["conversationState"] = "de lopende sessie (of ander gesprek met mij) en wat daarin is gezegd",
            ["sessionRecords"] = "verslagen van bijeenkomsten",
            ["privateChatRoutes"] = "verwijzingen van privégesprekken naar deze groep",
            ["conversationReference"] = "hoe ik dit gesprek bereik",
            ["exportLinks"] = "exportlinks",
            ["cases"] = "voorbereide casussen (versleuteld)",
            ["slackConversation"] = "hoe ik dit Slack-kanaal bereik",
            ["slackDeliveries"] = "welke Slack-berichten ik al heb verwerkt",
            ["scheduled"] = "geplande herinneringen, timers en dit wisverzoek",
            ["outbox"] = "berichten die ik nog moest bezorgen",
            ["calendarLink"] = "de agendalink",
            ["memberIndex"] = "welke leden bij deze groep horen (voor hun privégesprek)",
            ["health"] = "signalen over hoe het met de groep gaat",
            ["evaluations"] = "antwoorden op de evaluatie (zonder namen)",
        },
        ExportTitle = "Jullie gegevens als bestand",
        ExportReady =
            "De gegevens van deze groep (instellingen, deelnemers, afspraken, bijeenkomsten, verslagen, en de gemiddelden van evaluaties " +
            "met minstens drie antwoorden), als JSON-bestand: [intervisiebot-export.json]({0})\n\n" +
            "De link werkt {1} minuten, en maar één keer. Wie de link heeft, kan het bestand openen: deel hem niet buiten de groep. " +
            "Voorbereide casussen staan er niet in: ieder haalt de eigen casus op met **export** in het privégesprek met mij.",
        ExportInPersonalChat = "Een export van de groep maak ik in het groepsgesprek zelf: typ daar **export**. In ons privégesprek bewaar ik geen groepsgegevens.",
        MemberExportTitle = "Je eigen gegevens als bestand",
        MemberExportReady =
            "Je voorbereide casussen ({2}), als JSON-bestand: [intervisiebot-mijn-casus.json]({0})\n\n" +
            "De link is alleen voor jou, werkt {1} minuten en maar één keer.",
        MemberExportNothing = "Van jou bewaar ik geen voorbereide casus, dus er is niets van jezelf om te exporteren.",
        ForeignButton = "Die knop hoort bij een ander gesprek, dus hier doe ik er niets mee. Er is niets veranderd.",
        AnsweredBy = "Beantwoord door {0}",
    };

    public static PrivacyTexts English { get; } = new()
    {
        Language = Language.English,
        ForgetTitle = "Erase everything about this group?",
        ForgetWhat =
            "If you go ahead, I erase everything I keep about this group:\n" +
            "- the session running now, with everything said in it (privately too)\n" +
            "- the records of all earlier meetings: insights, actions, ratings, who came\n" +
            "- the group's settings, agreements, schedule and turns\n" +
            "- which private chats belong to this group now, the export links, and how I reach this conversation",
        ForgetIrreversible =
            "If you confirm, the whole group hears it and I erase everything in {0}; until then anyone can cancel it. " +
            "After that it cannot be undone. Want a copy first? Type **export**.",
        ForgetButton = "Yes, erase everything",
        ForgetCancelButton = "No, erase nothing",
        ForgetPendingTitle = "Everything about this group will be erased",
        ForgetPendingTemplate = "{0} asked to erase everything about this group. That happens on {1}, unless someone cancels it before then.",
        Culture = CultureInfo.GetCultureInfo("en-GB"),
        DayAtTimeTemplate = "{0} at {1}",
        ForgetHowToCancel = "Don't want that? Press **Don't erase** or type **forget cancel**; anyone in the group can.",
        ForgetKeepButton = "Don't erase",
        ForgetNowButton = "Erase now",
        ForgetCancelledBy = "{0} cancelled the erasure. Everything is kept.",
        ForgetNothingPending = "No erasure is planned, so there is nothing to cancel. Everything is kept.",
        ForgetCardOutOfDate = "This card is out of date: it belongs to an earlier request to erase. Nothing has changed. Type **forget** to see what is planned now.",
        ForgetNowRefused =
            "Only the one who asked can erase at once, and only when nobody else is left in this conversation. " +
            "The erasure happens on {0}, unless someone cancels it.",
        SomeParticipant = "a participant",
        Hours = "{0} hours",
        OneHour = "an hour",
        OneMinute = "a minute",
        Minutes = "{0} minutes",
        ForgottenTitle = "Everything about this group has been erased",
        OtherData = "other group data",
        ForgottenTemplate = "Erased at the request of {0}:\n{1}\n\nI no longer keep anything about this group. To start again, type **help**.",
        ForgottenNothing = "Erased at the request of {0}. Nothing about this group was stored, and it stays that way. To start again, type **help**.",
        ForgetCancelled = "Nothing erased; everything stays as it was.",
        ForgetExpired = "This confirmation is no longer valid (too late, or already used). Nothing was erased. Type **forget** to start again.",
        ForgetInPersonalChat =
            "I don't keep any group's data in our private chat. Type **forget** in the group conversation itself to erase everything about that group.",
        StoreNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["group"] = "the group's settings, members, agreements, schedule and turns",
            ["conversationState"] = "the running session (or another conversation with me) and what was said in it",
            ["sessionRecords"] = "meeting records",
            ["privateChatRoutes"] = "links from private chats to this group",
            ["conversationReference"] = "how I reach this conversation",
            ["exportLinks"] = "export links",
            ["cases"] = "prepared cases (encrypted)",
            ["slackConversation"] = "how I reach this Slack channel",
            ["slackDeliveries"] = "which Slack messages I have already handled",
            ["scheduled"] = "planned reminders, timers and this request to erase",
            ["outbox"] = "messages I still had to deliver",
            ["calendarLink"] = "the calendar link",
            ["memberIndex"] = "which members belong to this group (for their private chat)",
            ["health"] = "signals about how the group is doing",
            ["evaluations"] = "survey answers (without names)",
        },
        ExportTitle = "Your data as a file",
        ExportReady =
            "This group's data (settings, participants, agreements, meetings, records, and the averages of surveys with at least " +
            "three answers), as a JSON file: [intervisiebot-export.json]({0})\n\n" +
            "The link works for {1} minutes, and only once. Anyone with the link can open the file: don't share it outside the group. " +
            "Prepared cases are not in it: each member gets their own case with **export** in their private chat with me.",
        ExportInPersonalChat = "I export the group's data only in the group conversation itself: type **export** there. I don't keep group data in our private chat.",
        MemberExportTitle = "Your own data as a file",
        MemberExportReady =
            "Your prepared cases ({2}), as a JSON file: [intervisiebot-my-case.json]({0})\n\n" +
            "The link is for you alone, works for {1} minutes and only once.",
        MemberExportNothing = "I don't keep any prepared case of yours, so there is nothing of your own to export.",
        ForeignButton = "That button belongs to another conversation, so I won't act on it here. Nothing has changed.",
        AnsweredBy = "Answered by {0}",
    };
}

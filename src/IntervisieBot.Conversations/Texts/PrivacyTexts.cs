namespace IntervisieBot.Conversations.Texts;

/// <summary>What the bot says about the group's data (J11): forget, export, and buttons from elsewhere.</summary>
public sealed record PrivacyTexts
{
    public required string ForgetTitle { get; init; }

    public required string ForgetWhat { get; init; }

    public required string ForgetIrreversible { get; init; }

    public required string ForgetButton { get; init; }

    public required string ForgetCancelButton { get; init; }

    public required string ForgetFinalTitle { get; init; }

    public required string ForgetFinal { get; init; }

    public required string ForgetFinalButton { get; init; }

    public required string ForgottenTitle { get; init; }

    public required string Forgotten { get; init; }

    public required string ForgottenNothing { get; init; }

    public required string ForgetCancelled { get; init; }

    public required string ForgetExpired { get; init; }

    public required string ForgetInPersonalChat { get; init; }

    public required IReadOnlyDictionary<string, string> StoreNames { get; init; }

    public required string ExportTitle { get; init; }

    public required string ExportReady { get; init; }

    public required string ExportInPersonalChat { get; init; }

    public required string ForeignButton { get; init; }

    public required string AnsweredBy { get; init; }

    public static PrivacyTexts For(Language language) => language == Language.Dutch ? Dutch : English;

    public static PrivacyTexts Dutch { get; } = new()
    {
        ForgetTitle = "Alles van deze groep wissen?",
        ForgetWhat =
            "Als jullie doorgaan, wis ik alles wat ik over deze groep bewaar:\n" +
            "- de bijeenkomst die nu loopt, met alles wat daarin (ook privé) is ingebracht\n" +
            "- de verslagen van alle eerdere bijeenkomsten: inzichten, acties, waarderingen, wie er was\n" +
            "- de instellingen, afspraken, planning en beurten van de groep\n" +
            "- welke privégesprekken nu bij deze groep horen, de exportlinks, en hoe ik dit gesprek bereik",
        ForgetIrreversible = "Dit kan niet ongedaan worden gemaakt. Wil je eerst een kopie? Typ dan **export**.",
        ForgetButton = "Ja, alles wissen",
        ForgetCancelButton = "Nee, niets wissen",
        ForgetFinalTitle = "Laatste controle: alles wissen?",
        ForgetFinal = "Druk op **Definitief wissen** om nu alles van deze groep te wissen. Deze knop werkt {0} minuten.",
        ForgetFinalButton = "Definitief wissen",
        ForgottenTitle = "Alles van deze groep is gewist",
        Forgotten = "Gewist op verzoek van {0}:\n{1}\n\nIk bewaar niets meer van deze groep. Wie opnieuw wil beginnen, typt **hulp**.",
        ForgottenNothing = "Gewist op verzoek van {0}. Er stond niets over deze groep opgeslagen, en dat blijft zo. Wie opnieuw wil beginnen, typt **hulp**.",
        ForgetCancelled = "Niets gewist; alles blijft zoals het was.",
        ForgetExpired = "Deze bevestiging geldt niet meer (te laat, of al gebruikt). Er is niets gewist. Typ **vergeet** om opnieuw te beginnen.",
        ForgetInPersonalChat =
            "In ons privégesprek bewaar ik geen gegevens van een groep. Typ **vergeet** in het groepsgesprek zelf om alles van die groep te wissen.",
        StoreNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["group"] = "de instellingen, leden, afspraken, planning en beurten van de groep",
            ["conversationState"] = "de lopende bijeenkomst (of ander gesprek met mij) en wat daarin is gezegd",
            ["sessionRecords"] = "verslagen van bijeenkomsten",
            ["privateChatRoutes"] = "verwijzingen van privégesprekken naar deze groep",
            ["conversationReference"] = "hoe ik dit gesprek bereik",
            ["exportLinks"] = "exportlinks",
            ["cases"] = "voorbereide casussen (versleuteld)",
            ["slackConversation"] = "hoe ik dit Slack-kanaal bereik",
        },
        ExportTitle = "Jullie gegevens als bestand",
        ExportReady =
            "Alles wat ik over deze groep bewaar, als JSON-bestand: [intervisiebot-export.json]({0})\n\n" +
            "De link werkt {1} minuten. Wie de link heeft, kan het bestand openen: deel hem niet buiten de groep.",
        ExportInPersonalChat = "Een export maak ik in het groepsgesprek zelf: typ daar **export**. In ons privégesprek bewaar ik geen groepsgegevens.",
        ForeignButton = "Die knop hoort bij een ander gesprek, dus hier doe ik er niets mee. Er is niets veranderd.",
        AnsweredBy = "Beantwoord door {0}",
    };

    public static PrivacyTexts English { get; } = new()
    {
        ForgetTitle = "Erase everything about this group?",
        ForgetWhat =
            "If you go ahead, I erase everything I keep about this group:\n" +
            "- the meeting that is running now, with everything said in it (privately too)\n" +
            "- the records of all earlier meetings: insights, actions, ratings, who came\n" +
            "- the group's settings, agreements, schedule and turns\n" +
            "- which private chats belong to this group now, the export links, and how I reach this conversation",
        ForgetIrreversible = "This cannot be undone. Want a copy first? Type **export**.",
        ForgetButton = "Yes, erase everything",
        ForgetCancelButton = "No, erase nothing",
        ForgetFinalTitle = "Last check: erase everything?",
        ForgetFinal = "Press **Erase for good** to erase everything about this group now. This button works for {0} minutes.",
        ForgetFinalButton = "Erase for good",
        ForgottenTitle = "Everything about this group has been erased",
        Forgotten = "Erased at the request of {0}:\n{1}\n\nI keep nothing about this group any more. To start again, type **help**.",
        ForgottenNothing = "Erased at the request of {0}. Nothing about this group was stored, and it stays that way. To start again, type **help**.",
        ForgetCancelled = "Nothing erased; everything stays as it was.",
        ForgetExpired = "This confirmation no longer holds (too late, or already used). Nothing was erased. Type **forget** to start again.",
        ForgetInPersonalChat =
            "I keep no group's data in our private chat. Type **forget** in the group conversation itself to erase everything about that group.",
        StoreNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["group"] = "the group's settings, members, agreements, schedule and turns",
            ["conversationState"] = "the running meeting (or other flow with me) and what was said in it",
            ["sessionRecords"] = "meeting records",
            ["privateChatRoutes"] = "links from private chats to this group",
            ["conversationReference"] = "how I reach this conversation",
            ["exportLinks"] = "export links",
            ["cases"] = "prepared cases (encrypted)",
            ["slackConversation"] = "how I reach this Slack channel",
        },
        ExportTitle = "Your data as a file",
        ExportReady =
            "Everything I keep about this group, as a JSON file: [intervisiebot-export.json]({0})\n\n" +
            "The link works for {1} minutes. Anyone with the link can open the file: don't share it outside the group.",
        ExportInPersonalChat = "I make exports in the group conversation itself: type **export** there. I keep no group data in our private chat.",
        ForeignButton = "That button belongs to another conversation, so I won't act on it here. Nothing has changed.",
        AnsweredBy = "Answered by {0}",
    };
}

using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Texts;

/// <summary>
/// Every sentence the bot shows, once per language. Each text is <c>required</c>, so a language that misses one
/// does not compile. Written for this product; the seeds gave facts, not sentences.
/// </summary>
/// <remarks>
/// One term per thing, in every *Texts class and method definition: "casusinbrenger"/"case owner", "gespreksleider"/
/// "facilitator", "deelnemers"/"participants". A "bijeenkomst"/"meeting" is the group's meeting in the calendar; a
/// "sessie"/"session" is the bot's guided run of one method within it (a meeting can hold two). "Bewaren"/"keep" is
/// keeping a text; "zo laten"/"leave as is" is leaving a setting or case unchanged; "opslaan"/"save" is a form's button.
/// </remarks>
public sealed record BotTexts
{
    /// <summary>The language these texts are in.</summary>
    public required Language Language { get; init; }

    public required string WelcomeTitle { get; init; }

    public required string WelcomeGroup { get; init; }

    public required string WelcomePersonal { get; init; }

    public required string WhatIStoreTitle { get; init; }

    public required string WhatIStore { get; init; }

    public required string HelpTitle { get; init; }

    public required string HelpIntro { get; init; }

    public required IReadOnlyList<(string Command, string Meaning)> HelpCommands { get; init; }

    public required string HelpButton { get; init; }

    public required string SetupButton { get; init; }

    /// <summary>The command word the set-up button sends.</summary>
    public required string SetupCommand { get; init; }

    public required string NotUnderstood { get; init; }

    public required string SomethingWentWrong { get; init; }

    /// <summary>Said once per conversation while the store is out of reach: messages wait, or must be sent again.</summary>
    public required string StoreUnavailable { get; init; }

    /// <summary>Said once when the oldest waiting messages of a conversation were dropped to answer the newest first.</summary>
    public required string OldMessagesSkipped { get; init; }

    public required string AnsweredBy { get; init; }

    public required string NothingToStop { get; init; }

    public required string Stopped { get; init; }

    public required string ConfirmStop { get; init; }

    public required string Continuing { get; init; }

    /// <summary>A message to the bot that a running flow (set-up, a question) left unanswered.</summary>
    public required string FlowWaiting { get; init; }

    /// <summary>The "carry on" button of a flow that has ended since.</summary>
    public required string NothingRunningAnyMore { get; init; }

    public required string NotYetAvailable { get; init; }

    public required string MethodsTitle { get; init; }

    public required string MethodsIntro { get; init; }

    public required string MinutesTemplate { get; init; }

    public string Minutes(int min, int max) => TextTemplate.Fill(MinutesTemplate, min, max);

    public required string AdviceAskKind { get; init; }

    public required string AdviceAskTime { get; init; }

    public required IReadOnlyList<(string Value, string Title)> AdviceTimes { get; init; }

    public required string AdviceAskExperience { get; init; }

    public required IReadOnlyList<(string Value, string Title)> AdviceExperiences { get; init; }

    public required string AdviceAskSafety { get; init; }

    public required string AdviceResultTitle { get; init; }

    public required string AdviceOthers { get; init; }

    public required string AdviceGaveUp { get; init; }

    /// <summary>{0}: the group's meeting length in minutes.</summary>
    public required string AdviceMeetingLengthTemplate { get; init; }

    public string AdviceMeetingLength(int minutes) => TextTemplate.Fill(AdviceMeetingLengthTemplate, minutes);

    /// <summary>{0}: the case owner; {1}: the method they chose.</summary>
    public required string AdviceOwnersChoiceTemplate { get; init; }

    public string AdviceOwnersChoice(string owner, string method) => TextTemplate.Fill(AdviceOwnersChoiceTemplate, owner, method);

    public required string AdviceSecondOpinionTitle { get; init; }

    /// <summary>Who chose, when the case owner is no longer on the roster.</summary>
    public required string AdviceCaseOwner { get; init; }

    public static BotTexts For(Language language) => language == Language.Dutch ? Dutch : English;

    public static BotTexts Dutch { get; } = new()
    {
        Language = Language.Dutch,
        SetupCommand = "instellen",
        WelcomeTitle = "Hallo, ik ben IntervisieBot",
        WelcomeGroup =
            "Ik help jullie intervisiegroep om bij elkaar te blijven komen: ik plan de bijeenkomsten en herinner jullie eraan, " +
            "houd bij wie de volgende casus inbrengt en wie het gesprek leidt, en begeleid de bijeenkomst stap voor stap met een methode naar keuze. " +
            "De casusinbrenger kan de casus vooraf in een privégesprek met mij voorbereiden.",
        WelcomePersonal =
            "Hier kun je een casus voorbereiden voor je intervisiegroep. Wat je hier schrijft, blijft tussen jou en mij " +
            "tot je het zelf in de groep deelt.",
        WhatIStoreTitle = "Wat ik bewaar",
        WhatIStore =
            "De instellingen van de groep, jullie afspraken, de planning, wie aan de beurt is, en per bijeenkomst een kort verslag " +
            "(inzichten en de actie die de casusinbrenger wil bewaren). Wat jullie schrijven bewaar ik versleuteld. Een voorbereide casus " +
            "ziet alleen wie hem schreef, tot die hem zelf deelt, en ik verwijder hem na de bijeenkomst tenzij de casusinbrenger hem wil bewaren. " +
            "Met **vergeet** wis ik alles van deze groep (niet meteen: iedereen kan het eerst nog tegenhouden); met **export** krijgen " +
            "jullie de gegevens van de groep als bestand.",
        HelpTitle = "Wat ik kan",
        HelpIntro = "Typ een van deze woorden (met of zonder @IntervisieBot), of gebruik de knoppen:",
        HelpCommands =
        [
            ("instellen", "de groep inrichten: leden, ritme, tijd"),
            ("start", "een intervisiebijeenkomst beginnen"),
            ("methodes", "de intervisiemethodes bekijken"),
            ("advies", "hulp bij het kiezen van een methode"),
            ("afspraken", "jullie gespreksafspraken"),
            ("planning", "de komende bijeenkomsten"),
            ("beurt", "wie de volgende casus inbrengt"),
            ("casus", "je casus voorbereiden (in een privégesprek)"),
            ("verslag", "het verslag van de vorige bijeenkomst"),
            ("geschiedenis", "alle eerdere bijeenkomsten"),
            ("evaluatie", "de uitkomst van jullie laatste evaluatie"),
            ("agenda", "de agenda-link voor je eigen kalender"),
            ("vergeet", "alle gegevens van deze groep wissen (iedereen kan het eerst nog tegenhouden)"),
            ("export", "de gegevens van de groep als bestand (in je privégesprek: je eigen casus)"),
        ],
        HelpButton = "Wat kun je?",
        SetupButton = "Groep instellen",
        NotUnderstood = "Dat begrijp ik (nog) niet. Typ **hulp** om te zien wat ik kan.",
        SomethingWentWrong = "Sorry, daar ging iets mis aan mijn kant. Er is niets verloren; probeer het zo nog eens.",
        StoreUnavailable = "Mijn geheugen is even onbereikbaar. Wat ik al van je had, verwerk ik zodra het terug is; stuur wat ik nu niet beantwoord over een minuut opnieuw.",
        OldMessagesSkipped = "Er lagen hier te veel berichten op mij te wachten. Ik heb de oudste overgeslagen en beantwoord de nieuwste; stuur iets opnieuw als het nog nodig is.",
        AnsweredBy = "Beantwoord door {0}",
        NothingToStop = "Er loopt nu niets dat ik kan stoppen.",
        Stopped = "Gestopt. Typ **hulp** als je wilt zien wat ik kan.",
        ConfirmStop = "Weet je zeker dat je wilt stoppen? Wat tot nu toe is gezegd, gaat dan niet mee in het verslag.",
        Continuing = "Prima, we gaan verder waar we waren.",
        FlowWaiting = "Ik wacht nog op een antwoord op de vraag hierboven. Typ **stop** om te stoppen.",
        NothingRunningAnyMore = "Dat is al afgelopen; er loopt nu niets meer.",
        NotYetAvailable = "Dat kan ik hier niet. Typ **hulp** om te zien wat ik kan.",
        MethodsTitle = "Intervisiemethodes",
        MethodsIntro = "Elke methode geeft de bijeenkomst een vaste vorm. Typ **advies** als je hulp wilt bij het kiezen.",
        MinutesTemplate = "{0}–{1} min",
        AdviceAskKind = "Wat voor vraag brengt de casusinbrenger in?",
        AdviceAskTime = "Hoeveel tijd hebben jullie voor de casus?",
        AdviceTimes = [("30", "Ongeveer 30 minuten"), ("45", "Ongeveer 45 minuten"), ("60", "Ongeveer een uur"), ("90", "Anderhalf uur of meer")],
        AdviceAskExperience = "Hoe ervaren is de groep met intervisie?",
        AdviceExperiences = [("new", "Nieuw: we beginnen net"), ("some", "Enige ervaring"), ("experienced", "Ervaren")],
        AdviceAskSafety = "Voelt de groep zich veilig genoeg om heel open te zijn over eigen aandeel en gevoelens?",
        AdviceResultTitle = "Mijn advies",
        AdviceOthers = "Ook mogelijk",
        AdviceGaveUp = "Ik kwam er niet uit met die antwoorden. Typ **advies** om opnieuw te beginnen, of **methodes** voor het overzicht.",
        AdviceMeetingLengthTemplate = "Ik ga uit van de lengte van jullie bijeenkomst: {0} minuten.",
        AdviceOwnersChoiceTemplate = "{0} koos bij het voorbereiden van de casus zelf voor **{1}**. Die keuze blijft bovenaan als de bijeenkomst begint; mijn advies hieronder is een tweede mening.",
        AdviceSecondOpinionTitle = "Tweede mening",
        AdviceCaseOwner = "De casusinbrenger",
    };

    public static BotTexts English { get; } = new()
    {
        Language = Language.English,
        SetupCommand = "setup",
        WelcomeTitle = "Hello, I'm IntervisieBot",
        WelcomeGroup =
            "I help your intervision group keep meeting: I plan your meetings and remind you of them, keep track of who brings " +
            "the next case and who facilitates, and guide each meeting step by step with the method you choose. " +
            "The case owner can prepare the case beforehand in a private chat with me.",
        WelcomePersonal =
            "This is where you can prepare a case for your intervision group. What you write here stays between you and me " +
            "until you share it with the group yourself.",
        WhatIStoreTitle = "What I keep",
        WhatIStore =
            "The group's settings, your agreements, the schedule, whose turn it is, and a short record of each meeting " +
            "(the insights and the action the case owner wants to keep). What you write is stored encrypted. A prepared case is seen " +
            "only by the person who wrote it, until they share it themselves, and I delete it after the meeting unless they want to keep it. " +
            "**forget** erases everything about this group (not at once: anyone can still stop it first); **export** gives you the group's " +
            "data as a file.",
        HelpTitle = "What I can do",
        HelpIntro = "Type one of these words (with or without @IntervisieBot), or use the buttons:",
        HelpCommands =
        [
            ("setup", "set up the group: members, rhythm, time"),
            ("start", "begin an intervision meeting"),
            ("methods", "browse the intervision methods"),
            ("advice", "help choosing a method"),
            ("agreements", "your conversation agreements"),
            ("schedule", "the coming meetings"),
            ("turn", "who brings the next case"),
            ("case", "prepare your case (in a private chat)"),
            ("report", "the record of the last meeting"),
            ("history", "all earlier meetings"),
            ("evaluation", "the outcome of your latest evaluation"),
            ("calendar", "a calendar link for your own calendar"),
            ("forget", "erase all of this group's data (anyone can still stop it first)"),
            ("export", "the group's data as a file (in your private chat: your own case)"),
        ],
        HelpButton = "What can you do?",
        SetupButton = "Set up the group",
        NotUnderstood = "I don't understand that (yet). Type **help** to see what I can do.",
        SomethingWentWrong = "Sorry, something went wrong on my side. Nothing was lost; please try again in a moment.",
        StoreUnavailable = "My memory is out of reach for a moment. What I already had from you I will handle as soon as it is back; please send again in a minute what I do not answer now.",
        OldMessagesSkipped = "Too many messages were waiting for me here. I skipped the oldest and am answering the newest; please send something again if it is still needed.",
        AnsweredBy = "Answered by {0}",
        NothingToStop = "Nothing is running that I could stop.",
        Stopped = "Stopped. Type **help** to see what I can do.",
        ConfirmStop = "Are you sure you want to stop? What has been said so far will not go into the record.",
        Continuing = "Fine, let's carry on where we were.",
        FlowWaiting = "I'm still waiting for an answer to the question above. Type **stop** to stop.",
        NothingRunningAnyMore = "That has already ended; nothing is running now.",
        NotYetAvailable = "I can't do that here. Type **help** to see what I can do.",
        MethodsTitle = "Intervision methods",
        MethodsIntro = "Each method gives the meeting a clear shape. Type **advice** if you'd like help choosing.",
        MinutesTemplate = "{0}–{1} min",
        AdviceAskKind = "What kind of question is the case owner bringing?",
        AdviceAskTime = "How much time do you have for the case?",
        AdviceTimes = [("30", "About 30 minutes"), ("45", "About 45 minutes"), ("60", "About an hour"), ("90", "An hour and a half or more")],
        AdviceAskExperience = "How experienced is the group with intervision?",
        AdviceExperiences = [("new", "New: we're just starting"), ("some", "Some experience"), ("experienced", "Experienced")],
        AdviceAskSafety = "Does the group feel safe enough to be very open about their own part and feelings?",
        AdviceResultTitle = "My advice",
        AdviceOthers = "Also possible",
        AdviceGaveUp = "I couldn't work it out from those answers. Type **advice** to start again, or **methods** for the overview.",
        AdviceMeetingLengthTemplate = "I'm going by the length of your meetings: {0} minutes.",
        AdviceOwnersChoiceTemplate = "{0} chose **{1}** when preparing the case. That choice stays at the top when the meeting starts; my advice below is a second opinion.",
        AdviceSecondOpinionTitle = "A second opinion",
        AdviceCaseOwner = "The case owner",
    };
}

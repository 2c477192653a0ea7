using IntervisieBot.Conversations.Texts;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Cases;

/// <summary>What the bot says about preparing a case (J5) and sharing it in the session, once per language.</summary>
public sealed record CaseTexts
{
    /// <summary>The language these texts are in.</summary>
    public required Language Language { get; init; }

    public required string InGroup { get; init; }

    public required string PrivateInvite { get; init; }

    public required string NoGroup { get; init; }

    public required string AskGroup { get; init; }

    public required string AskWayTemplate { get; init; }

    public string AskWay(string group, string meeting) => TextTemplate.Fill(AskWayTemplate, group, meeting);

    public required string ForMeeting { get; init; }

    public required string FormChoice { get; init; }

    public required string StepsChoice { get; init; }

    public required string Existing { get; init; }

    public required string EditChoice { get; init; }

    public required string AgainChoice { get; init; }

    public required string WithdrawChoice { get; init; }

    public required string LeaveChoice { get; init; }

    public required string Left { get; init; }

    public required string FormTitle { get; init; }

    public required string FormIntro { get; init; }

    public required string TitleLabel { get; init; }

    public required string SituationLabel { get; init; }

    public required string SituationPlaceholder { get; init; }

    public required string QuestionLabel { get; init; }

    public required string QuestionPlaceholder { get; init; }

    public required string TriedLabel { get; init; }

    public required string HotSpotLabel { get; init; }

    public required string HotSpotPlaceholder { get; init; }

    public required string MethodLabel { get; init; }

    public required string NoPreference { get; init; }

    public required string SaveButton { get; init; }

    public required string AskTitle { get; init; }

    public required string AskSituation { get; init; }

    public required string AskQuestion { get; init; }

    public required string AskTried { get; init; }

    public required string AskHotSpot { get; init; }

    public required string AskMethod { get; init; }

    /// <summary>The Socratic method's prepared general (fundamental) question: the form's label and placeholder.</summary>
    public required string FundamentalLabel { get; init; }

    public required string FundamentalPlaceholder { get; init; }

    /// <summary>The same asked in the question-by-question preparation, once the owner chose the Socratic method.</summary>
    public required string AskFundamental { get; init; }

    /// <summary>The fact's label on the case as the group and its owner see it.</summary>
    public required string FundamentalFact { get; init; }

    /// <summary>{0}: the method. The advice points to the Socratic method and the case has no general question yet.</summary>
    public required string AddFundamental { get; init; }

    public required IReadOnlyList<string> Nothing { get; init; }

    public required string Missing { get; init; }

    public required IReadOnlyDictionary<string, string> FieldNames { get; init; }

    public required string Saved { get; init; }

    public required string GaveUp { get; init; }

    public required string CheckOwn { get; init; }

    public required string CheckOwnNo { get; init; }

    public required string CheckCurrent { get; init; }

    public required string CheckCurrentNo { get; init; }

    public required string CheckReflective { get; init; }

    public required string LooksLikeTask { get; init; }

    public required string CheckReflectiveNo { get; init; }

    public required string WhyFound { get; init; }

    public required string AskRewrite { get; init; }

    public required string StillWhy { get; init; }

    public required string AskKind { get; init; }

    public required string DontKnow { get; init; }

    public required string Inferred { get; init; }

    public required string AdviceTitle { get; init; }

    public required string Preferred { get; init; }

    public required string ReadyTitle { get; init; }

    public required string Ready { get; init; }

    public required string EditButton { get; init; }

    public required string WithdrawButton { get; init; }

    public required string ExportButton { get; init; }

    public required string OutOfDate { get; init; }

    public required string Withdrawn { get; init; }

    public required string NoCase { get; init; }

    public required string NotInGroup { get; init; }

    public required string FactLabels { get; init; }

    public required string Introduction { get; init; }

    public required string ShareButton { get; init; }

    public required string OnlyOwnerShares { get; init; }

    public required string NothingToShare { get; init; }

    public required string SharedTitleTemplate { get; init; }

    public string SharedTitle(string caseOwner, string title) => TextTemplate.Fill(SharedTitleTemplate, caseOwner, title);

    public required string SharedBy { get; init; }

    public required string KeepQuestion { get; init; }

    public required string KeepButton { get; init; }

    public required string DeleteButton { get; init; }

    public required string Kept { get; init; }

    public required string Deleted { get; init; }

    /// <summary>What a member types for "no preference" when asked for a method, in either language.</summary>
    public static IReadOnlyList<string> NoPreferenceWords { get; } = ["nee", "no", "geen", "none"];

    public static CaseTexts For(Language language) => language == Language.Dutch ? Dutch : English;

    public static CaseTexts Dutch { get; } = new()
    {
        Language = Language.Dutch,
        InGroup = "Je casus bereid je voor in een privégesprek met mij, zodat de groep hem pas ziet als jij hem deelt. Ik heb je daar een bericht gestuurd.",
        PrivateInvite = "Hier bereid je je casus voor; alleen jij ziet wat je hier schrijft. Typ **casus** om te beginnen.",
        NoGroup =
            "Ik vind geen intervisiegroep waarin jij bij de deelnemers staat. Vraag in het groepsgesprek om de groep in te stellen " +
            "(**instellen**) of om jou aan de deelnemers toe te voegen, en typ dan hier weer **casus**.",
        AskGroup = "Voor welke groep bereid je een casus voor?",
        AskWayTemplate = "Je casus voor **{0}**{1}. Hoe wil je hem invullen?",
        ForMeeting = " (bijeenkomst van {0})",
        FormChoice = "Formulier: alles in één keer",
        StepsChoice = "Vraag voor vraag",
        Existing = "Je hebt al een casus voor **{0}**. Wat wil je ermee?",
        EditChoice = "Bewerken",
        AgainChoice = "Opnieuw, vraag voor vraag",
        WithdrawChoice = "Intrekken",
        LeaveChoice = "Zo laten",
        Left = "Prima, je casus blijft zoals hij is.",
        FormTitle = "Je casus voorbereiden",
        FormIntro = "Alleen jij ziet dit. De groep ziet je casus pas als jij hem in de bijeenkomst deelt.",
        TitleLabel = "Titel",
        SituationLabel = "De situatie, als een filmpje: wie waren erbij, waar was het, wat gebeurde er?",
        SituationPlaceholder = "Vorige dinsdag, in het teamoverleg, zei mijn collega …",
        QuestionLabel = "Je vraag: \"Mijn vraag is …\"",
        QuestionPlaceholder = "Hoe kan ik …",
        TriedLabel = "Wat heb je al geprobeerd?",
        HotSpotLabel = "Het hittepunt: het moment waar het om draait (twijfel, vastlopen, omslag)",
        HotSpotPlaceholder = "Op het moment dat …",
        MethodLabel = "Voorkeur voor een methode (mag leeg blijven)",
        NoPreference = "Geen voorkeur",
        SaveButton = "Opslaan",
        AskTitle = "Geef je casus een korte titel.",
        AskSituation = "Vertel de situatie als een filmpje, zodat de anderen hem voor zich zien: wie waren erbij, waar was het, wat gebeurde er?",
        AskQuestion = "Wat is je vraag? Begin met \"Mijn vraag is …\".",
        AskTried = "Wat heb je al geprobeerd? (Typ **niets** als je nog niets hebt geprobeerd.)",
        AskHotSpot = "Wat is het hittepunt: het moment waarop je twijfelde, vastliep of voelde dat het omsloeg?",
        AskMethod = "Heb je een voorkeur voor een methode?",
        FundamentalLabel = "Alleen voor de Socratische methode: de algemene vraag achter je casus",
        FundamentalPlaceholder = "Een vraag die verder reikt dan jouw situatie, waar iedereen hier iets over kan zeggen: 'Hoe ver ga je af op je eerste indruk?'",
        AskFundamental = "Voor de Socratische methode: welke algemene vraag zit er achter je casus? Stap even uit je eigen situatie en maak er een vraag van waar iedereen in de groep iets over kan zeggen, zoals 'Hoe ver ga je af op je eerste indruk?' of 'Wat maakt iemand een goede collega?'",
        FundamentalFact = "Algemene vraag",
        AddFundamental = "Het advies wijst naar **{0}**. Die methode werkt vanuit een algemene vraag achter je casus, waar iedereen iets over kan zeggen. Druk op **Bewerken** om die aan je casus toe te voegen.",
        Nothing = ["niets", "nee", "-", "geen", "nothing", "none", "no"],
        Missing = "Nog niet opgeslagen: vul ook {0} in (de titel kort, de andere velden tot 3000 tekens).",
        FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = "de titel",
            ["situation"] = "de situatie",
            ["question"] = "je vraag",
            ["tried"] = "wat je al probeerde",
            ["hotSpot"] = "het hittepunt",
            ["fundamental"] = "de algemene vraag",
        },
        Saved = "Opgeslagen, versleuteld. Nu loop ik je casus even met je na.",
        GaveUp = "Ik ben gestopt met voorbereiden; wat je al had, blijft bewaard. Typ **casus** om verder te gaan.",
        CheckOwn =
            "**Is het je eigen vraag?** Intervisie helpt het meest bij iets waar jij zelf mee zit en waarin jij zelf iets kunt doen; " +
            "niet bij een vraag namens een ander of over iemand anders. Is dit jouw eigen vraag?",
        CheckOwnNo = "Dan loont het om je vraag om te draaien naar jezelf: wat doe, denk of voel jij in deze situatie? Je kunt je casus straks bewerken.",
        CheckCurrent = "**Speelt het nu?** Een recente situatie die je nog bezighoudt, levert het meest op: je kunt er meteen iets mee. Speelt dit nog?",
        CheckCurrentNo = "Een oudere situatie kan, als hij je nog steeds raakt. Heb je iets recents, dan werkt dat meestal beter; je kunt je casus straks bewerken of intrekken.",
        CheckReflective =
            "**Reflecteren of regelen?** Intervisie is geen werkoverleg: het gaat om jouw handelen, denken en voelen, niet om een klus " +
            "die geregeld of besloten moet worden. Gaat je vraag over jou in deze situatie?",
        LooksLikeTask = "Je vraag klinkt een beetje als iets dat geregeld of besloten moet worden, of gaat niet over jou. ",
        CheckReflectiveNo = "Probeer hem naar jezelf te draaien, bijvoorbeeld \"Hoe kan ik … zonder …?\" of \"Wat houdt mij tegen om …?\". Je kunt je casus straks bewerken.",
        WhyFound =
            "Je vraag begint met 'waarom'. Zo'n vraag trekt het gesprek naar verklaringen en verdedigen, weg van het hittepunt. " +
            "Met \"Wat maakt dat ik …?\" of \"Hoe kan ik …?\" blijft het bij wat er gebeurde en wat jij deed. Wil je je vraag anders formuleren?",
        AskRewrite = "Typ je vraag opnieuw, bijvoorbeeld beginnend met \"Wat maakt dat ik …\".",
        StillWhy = "Hij begint nog met 'waarom'; ik bewaar hem zo. Je kunt hem later nog bewerken.",
        AskKind = "Wat voor vraag is het? Dan adviseer ik methodes die erbij passen.",
        DontKnow = "Weet ik niet: schat jij het in",
        Inferred = "Ik schat in: {0}.",
        AdviceTitle = "Methodes die bij je casus passen",
        Preferred = "Jouw voorkeur, **{0}**, zet ik bovenaan als de bijeenkomst begint.",
        ReadyTitle = "Je casus staat klaar",
        Ready =
            "Ik bewaar hem versleuteld. De groep ziet hem pas als jij hem in de bijeenkomst deelt, met de knop **Deel mijn casus**. " +
            "Tot de bijeenkomst kun je hem bekijken, bewerken of intrekken: typ **casus**.",
        EditButton = "Bewerken",
        WithdrawButton = "Intrekken",
        ExportButton = "Exporteren",
        OutOfDate = "Deze kaart is verouderd: je casus is sindsdien gewijzigd of gewist. Er is niets opgeslagen of gewist. Typ **casus** om hem te zien zoals hij nu is.",
        Withdrawn = "Je casus is ingetrokken en gewist.",
        NoCase = "Er staat geen casus van je klaar.",
        NotInGroup = "Je staat niet (meer) bij de deelnemers van die groep, dus daar kan ik geen casus voor bewaren.",
        FactLabels = "Titel|Situatie|Vraag|Geprobeerd|Hittepunt|Methode",
        Introduction = "**{0}** heeft een casus voorbereid. Alleen {0} kan hem hier delen.",
        ShareButton = "Deel mijn casus",
        OnlyOwnerShares = "Alleen {0} kan de eigen casus delen.",
        NothingToShare = "Er staat geen voorbereide casus klaar om te delen.",
        SharedTitleTemplate = "Casus van {0}: {1}",
        SharedBy = "Gedeeld door {0}",
        KeepQuestion = "**{1}**: de sessie is afgelopen. Wil je de tekst van je casus **{0}** bewaren? Kies je niets, dan wis ik hem binnen een dag.",
        KeepButton = "Bewaren",
        DeleteButton = "Nu wissen",
        Kept = "Bewaard. Typ **casus** om hem te bekijken of alsnog in te trekken.",
        Deleted = "Je casustekst is gewist.",
    };

    public static CaseTexts English { get; } = new()
    {
        Language = Language.English,
        InGroup = "You prepare your case in a private chat with me, so the group only sees it when you share it. I've sent you a message there.",
        PrivateInvite = "This is where you prepare your case; only you see what you write here. Type **case** to begin.",
        NoGroup =
            "I can't find an intervision group that has you among its participants. Ask in the group conversation to set the group up " +
            "(**setup**) or to add you to the participants, then type **case** here again.",
        AskGroup = "Which group are you preparing a case for?",
        AskWayTemplate = "Your case for **{0}**{1}. How would you like to fill it in?",
        ForMeeting = " (meeting of {0})",
        FormChoice = "A form: everything at once",
        StepsChoice = "Question by question",
        Existing = "You already have a case for **{0}**. What would you like to do with it?",
        EditChoice = "Edit",
        AgainChoice = "Start again, question by question",
        WithdrawChoice = "Withdraw",
        LeaveChoice = "Leave as is",
        Left = "Fine, your case stays as it is.",
        FormTitle = "Prepare your case",
        FormIntro = "Only you see this. The group sees your case only when you share it in the meeting.",
        TitleLabel = "Title",
        SituationLabel = "The situation, like a film: who was there, where was it, what happened?",
        SituationPlaceholder = "Last Tuesday, in the team meeting, my colleague said …",
        QuestionLabel = "Your question: \"My question is …\"",
        QuestionPlaceholder = "How can I …",
        TriedLabel = "What have you tried already?",
        HotSpotLabel = "The turning point: the moment you doubted, got stuck, or felt things turn",
        HotSpotPlaceholder = "At the moment when …",
        MethodLabel = "A method you'd like (may stay empty)",
        NoPreference = "No preference",
        SaveButton = "Save",
        AskTitle = "Give your case a short title.",
        AskSituation = "Describe the situation as if it were a film scene, so the others can picture it: who was there, where was it, what happened?",
        AskQuestion = "What is your question? Start with \"My question is …\".",
        AskTried = "What have you tried already? (Type **nothing** if you haven't tried anything yet.)",
        AskHotSpot = "What is the turning point: the moment you doubted, got stuck, or felt things turn?",
        AskMethod = "Would you like a particular method?",
        FundamentalLabel = "Only for the Socratic method: the general question behind your case",
        FundamentalPlaceholder = "A question that reaches beyond your situation, one everyone here can speak to: 'How far should you trust your first impression?'",
        AskFundamental = "For the Socratic method: what general question lies behind your case? Step back from your own situation and make it a question everyone in the group can speak to, such as 'How far should you trust your first impression?' or 'What makes a good colleague?'",
        FundamentalFact = "General question",
        AddFundamental = "The advice points to **{0}**. That method works from a general question behind your case, one everyone can speak to. Press **Edit** to add it to your case.",
        Nothing = ["nothing", "none", "no", "-", "niets", "nee", "geen"],
        Missing = "Not saved yet: please fill in {0} as well (a short title, the other fields up to 3000 characters).",
        FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = "the title",
            ["situation"] = "the situation",
            ["question"] = "your question",
            ["tried"] = "what you tried",
            ["hotSpot"] = "the turning point",
            ["fundamental"] = "the general question",
        },
        Saved = "Saved and encrypted. Let's go over your case together for a moment.",
        GaveUp = "I've stopped the preparation; what you had so far is kept. Type **case** to carry on.",
        CheckOwn =
            "**Is it your own question?** Intervision helps most with something that bothers you and where you can act yourself; " +
            "not with a question on someone else's behalf or about someone else. Is this your own question?",
        CheckOwnNo = "Then it pays to turn your question towards yourself: what do you do, think or feel in this situation? You can edit your case in a moment.",
        CheckCurrent = "**Is it current?** A recent situation that is still on your mind is the most useful: you can act on it straight away. Is it still going on?",
        CheckCurrentNo = "An older situation can work if it still touches you. Something recent usually works better; you can edit or withdraw your case in a moment.",
        CheckReflective =
            "**Reflecting or arranging?** Intervision is not a work meeting: it is about how you act, think and feel, not about a task " +
            "that needs arranging or deciding. Is your question about you in this situation?",
        LooksLikeTask = "Your question sounds a bit like something to arrange or decide, or it isn't about you. ",
        CheckReflectiveNo = "Try turning it towards yourself, for example \"How can I … without …?\" or \"What stops me from …?\". You can edit your case in a moment.",
        WhyFound =
            "Your question starts with 'why'. Such a question pulls the conversation towards explaining and defending, away from the turning " +
            "point. \"What makes me …?\" or \"How can I …?\" keeps it on what happened and what you did. Would you like to rephrase it?",
        AskRewrite = "Type your question again, for example starting with \"What makes me …\".",
        StillWhy = "It still starts with 'why'; I'll keep it like this. You can edit it later.",
        AskKind = "What kind of question is it? I'll suggest methods that fit.",
        DontKnow = "Not sure: you decide",
        Inferred = "My guess: {0}.",
        AdviceTitle = "Methods that fit your case",
        Preferred = "Your preference, **{0}**, goes first when the meeting starts.",
        ReadyTitle = "Your case is ready",
        Ready =
            "I keep it encrypted. The group only sees it when you share it in the meeting, with the **Share my case** button. " +
            "Until the meeting you can view, edit or withdraw it: type **case**.",
        EditButton = "Edit",
        WithdrawButton = "Withdraw",
        ExportButton = "Export",
        OutOfDate = "This card is out of date: your case has changed or been erased since. Nothing was saved or erased. Type **case** to see it as it is now.",
        Withdrawn = "Your case has been withdrawn and erased.",
        NoCase = "You don't have a case ready.",
        NotInGroup = "You are not (or no longer) among that group's participants, so I can't keep a case for it.",
        FactLabels = "Title|Situation|Question|Tried|Turning point|Method",
        Introduction = "**{0}** has prepared a case. Only {0} can share it here.",
        ShareButton = "Share my case",
        OnlyOwnerShares = "Only {0} can share their own case.",
        NothingToShare = "There's no prepared case waiting to be shared.",
        SharedTitleTemplate = "{0}'s case: {1}",
        SharedBy = "Shared by {0}",
        KeepQuestion = "**{1}**: the session is over. Would you like to keep the text of your case **{0}**? If you choose nothing, I'll erase it within a day.",
        KeepButton = "Keep",
        DeleteButton = "Erase now",
        Kept = "Kept. Type **case** to view it or to withdraw it after all.",
        Deleted = "Your case text has been erased.",
    };
}

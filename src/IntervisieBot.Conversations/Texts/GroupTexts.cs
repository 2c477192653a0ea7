using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Texts;

/// <summary>
/// The group's texts (set-up, agreements, turns, history), once per language; every one is required, so a language
/// that misses one does not compile. The reasons given (group size, rhythm) are the sources' facts in our own words.
/// </summary>
public sealed record GroupTexts
{
    /// <summary>The language these texts are in.</summary>
    public required Language Language { get; init; }

    public required string GroupOnly { get; init; }

    public required string NotSetUp { get; init; }

    public required string SetupButton { get; init; }

    public required string SettingsButton { get; init; }

    public required string AskName { get; init; }

    public required string NameRetry { get; init; }

    public required string AskLanguage { get; init; }

    public required string AskCadence { get; init; }

    public required string CadenceRetry { get; init; }

    public required string AskWeekOfMonth { get; init; }

    public required string AskWeekday { get; init; }

    public required string AskTime { get; init; }

    public required string TimeRetry { get; init; }

    public required string AskZone { get; init; }

    public required string ZoneRetry { get; init; }

    public required string DefaultSuffix { get; init; }

    public required string AskDuration { get; init; }

    public required string DurationRetry { get; init; }

    public required string MinutesTitle { get; init; }

    public required string AskFirstDate { get; init; }

    public required string AskNextDate { get; init; }

    public required string DateRetry { get; init; }

    public required string DateInPast { get; init; }

    public required string DateWrongDay { get; init; }

    public required string DateWrongWeek { get; init; }

    public required string AskMembers { get; init; }

    public required string NoMembers { get; init; }

    public required string TooFew { get; init; }

    public required string TooMany { get; init; }

    public required string AskFacilitatorMode { get; init; }

    public required string AskFixedFacilitator { get; init; }

    public required string ProposeAgreements { get; init; }

    public required string AcceptAgreements { get; init; }

    public required string SkipAgreements { get; init; }

    public required string GaveUp { get; init; }

    public required string Keep { get; init; }

    public required string SetUpTitle { get; init; }

    public required string SavedTitle { get; init; }

    public required string CadenceEvery { get; init; }

    public required string CadenceMonthly { get; init; }

    public required string FacilitatorRotating { get; init; }

    public required string FacilitatorFixed { get; init; }

    public required string FacilitatorExternal { get; init; }

    public required string NextMeetingsTitle { get; init; }

    public required string MeetingRoles { get; init; }

    public required string Nobody { get; init; }

    public required string External { get; init; }

    public required string AbsentLine { get; init; }

    public required string MovedLine { get; init; }

    public required string SettingsTitle { get; init; }

    public required string SettingsIntro { get; init; }

    public required string TurnsTitle { get; init; }

    public required string MeetingLabel { get; init; }

    public required string VolunteerButton { get; init; }

    public required string SwapButton { get; init; }

    public required string PassButton { get; init; }

    public required string AbsentButton { get; init; }

    public required string PresentButton { get; init; }

    public required string Volunteered { get; init; }

    public required string Passed { get; init; }

    public required string Swapped { get; init; }

    public required string MarkedAbsent { get; init; }

    public required string MarkedPresent { get; init; }

    public required string NotAMember { get; init; }

    public required string NoSuchMeeting { get; init; }

    public required string NotYourTurn { get; init; }

    public required string Taken { get; init; }

    public required string YouAreAbsent { get; init; }

    public required string AlreadySo { get; init; }

    public required string NobodyToSwap { get; init; }

    public required string UnknownMember { get; init; }

    public required string TurnUsage { get; init; }

    public required string AgreementsTitle { get; init; }

    public required string NoAgreements { get; init; }

    public required string AgreementBy { get; init; }

    public required string AgreementChangedBy { get; init; }

    public required string AddButton { get; init; }

    public required string ChangeButton { get; init; }

    public required string RemoveButton { get; init; }

    public required string SaveButton { get; init; }

    public required string NewAgreementLabel { get; init; }

    public required string WhichAgreementLabel { get; init; }

    public required string NewTextLabel { get; init; }

    public required string AgreementAdded { get; init; }

    public required string AgreementChanged { get; init; }

    public required string AgreementRemoved { get; init; }

    public required string AgreementUnknown { get; init; }

    public required string AgreementFormOutOfDate { get; init; }

    public required string AgreementEmpty { get; init; }

    public required string AgreementsUsage { get; init; }

    public required string ReviewEvery { get; init; }

    public required string ReviewNever { get; init; }

    public required string ReviewEveryUsage { get; init; }

    public required string ReviewAgreements { get; init; }

    public required string HistoryTitle { get; init; }

    public required string NoHistory { get; init; }

    public required string HistoryLine { get; init; }

    public required string RatingSuffix { get; init; }

    public required string FiguresTitle { get; init; }

    public required string HeldOfPlanned { get; init; }

    public required string Held { get; init; }

    public required string AttendanceTitle { get; init; }

    public required string MemberFigures { get; init; }

    public required string MethodsTitle { get; init; }

    public required string MethodRated { get; init; }

    public required string MethodUnrated { get; init; }

    public required string Joined { get; init; }

    public required string Left { get; init; }

    public required string AddMemberButton { get; init; }

    public required string RemoveMemberButton { get; init; }

    public required string LeaveAsIsButton { get; init; }

    public required string MemberAdded { get; init; }

    public required string MemberRemoved { get; init; }

    public required string LeftAsIs { get; init; }

    public required string RotationProposal { get; init; }

    public required string NextCaseOwner { get; init; }

    public required string RotationChoice { get; init; }

    public required IReadOnlyList<string> Languages { get; init; }

    public required IReadOnlyList<string> Cadences { get; init; }

    public required IReadOnlyList<string> WeeksOfMonth { get; init; }

    public required IReadOnlyList<string> FacilitatorModes { get; init; }

    public required IReadOnlyList<string> SettingNames { get; init; }

    public required IReadOnlyList<string> SummaryLabels { get; init; }

    /// <summary>After the name of a member who paused, in lists of participants.</summary>
    public required string PausedSuffix { get; init; }

    /// <summary>The culture for dates and weekday names.</summary>
    public required System.Globalization.CultureInfo Culture { get; init; }

    public static GroupTexts For(Language language) => language == Language.Dutch ? Dutch : English;

    public static GroupTexts Dutch { get; } = new()
    {
        Language = Language.Dutch,
        Culture = System.Globalization.CultureInfo.GetCultureInfo("nl-NL"),
        GroupOnly = "Dat doe ik in het groepsgesprek, niet hier.",
        NotSetUp = "Deze groep is nog niet ingesteld. Typ **instellen** of druk op de knop om te beginnen.",
        SetupButton = "Instellen",
        SettingsButton = "Instellingen",
        AskName = "Hoe heet jullie groep?",
        NameRetry = "Geef de groep een naam van 1 tot 80 tekens.",
        AskLanguage = "In welke taal zal ik met jullie praten?",
        AskCadence = "Hoe vaak komen jullie bij elkaar?",
        CadenceRetry = "Kies om de 4, 5 of 6 weken, of maandelijks: met meer tijd ertussen verliest een groep de draad, en vaker is voor de meeste groepen niet vol te houden. Typ bijvoorbeeld \"om de 5 weken\" of \"maandelijks\".",
        AskWeekOfMonth = "In welke week van de maand?",
        AskWeekday = "Op welke dag?",
        AskTime = "Hoe laat beginnen jullie? Typ bijvoorbeeld 19:30.",
        TimeRetry = "Dat is geen tijd op de klok. Typ een tijd tussen 00:00 en 23:59, bijvoorbeeld 19:30.",
        AskZone = "In welke tijdzone? Meestal is dat Europe/Amsterdam; typ een andere IANA-naam als jullie elders zitten.",
        ZoneRetry = "Die tijdzone ken ik niet. Gebruik een IANA-naam zoals Europe/Amsterdam, Europe/Brussels of America/New_York.",
        DefaultSuffix = "standaard",
        AskDuration = "Hoe lang duurt een bijeenkomst?",
        DurationRetry = "Typ een duur tussen 30 en 240 minuten, bijvoorbeeld 90 of \"1,5 uur\".",
        MinutesTitle = "{0} minuten",
        AskFirstDate = "Wanneer is de eerste bijeenkomst? Kies een datum of typ er een (bijvoorbeeld 12-1-2027).",
        AskNextDate = "Wanneer is de eerstvolgende bijeenkomst in dit ritme? Kies een datum of typ er een.",
        DateRetry = "Die datum herken ik niet. Typ bijvoorbeeld 12-1-2027 of 12 januari.",
        DateInPast = "{0} is al voorbij. Kies een datum vanaf vandaag.",
        DateWrongDay = "{0} is een {1}, maar jullie komen op {2} bij elkaar. Kies een {2}.",
        DateWrongWeek = "{0} is niet de {1} {2} van de maand. Kies een van de voorgestelde datums.",
        AskMembers = "Wie doen er mee? Iedereen in dit gesprek staat aangevinkt; vink uit wie niet meedoet.",
        NoMembers = "Ik kan de leden van dit gesprek niet zien; ik zet jou er alvast in. Met **instellen deelnemers** kan het later opnieuw.",
        TooFew = "Let op: met {0} deelnemers is de groep klein. Met minder dan drie mensen krijgt de casusinbrenger te weinig vragen en invalshoeken; vier tot zes werkt het best.",
        TooMany = "Let op: met {0} deelnemers is de groep groot. Boven de acht komt niet iedereen aan bod en wordt het lastiger om open en diep te praten; vier tot zes werkt het best, en twee groepen kan ook.",
        AskFacilitatorMode = "Wie leidt het gesprek?",
        AskFixedFacilitator = "Wie is de vaste gespreksleider?",
        ProposeAgreements = "Zal ik met deze afspraken beginnen? Met **afspraken** passen jullie ze later aan.",
        AcceptAgreements = "Ja, overnemen",
        SkipAgreements = "Nee, we beginnen leeg",
        GaveUp = "Ik stop met instellen; er is niets opgeslagen. Typ **instellen** om opnieuw te beginnen.",
        Keep = "Zo laten ({0})",
        SetUpTitle = "{0} is ingesteld",
        SavedTitle = "Opgeslagen: {0}",
        CadenceEvery = "om de {0} weken op {1}",
        CadenceMonthly = "elke {0} {1} van de maand",
        FacilitatorRotating = "wisselt per bijeenkomst",
        FacilitatorFixed = "vast: {0}",
        FacilitatorExternal = "een externe begeleider",
        NextMeetingsTitle = "De komende bijeenkomsten",
        MeetingRoles = "Casus: **{0}** · gespreksleider: **{1}**",
        Nobody = "nog niemand",
        External = "extern",
        AbsentLine = "Afwezig: {0}",
        MovedLine = "verplaatst",
        SettingsTitle = "Instellingen van {0}",
        SettingsIntro = "Wat wil je veranderen? Kies een instelling, of typ bijvoorbeeld **instellen tijd**.",
        TurnsTitle = "Wie is er aan de beurt?",
        MeetingLabel = "Bijeenkomst",
        VolunteerButton = "Ik breng een casus in",
        SwapButton = "Ruilen",
        PassButton = "Passen",
        AbsentButton = "Ik ben afwezig",
        PresentButton = "Ik ben er toch",
        Volunteered = "{0} brengt op {1} de casus in.",
        Passed = "{0} past op {1}.",
        Swapped = "{0} heeft de beurt geruild.",
        MarkedAbsent = "{0} is afgemeld voor {1}.",
        MarkedPresent = "{0} is er op {1} weer bij.",
        NotAMember = "Je staat niet bij de deelnemers. Met **instellen deelnemers** kun je dat veranderen.",
        NoSuchMeeting = "Die bijeenkomst vind ik niet bij de komende bijeenkomsten.",
        NotYourTurn = "Passen kan alleen wie op {0} aan de beurt is.",
        Taken = "Op {0} brengt iemand anders al een casus in.",
        YouAreAbsent = "Je bent voor {0} afgemeld; meld je eerst weer aan.",
        AlreadySo = "Dat stond al zo.",
        NobodyToSwap = "In de komende bijeenkomsten is er niemand om mee te ruilen.",
        UnknownMember = "Ik ken niemand die \"{0}\" heet in deze groep.",
        TurnUsage = "Typ **beurt** voor het overzicht, of bijvoorbeeld **beurt ruilen met Bram**, **beurt passen**, **beurt vrijwillig 9 maart** of **afwezig 9 maart**.",
        AgreementsTitle = "Onze afspraken",
        NoAgreements = "Er zijn nog geen afspraken.",
        AgreementBy = "{0}, {1}",
        AgreementChangedBy = "gewijzigd door {0}, {1}",
        AddButton = "Toevoegen",
        ChangeButton = "Wijzigen",
        RemoveButton = "Verwijderen",
        SaveButton = "Opslaan",
        NewAgreementLabel = "Nieuwe afspraak",
        WhichAgreementLabel = "Welke afspraak?",
        NewTextLabel = "Nieuwe tekst",
        AgreementAdded = "Afspraak toegevoegd: {0}",
        AgreementChanged = "Afspraak gewijzigd: {0}",
        AgreementRemoved = "Afspraak verwijderd: {0}",
        AgreementUnknown = "Afspraak {0} bestaat niet; kies een nummer uit de lijst.",
        AgreementFormOutOfDate = "Deze kaart is verouderd: de afspraken zijn veranderd sinds hij werd getoond. Er is niets aangepast. Typ **afspraken** voor de lijst van nu.",
        AgreementEmpty = "Een afspraak heeft een tekst van 1 tot 300 tekens.",
        AgreementsUsage = "Typ bijvoorbeeld **afspraak toevoegen We beginnen op tijd**, **afspraak wijzigen 2 ...** of **afspraak verwijderen 2**.",
        ReviewEvery = "Afgesproken: elke {0}e bijeenkomst staan onze afspraken op de agenda.",
        ReviewNever = "Afgesproken: de afspraken staan niet meer vanzelf op de agenda.",
        ReviewEveryUsage = "Typ bijvoorbeeld **afspraken bespreken elke 3** (een getal van 0 tot 12; 0 is nooit).",
        ReviewAgreements = "Vandaag staat ook op de agenda: **onze afspraken bespreken**. Kloppen ze nog, missen we er een? Met **afspraken** passen jullie ze aan.",
        HistoryTitle = "Geschiedenis",
        NoHistory = "Er zijn nog geen bijeenkomsten vastgelegd.",
        HistoryLine = "{0} · {1} · casus: {2} · gespreksleider: {3}",
        RatingSuffix = " · cijfer {0}",
        FiguresTitle = "Cijfers",
        HeldOfPlanned = "{0} van de {1} geplande bijeenkomsten gehouden",
        Held = "{0} bijeenkomsten gehouden",
        AttendanceTitle = "Aanwezigheid en beurten",
        MemberFigures = "{0} van {1} aanwezig · {2}× casus · {3}× gespreksleider",
        MethodsTitle = "Methodes",
        MethodRated = "{0}× · gemiddeld {1}",
        MethodUnrated = "{0}× · nog geen cijfer",
        Joined = "{0} is erbij gekomen. Zal ik {0} toevoegen aan de deelnemers van {1}?",
        Left = "{0} heeft het gesprek verlaten. Zal ik {0} uit de deelnemers halen? Wat al gebeurd is, blijft bewaard.",
        AddMemberButton = "Toevoegen",
        RemoveMemberButton = "Uit de deelnemers halen",
        LeaveAsIsButton = "Laten zo",
        MemberAdded = "{0} doet nu mee.",
        MemberRemoved = "{0} doet niet meer mee.",
        LeftAsIs = "Prima, ik laat de deelnemers zo.",
        RotationProposal = "Volgens de beurtrol brengt **{0}** de casus in en leidt **{1}** het gesprek.",
        NextCaseOwner = "Volgende bijeenkomst ({0}) brengt **{1}** de casus in.",
        RotationChoice = "{0} (aan de beurt)",
        Languages = ["Nederlands", "English"],
        Cadences = ["Om de 4 weken", "Om de 5 weken", "Om de 6 weken", "Maandelijks (bijv. elke 2e dinsdag)"],
        WeeksOfMonth = ["1e", "2e", "3e", "4e", "laatste"],
        FacilitatorModes = ["Wisselt per bijeenkomst", "Vast iemand uit de groep", "Een externe begeleider"],
        SettingNames = ["Naam", "Taal", "Ritme", "Dag", "Tijd", "Tijdzone", "Duur", "Datum", "Deelnemers", "Gespreksleider", "Alles"],
        SummaryLabels = ["Ritme", "Tijd", "Deelnemers", "Gespreksleider", "Afspraken"],
        PausedSuffix = " (gepauzeerd)",
    };

    public static GroupTexts English { get; } = new()
    {
        Language = Language.English,
        Culture = System.Globalization.CultureInfo.GetCultureInfo("en-GB"),
        GroupOnly = "I do that in the group conversation, not here.",
        NotSetUp = "This group hasn't been set up yet. Type **setup** or press the button to begin.",
        SetupButton = "Set up",
        SettingsButton = "Settings",
        AskName = "What is your group called?",
        NameRetry = "Please give the group a name of 1 to 80 characters.",
        AskLanguage = "Which language shall I use with you?",
        AskCadence = "How often do you meet?",
        CadenceRetry = "Please choose every 4, 5 or 6 weeks, or monthly: with longer gaps a group loses the thread, and more often is hard to keep up. Type, for example, \"every 5 weeks\" or \"monthly\".",
        AskWeekOfMonth = "Which week of the month?",
        AskWeekday = "On which day?",
        AskTime = "What time do you start? Type, for example, 19:30.",
        TimeRetry = "That isn't a time on the clock. Type a time between 00:00 and 23:59, for example 19:30.",
        AskZone = "In which time zone? Usually that's Europe/Amsterdam; type another IANA name if you are elsewhere.",
        ZoneRetry = "I don't know that time zone. Use an IANA name such as Europe/Amsterdam, Europe/London or America/New_York.",
        DefaultSuffix = "default",
        AskDuration = "How long is a meeting?",
        DurationRetry = "Type a length between 30 and 240 minutes, for example 90 or \"1.5 hours\".",
        MinutesTitle = "{0} minutes",
        AskFirstDate = "When is the first meeting? Pick a date or type one (for example 2027-01-12).",
        AskNextDate = "When is the next meeting in this rhythm? Pick a date or type one.",
        DateRetry = "I don't recognise that date. Type, for example, 2027-01-12 or 12 January.",
        DateInPast = "{0} has already passed. Please pick a date from today on.",
        DateWrongDay = "{0} is a {1}, but you meet on {2}. Please pick a {2}.",
        DateWrongWeek = "{0} is not the {1} {2} of the month. Please pick one of the suggested dates.",
        AskMembers = "Who takes part? Everyone in this conversation is ticked; untick anyone who doesn't.",
        NoMembers = "I can't see this conversation's members, so I've put you in for now. **setup members** lets you try again later.",
        TooFew = "Note: with {0} participants the group is small. With fewer than three, the case owner gets too few questions and perspectives; four to six works best.",
        TooMany = "Note: with {0} participants the group is large. Above eight not everyone gets a say and open, deep conversation gets harder; four to six works best, and two groups is an option.",
        AskFacilitatorMode = "Who facilitates?",
        AskFixedFacilitator = "Who is the fixed facilitator?",
        ProposeAgreements = "Shall I start with these agreements? **agreements** lets you change them later.",
        AcceptAgreements = "Yes, use them",
        SkipAgreements = "No, start empty",
        GaveUp = "I've stopped the set-up; nothing was saved. Type **setup** to start again.",
        Keep = "Keep ({0})",
        SetUpTitle = "{0} is set up",
        SavedTitle = "Saved: {0}",
        CadenceEvery = "every {0} weeks on {1}",
        CadenceMonthly = "the {0} {1} of every month",
        FacilitatorRotating = "rotates each meeting",
        FacilitatorFixed = "fixed: {0}",
        FacilitatorExternal = "an external facilitator",
        NextMeetingsTitle = "The coming meetings",
        MeetingRoles = "Case: **{0}** · facilitator: **{1}**",
        Nobody = "nobody yet",
        External = "external",
        AbsentLine = "Away: {0}",
        MovedLine = "moved",
        SettingsTitle = "Settings of {0}",
        SettingsIntro = "What would you like to change? Pick a setting, or type, for example, **setup time**.",
        TurnsTitle = "Whose turn is it?",
        MeetingLabel = "Meeting",
        VolunteerButton = "I'll bring a case",
        SwapButton = "Swap",
        PassButton = "Pass",
        AbsentButton = "I'll be away",
        PresentButton = "I'll be there after all",
        Volunteered = "{0} brings the case on {1}.",
        Passed = "{0} passes on {1}.",
        Swapped = "{0} swapped turns.",
        MarkedAbsent = "{0} will be away on {1}.",
        MarkedPresent = "{0} will be there on {1} after all.",
        NotAMember = "You are not among the participants. **setup members** changes that.",
        NoSuchMeeting = "I can't find that meeting among the coming ones.",
        NotYourTurn = "Only whoever's turn it is on {0} can pass.",
        Taken = "Someone else already brings a case on {0}.",
        YouAreAbsent = "You said you'll be away on {0}; say you'll come first.",
        AlreadySo = "That was already so.",
        NobodyToSwap = "There is nobody to swap with in the coming meetings.",
        UnknownMember = "I don't know anyone called \"{0}\" in this group.",
        TurnUsage = "Type **turn** for the overview, or, for example, **turn swap with Bram**, **turn pass**, **turn volunteer 9 March** or **absent 9 March**.",
        AgreementsTitle = "Our agreements",
        NoAgreements = "There are no agreements yet.",
        AgreementBy = "{0}, {1}",
        AgreementChangedBy = "changed by {0}, {1}",
        AddButton = "Add",
        ChangeButton = "Change",
        RemoveButton = "Remove",
        SaveButton = "Save",
        NewAgreementLabel = "New agreement",
        WhichAgreementLabel = "Which agreement?",
        NewTextLabel = "New text",
        AgreementAdded = "Agreement added: {0}",
        AgreementChanged = "Agreement changed: {0}",
        AgreementRemoved = "Agreement removed: {0}",
        AgreementUnknown = "There is no agreement {0}; pick a number from the list.",
        AgreementFormOutOfDate = "This card is out of date: the agreements have changed since it was shown. Nothing was changed. Type **agreements** for the list as it is now.",
        AgreementEmpty = "An agreement has a text of 1 to 300 characters.",
        AgreementsUsage = "Type, for example, **agreement add We start on time**, **agreement change 2 ...** or **agreement remove 2**.",
        ReviewEvery = "Agreed: every {0} meetings, our agreements are on the agenda.",
        ReviewNever = "Agreed: the agreements are no longer put on the agenda by themselves.",
        ReviewEveryUsage = "Type, for example, **agreements review every 3** (a number from 0 to 12; 0 means never).",
        ReviewAgreements = "Also on today's agenda: **review our agreements**. Do they still fit, is one missing? **agreements** lets you change them.",
        HistoryTitle = "History",
        NoHistory = "No meetings have been recorded yet.",
        HistoryLine = "{0} · {1} · case: {2} · facilitator: {3}",
        RatingSuffix = " · rated {0}",
        FiguresTitle = "Figures",
        HeldOfPlanned = "{0} of {1} planned meetings held",
        Held = "{0} meetings held",
        AttendanceTitle = "Attendance and turns",
        MemberFigures = "present {0} of {1} · {2}× case · {3}× facilitator",
        MethodsTitle = "Methods",
        MethodRated = "{0}× · average {1}",
        MethodUnrated = "{0}× · not rated yet",
        Joined = "{0} has joined. Shall I add {0} to the participants of {1}?",
        Left = "{0} has left the conversation. Shall I take {0} off the participants? What has happened stays on record.",
        AddMemberButton = "Add",
        RemoveMemberButton = "Take off",
        LeaveAsIsButton = "Leave it",
        MemberAdded = "{0} takes part now.",
        MemberRemoved = "{0} no longer takes part.",
        LeftAsIs = "Fine, I'll leave the participants as they are.",
        RotationProposal = "By the rotation, **{0}** brings the case and **{1}** facilitates.",
        NextCaseOwner = "At the next meeting ({0}) **{1}** brings the case.",
        RotationChoice = "{0} (their turn)",
        Languages = ["Nederlands", "English"],
        Cadences = ["Every 4 weeks", "Every 5 weeks", "Every 6 weeks", "Monthly (e.g. every 2nd Tuesday)"],
        WeeksOfMonth = ["1st", "2nd", "3rd", "4th", "last"],
        FacilitatorModes = ["Rotates each meeting", "A fixed member", "An external facilitator"],
        SettingNames = ["Name", "Language", "Rhythm", "Day", "Time", "Time zone", "Length", "Date", "Members", "Facilitator", "Everything"],
        SummaryLabels = ["Rhythm", "Time", "Participants", "Facilitator", "Agreements"],
        PausedSuffix = " (paused)",
    };
}

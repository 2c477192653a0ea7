using IntervisieBot.Conversations.Texts;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>What the bot says while it guides a session, once per language; every text required.</summary>
public sealed record SessionTexts
{
    /// <summary>The language these texts are in.</summary>
    public required Language Language { get; init; }

    public required string AskMethod { get; init; }

    public required string AskCaseOwner { get; init; }

    public required string AskFacilitator { get; init; }

    public required string TooFewMembers { get; init; }

    public required string StartTitle { get; init; }

    public required string RolesTemplate { get; init; }

    public string Roles(string caseOwner, string facilitator, string attendees) => TextTemplate.Fill(RolesTemplate, caseOwner, facilitator, attendees);

    public required string AgreementsTitle { get; init; }

    public required IReadOnlyList<string> DefaultAgreements { get; init; }

    public required string StepOfTemplate { get; init; }

    public string StepOf(int step, int steps, int minutes) => TextTemplate.Fill(StepOfTemplate, step, steps, minutes);

    public required string FollowUpTemplate { get; init; }

    public string FollowUp(string caseOwner, string action) => TextTemplate.Fill(FollowUpTemplate, caseOwner, action);

    public required string FirstCheckIn { get; init; }

    /// <summary>The check-in of a later meeting, with its minutes ({0}).</summary>
    public required string CheckIn { get; init; }

    /// <summary>The timebox of the follow-up of last time's action ({0} minutes).</summary>
    public required string FollowUpTimebox { get; init; }

    public required string NextButton { get; init; }

    public required string BackButton { get; init; }

    public required string SkipButton { get; init; }

    public required string PauseButton { get; init; }

    public required string ResumeButton { get; init; }

    public required string DoneSpeakingButton { get; init; }

    public required string FloorTo { get; init; }

    public required string RoundDone { get; init; }

    public required string CollectSentPrivately { get; init; }

    /// <summary>The private prompt's heading: the group, the case owner, the step's number and title, then the prompt.</summary>
    public required string CollectPrivatePromptTemplate { get; init; }

    public string CollectPrivatePrompt(string group, string caseOwner, int step, string title, string prompt) =>
        TextTemplate.Fill(CollectPrivatePromptTemplate, group, caseOwner, step, title, prompt);

    public required string CollectSendOne { get; init; }

    public required string CollectSendMany { get; init; }

    /// <summary>How a group without a name is called in a private prompt.</summary>
    public required string YourGroup { get; init; }

    public required string RevealButton { get; init; }

    public required string RevealedDiscuss { get; init; }

    public required string AlreadyRevealed { get; init; }

    public required string AnsweredTemplate { get; init; }

    public string Answered(int answered, int asked) => TextTemplate.Fill(AnsweredTemplate, answered, asked);

    public required string ReflectedTemplate { get; init; }

    public string Reflected(int answered, int asked) => TextTemplate.Fill(ReflectedTemplate, answered, asked);

    public required string RatedTemplate { get; init; }

    public string Rated(int rated, int present) => TextTemplate.Fill(RatedTemplate, rated, present);

    public required string TimeLeft { get; init; }

    public required string TimeIsUp { get; init; }

    public required string ActsNow { get; init; }

    public required string ActorCaseOwner { get; init; }

    public required string ActorFacilitator { get; init; }

    public required string ActorParticipants { get; init; }

    public required string ActorEveryone { get; init; }

    public required string RankBelow { get; init; }

    public required string StepsDone { get; init; }

    public required string WhyPending { get; init; }

    /// <summary>"Send as is" (pressed or typed) by a member with no why-question waiting.</summary>
    public required string NoWhyWaiting { get; init; }

    public required string SendAsIsButton { get; init; }

    /// <summary>Typed words that send a flagged why-question as it is.</summary>
    public required IReadOnlyList<string> SendAsIsWords { get; init; }

    public required string CollectReceivedTemplate { get; init; }

    public string CollectReceived(int received, int perParticipant) => TextTemplate.Fill(CollectReceivedTemplate, received, perParticipant);

    public required string CollectProgress { get; init; }

    public required string CollectRevealTitle { get; init; }

    public required string Anonymous { get; init; }

    public required string RankPrompt { get; init; }

    public required string Helpful { get; init; }

    public required string Neutral { get; init; }

    public required string NotHelpful { get; init; }

    public required string ChoosePrompt { get; init; }

    public required string Chosen { get; init; }

    public required string ReflectPrompt { get; init; }

    public required string TimerStarted { get; init; }

    public required string AskInsight { get; init; }

    public required string AskAction { get; init; }

    public required string AskRating { get; init; }

    public required string Paused { get; init; }

    public required string ResumedTemplate { get; init; }

    public string Resumed(int step, int steps, string title) => TextTemplate.Fill(ResumedTemplate, step, steps, title);

    public required string OnlyLeadersTemplate { get; init; }

    public string OnlyLeaders(string facilitator, string caseOwner) => TextTemplate.Fill(OnlyLeadersTemplate, facilitator, caseOwner);

    public required string NotThisStep { get; init; }

    public required string NotYourPart { get; init; }

    public required string AlreadyComplete { get; init; }

    public required string NotRunning { get; init; }

    public required string NothingThere { get; init; }

    public required string ReportTitle { get; init; }

    public required string NoReport { get; init; }

    public required string StartInGroup { get; init; }

    public required string Recommended { get; init; }

    public required string StaleButton { get; init; }

    public required string NoSessionRunning { get; init; }

    public required string AskSecondCaseMethod { get; init; }

    public required string AskPresentTemplate { get; init; }

    public string AskPresent(string caseOwner, string facilitator) => TextTemplate.Fill(AskPresentTemplate, caseOwner, facilitator);

    public required string RankSaveButton { get; init; }

    public required string RankSavedTemplate { get; init; }

    public string RankSaved(int helpful, int neutral, int notHelpful) => TextTemplate.Fill(RankSavedTemplate, helpful, neutral, notHelpful);

    public required string AnswerHelpful { get; init; }

    public required string SecondCaseOffer { get; init; }

    public required string SecondCaseButton { get; init; }

    public required string ReportFacts { get; init; }

    public required string ClosingThanks { get; init; }

    public static SessionTexts For(Language language) => language == Language.Dutch ? Dutch : English;

    public static SessionTexts Dutch { get; } = new()
    {
        Language = Language.Dutch,
        AskMethod = "Met welke methode werken we vandaag?",
        AskCaseOwner = "Wie brengt vandaag de casus in?",
        AskFacilitator = "Wie leidt het gesprek? (Niet de casusinbrenger.)",
        TooFewMembers = "Voor een intervisie zijn minstens drie mensen nodig: een casusinbrenger, een gespreksleider en iemand die meedenkt. Voeg de groepsleden toe aan dit gesprek en typ dan opnieuw **start**.",
        StartTitle = "We beginnen: {0}",
        RolesTemplate = "Casusinbrenger: **{0}** · gespreksleider: **{1}** · aanwezig: {2}",
        AgreementsTitle = "Onze afspraken",
        DefaultAgreements =
        [
            "Wat hier gezegd wordt, blijft in de groep.",
            "We laten elkaar uitpraten.",
            "We stellen open vragen en geven pas advies als daar ruimte voor is.",
            "Geen waarom-vragen; vraag liever \"wat maakt dat ...?\"",
            "We zijn nieuwsgierig, niet oordelend, en respecteren grenzen.",
            "Iedereen doet mee.",
        ],
        StepOfTemplate = "Stap {0} van {1} · {2} min",
        FollowUpTemplate = "Vorige keer nam {0} zich voor: \"{1}\". {0}, hoe is dat gegaan?",
        FirstCheckIn = "Jullie eerste bijeenkomst: begin met een kennismaking ({0} min).",
        CheckIn = "Check-in ({0} min): hoe zit iedereen erbij? Vandaag met deze oefening.",
        FollowUpTimebox = "Terugblik op de actie: {0} min.",
        NextButton = "Volgende stap",
        BackButton = "Terug",
        SkipButton = "Overslaan",
        PauseButton = "Pauze",
        ResumeButton = "Verder",
        DoneSpeakingButton = "Klaar, volgende spreker",
        FloorTo = "{0}, jij hebt het woord.",
        RoundDone = "Iedereen is aan de beurt geweest. De gespreksleider kan naar de volgende stap.",
        CollectSentPrivately = "Ik heb iedereen die een bijdrage stuurt een privébericht gestuurd. De bijdragen komen hier samen zodra iedereen heeft geantwoord, of eerder als de gespreksleider op **onthullen** drukt.",
        CollectPrivatePromptTemplate = "**{0}** · casus van {1} · stap {2}: {3}\n\n{4}",
        CollectSendOne = "Stuur hier je bijdrage in één bericht.",
        CollectSendMany = "Stuur hier {0} bijdragen; ieder bericht telt als één.",
        YourGroup = "Jullie intervisiegroep",
        RevealButton = "Onthullen",
        RevealedDiscuss = "De bijdragen staan hieronder. Bespreek ze nu samen; daarna gaat de gespreksleider verder met **volgende**.",
        AlreadyRevealed = "De bijdragen van deze stap zijn al in de groep gedeeld. Breng het daar gerust in.",
        AnsweredTemplate = "{0} van {1} hebben geantwoord.",
        ReflectedTemplate = "{0} van {1} hebben hun zin gegeven.",
        RatedTemplate = "{0} van {1} hebben een cijfer gegeven.",
        TimeLeft = "nog {0} min",
        TimeIsUp = "de tijd is om",
        ActsNow = "Aan zet: {0}",
        ActorCaseOwner = "de casusinbrenger, {0}",
        ActorFacilitator = "de gespreksleider, {0}",
        ActorParticipants = "de deelnemers",
        ActorEveryone = "iedereen",
        RankBelow = "{0} labelt de vragen in het bericht hieronder.",
        StepsDone = "Alle stappen zijn gedaan. Nu de afronding.",
        WhyPending = "Je vraag telt nog niet mee. Stuur hem anders geformuleerd, of druk op **Zo versturen** (of typ **versturen**) om hem te laten zoals hij is.",
        SendAsIsButton = "Zo versturen",
        SendAsIsWords = ["versturen", "zo versturen", "verstuur"],
        NoWhyWaiting = "Er wacht geen vraag van jou op versturen, dus er is niets verstuurd. Een vraag stuur je hier als gewoon bericht.",
        CollectReceivedTemplate = "Ontvangen ({0} van {1}).",
        CollectProgress = "{0} van {1} bijdragen binnen.",
        CollectRevealTitle = "Jullie bijdragen",
        Anonymous = "anoniem",
        RankPrompt = "{0}, geef bij elke vraag aan hoe helpend ze is.",
        Helpful = "Helpend",
        Neutral = "Neutraal",
        NotHelpful = "Niet helpend",
        ChoosePrompt = "{0}, typ je keuze (of het nummer van een bijdrage).",
        Chosen = "Gekozen: {0}",
        ReflectPrompt = "Typ in één zin wat je meeneemt.",
        TimerStarted = "Jullie hebben {0} minuten. De gespreksleider gaat verder als de tijd om is.",
        AskInsight = "{0}, welk inzicht wil je bewaren voor het verslag?",
        AskAction = "{0}, welke ene concrete actie neem je je voor?",
        AskRating = "Welk cijfer geef je deze methode vandaag (1 tot 10)? Alleen het groepsgemiddelde wordt bewaard.",
        Paused = "Pauze. De gespreksleider of de casusinbrenger kan op **Verder** drukken of **hervat** typen om door te gaan.",
        ResumedTemplate = "We gaan verder bij stap {0} van {1}: {2}.",
        OnlyLeadersTemplate = "Alleen de gespreksleider ({0}) of de casusinbrenger ({1}) kan de sessie verder zetten.",
        NotThisStep = "Dat hoort niet bij deze stap.",
        NotYourPart = "Dit deel is voor iemand anders in de groep.",
        AlreadyComplete = "Je hebt voor deze stap al alles gestuurd, dank je.",
        NotRunning = "De sessie staat op pauze.",
        NothingThere = "Daar is niets om naartoe te gaan.",
        ReportTitle = "Verslag: {0}",
        NoReport = "Er is nog geen verslag: na de eerste bijeenkomst staat het hier.",
        StartInGroup = "Een intervisiesessie loopt in het groepsgesprek, met de hele groep: typ daar **start**.",
        Recommended = "aanbevolen",
        NoSessionRunning = "Er loopt nu geen sessie. Typ **start** in het groepsgesprek om er een te beginnen.",
        StaleButton = "Die knop hoort bij een eerder bericht; de sessie is al verder. Gebruik de knoppen van het laatste bericht.",
        AskSecondCaseMethod = "Een tweede casus: kies een korte methode (tot een uur).",
        AskPresentTemplate = "{0} brengt de casus in en {1} leidt het gesprek. Wie is er verder bij? Haal het vinkje weg bij wie er niet is.",
        RankSaveButton = "Labels opslaan",
        RankSavedTemplate = "Gelabeld: {0} helpend, {1} neutraal, {2} niet helpend.",
        AnswerHelpful = "{0}, beantwoord nu de helpende vragen:",
        SecondCaseOffer = "Is er tijd voor nog een casus? Met een korte methode past een tweede casus in dezelfde bijeenkomst.",
        SecondCaseButton = "Tweede casus",
        ReportFacts = "Datum|Methode|Casusinbrenger|Gespreksleider|Aanwezig|Inzicht|Actie|Waardering|Inzicht en actie",
        ClosingThanks = "Dank jullie wel. Het verslag staat hieronder; typ **verslag** om het later terug te zien.",
    };

    public static SessionTexts English { get; } = new()
    {
        Language = Language.English,
        AskMethod = "Which method shall we use today?",
        AskCaseOwner = "Who brings the case today?",
        AskFacilitator = "Who will facilitate? (Not the case owner.)",
        TooFewMembers = "An intervision session needs at least three people: a case owner, a facilitator and at least one more person to think with them. Add the group's members to this conversation, then type **start** again.",
        StartTitle = "Let's begin: {0}",
        RolesTemplate = "Case owner: **{0}** · facilitator: **{1}** · present: {2}",
        AgreementsTitle = "Our agreements",
        DefaultAgreements =
        [
            "What is said here stays in the group.",
            "We let each other finish.",
            "We ask open questions and give advice only when there is room for it.",
            "No why-questions; ask \"what makes ...?\" instead.",
            "We are curious rather than judging, and respect boundaries.",
            "Everyone takes part.",
        ],
        StepOfTemplate = "Step {0} of {1} · {2} min",
        FollowUpTemplate = "Last time {0} planned to: \"{1}\". {0}, how did it go?",
        FirstCheckIn = "Your first meeting: start by getting to know each other ({0} min).",
        CheckIn = "Check-in ({0} min): how is everyone doing today? This time we use this exercise.",
        FollowUpTimebox = "Time to look back on the action: {0} min.",
        NextButton = "Next step",
        BackButton = "Back",
        SkipButton = "Skip",
        PauseButton = "Pause",
        ResumeButton = "Resume",
        DoneSpeakingButton = "Done, next speaker",
        FloorTo = "{0}, you have the floor.",
        RoundDone = "Everyone has had a turn. The facilitator can move to the next step.",
        CollectSentPrivately = "I've sent a private message to everyone who contributes. Their contributions will appear here once everyone has answered, or sooner if the facilitator presses **reveal**.",
        CollectPrivatePromptTemplate = "**{0}** · {1}'s case · step {2}: {3}\n\n{4}",
        CollectSendOne = "Send your contribution here in one message.",
        CollectSendMany = "Send {0} contributions here; each message counts as one.",
        YourGroup = "Your intervision group",
        RevealButton = "Reveal",
        RevealedDiscuss = "The contributions are below. Talk them through together now; then the facilitator moves on with **next**.",
        AlreadyRevealed = "This step's contributions have already been shared in the group. Feel free to bring yours up there.",
        AnsweredTemplate = "{0} of {1} have answered.",
        ReflectedTemplate = "{0} of {1} have shared theirs.",
        RatedTemplate = "{0} of {1} have given a rating.",
        TimeLeft = "{0} min left",
        TimeIsUp = "time is up",
        ActsNow = "Up now: {0}",
        ActorCaseOwner = "the case owner, {0}",
        ActorFacilitator = "the facilitator, {0}",
        ActorParticipants = "the participants",
        ActorEveryone = "everyone",
        RankBelow = "{0} labels the questions in the message below.",
        StepsDone = "That was the last step. Now let's wrap up.",
        WhyPending = "Your question doesn't count yet. Send it rephrased, or press **Send as is** (or type **send**) to keep it as it is.",
        SendAsIsButton = "Send as is",
        SendAsIsWords = ["send", "send as is", "send it"],
        NoWhyWaiting = "No question of yours is waiting to be sent, so nothing was sent. Send a question here as an ordinary message.",
        CollectReceivedTemplate = "Received ({0} of {1}).",
        CollectProgress = "{0} of {1} contributions are in.",
        CollectRevealTitle = "Your contributions",
        Anonymous = "anonymous",
        RankPrompt = "{0}, mark how helpful each question is.",
        Helpful = "Helpful",
        Neutral = "Neutral",
        NotHelpful = "Not helpful",
        ChoosePrompt = "{0}, type your choice (or the number of a contribution).",
        Chosen = "Chosen: {0}",
        ReflectPrompt = "In one sentence, type what you're taking away.",
        TimerStarted = "You have {0} minutes. The facilitator will move on when time is up.",
        AskInsight = "{0}, which insight would you like to keep in the record?",
        AskAction = "{0}, what one concrete action will you take?",
        AskRating = "How would you rate this method today (1 to 10)? Only the group's average is kept.",
        Paused = "Paused. The facilitator or the case owner can press **Resume** or type **resume** to carry on.",
        ResumedTemplate = "We're picking up again at step {0} of {1}: {2}.",
        OnlyLeadersTemplate = "Only the facilitator ({0}) or the case owner ({1}) can move the session on.",
        NotThisStep = "That isn't part of this step.",
        NotYourPart = "This part is for someone else in the group.",
        AlreadyComplete = "You've already sent everything this step asks for, thank you.",
        NotRunning = "The session is paused.",
        NothingThere = "There's no step to go to in that direction.",
        ReportTitle = "Record: {0}",
        NoReport = "There is no record yet: it will be here after your first meeting.",
        StartInGroup = "An intervision session runs in the group conversation, with the whole group: type **start** there.",
        Recommended = "recommended",
        NoSessionRunning = "No session is running right now. Type **start** in the group conversation to begin one.",
        StaleButton = "That button belongs to an earlier message; the session has moved on. Use the buttons on the latest one.",
        AskSecondCaseMethod = "A second case: pick a short method (an hour at most).",
        AskPresentTemplate = "{0} brings the case and {1} facilitates. Who else is here? Untick anyone who isn't.",
        RankSaveButton = "Save labels",
        RankSavedTemplate = "Labelled: {0} helpful, {1} neutral, {2} not helpful.",
        AnswerHelpful = "{0}, now answer the helpful questions:",
        SecondCaseOffer = "Time for another case? With a short method a second case fits in the same meeting.",
        SecondCaseButton = "Second case",
        ReportFacts = "Date|Method|Case owner|Facilitator|Present|Insight|Action|Rating|Insight and action",
        ClosingThanks = "Thank you all. The record is below; type **report** to see it again later.",
    };
}

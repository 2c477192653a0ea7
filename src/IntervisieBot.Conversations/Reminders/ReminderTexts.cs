using IntervisieBot.Conversations.Texts;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Reminders;

/// <summary>
/// What the bot says on its own about meetings (J4), the schedule, group health (J9) and the evaluation (J10), once per
/// language; every text required. The suggestions for a group in danger are the sources' advice in our own words.
/// </summary>
public sealed record ReminderTexts
{
    /// <summary>The language these texts are in.</summary>
    public required Language Language { get; init; }

    public required string WeekTitle { get; init; }

    /// <summary>{0}: the method.</summary>
    public required string MethodLine { get; init; }

    public required string AttendQuestion { get; init; }

    public required string AttendButton { get; init; }

    public required string AbsentButton { get; init; }

    /// <summary>{0}: the group; {1}: the meeting (when); {2}: the deadline (day).</summary>
    public required string YourTurnTemplate { get; init; }

    public string YourTurn(string group, string when, string deadline) => TextTemplate.Fill(YourTurnTemplate, group, when, deadline);

    public required string PassButton { get; init; }

    /// <summary>{0}: the group; {1}: the meeting (day); {2}: the deadline (day).</summary>
    public required string NudgeTemplate { get; init; }

    public string Nudge(string group, string day, string deadline) => TextTemplate.Fill(NudgeTemplate, group, day, deadline);

    /// <summary>{0}: the case owner; {1}: the group; {2}: the meeting (day).</summary>
    public required string NoCaseYetTemplate { get; init; }

    public string NoCaseYet(string name, string group, string day) => TextTemplate.Fill(NoCaseYetTemplate, name, group, day);

    public required string TomorrowTitle { get; init; }

    /// <summary>{0}: how many; {1}: their names.</summary>
    public required string ComingTemplate { get; init; }

    public string Coming(int count, string names) => TextTemplate.Fill(ComingTemplate, count, names);

    /// <summary>{0}: their names.</summary>
    public required string NotComing { get; init; }

    /// <summary>{0}: how many come; {1}: the group's minimum.</summary>
    public required string TooFewTemplate { get; init; }

    public string TooFew(int count, int minimum) => TextTemplate.Fill(TooFewTemplate, count, minimum);

    public required string StartingTitle { get; init; }

    /// <summary>{0}: the case owner; {1}: the facilitator.</summary>
    public required string StartingTemplate { get; init; }

    public string Starting(string caseOwner, string facilitator) => TextTemplate.Fill(StartingTemplate, caseOwner, facilitator);

    public required string StartButton { get; init; }

    /// <summary>To the case owner who gave up the turn. {0}: who takes over; {1}: the meeting (day); {2}: the group.</summary>
    public required string HandedOverFromTemplate { get; init; }

    public string HandedOverFrom(string to, string day, string group) => TextTemplate.Fill(HandedOverFromTemplate, to, day, group);

    /// <summary>{0}: the meeting (day); {1}: the group.</summary>
    public required string NobodyTakesOverTemplate { get; init; }

    public string NobodyTakesOver(string day, string group) => TextTemplate.Fill(NobodyTakesOverTemplate, day, group);

    /// <summary>To the new case owner. {0}: who gave the turn up; {1}: the meeting (day); {2}: the group; {3}: the deadline.</summary>
    public required string HandedOverToTemplate { get; init; }

    public string HandedOverTo(string from, string day, string group, string deadline) => TextTemplate.Fill(HandedOverToTemplate, from, day, group, deadline);

    /// <summary>{0}: the member; {1}: the meeting (day).</summary>
    public required string MarkedAttendingTemplate { get; init; }

    public string MarkedAttending(string name, string day) => TextTemplate.Fill(MarkedAttendingTemplate, name, day);

    /// <summary>{0}: the meeting (day).</summary>
    public required string PassedPrivately { get; init; }

    public required string ButtonExpired { get; init; }

    /// <summary>{0}: the group.</summary>
    public required string HealthTitle { get; init; }

    public required string HealthCancelled { get; init; }

    public required string HealthAttendance { get; init; }

    public required string HealthUnprepared { get; init; }

    public required string HealthSuggestionsTitle { get; init; }

    /// <summary>Plan a year ahead; meetings are sacred; an external facilitator; another method.</summary>
    public required IReadOnlyList<string> HealthSuggestions { get; init; }

    public required string SurveyTitle { get; init; }

    /// <summary>{0}: the group.</summary>
    public required string SurveyIntro { get; init; }

    public required string SatisfactionLabel { get; init; }

    public required string SafetyLabel { get; init; }

    public required string DepthLabel { get; init; }

    public required string ContinueLabel { get; init; }

    /// <summary>Yes, in doubt, no.</summary>
    public required IReadOnlyList<string> ContinueChoices { get; init; }

    public required string SendButton { get; init; }

    public required string SurveyThanks { get; init; }

    public required string SurveyIncomplete { get; init; }

    /// <summary>{0}: the meeting (day).</summary>
    public required string ResultsTitle { get; init; }

    /// <summary>{0}: answers; {1} satisfaction; {2} safety; {3} depth; {4} yes; {5} in doubt; {6} no.</summary>
    public required string Results { get; init; }

    /// <summary>{0}: answers so far.</summary>
    public required string NotEnoughAnswers { get; init; }

    public required string NoEvaluation { get; init; }

    /// <summary>There was a meeting already, but nobody answered its evaluation yet.</summary>
    public required string NoAnswersYet { get; init; }

    /// <summary>{0}: the group.</summary>
    public required string PlanningTitle { get; init; }

    public required string PausedLine { get; init; }

    public required string NewDateLabel { get; init; }

    public required string NewTimeLabel { get; init; }

    public required string MoveButton { get; init; }

    public required string CancelButton { get; init; }

    public required string PauseButton { get; init; }

    public required string ResumeButton { get; init; }

    /// <summary>{0}: who; {1}: the meeting as planned (day); {2}: the new moment (when).</summary>
    public required string MovedTemplate { get; init; }

    public string Moved(string who, string before, string when) => TextTemplate.Fill(MovedTemplate, who, before, when);

    /// <summary>{0}: who; {1}: the meeting (day).</summary>
    public required string CancelledTemplate { get; init; }

    public string Cancelled(string who, string day) => TextTemplate.Fill(CancelledTemplate, who, day);

    public required string Paused { get; init; }

    public required string Resumed { get; init; }

    public required string AlreadyPaused { get; init; }

    public required string NotPaused { get; init; }

    public required string PlanningUsage { get; init; }

    public required string BadNewDate { get; init; }

    public required string NewDateInPast { get; init; }

    public static ReminderTexts For(Language language) => language == Language.Dutch ? Dutch : English;

    public static ReminderTexts Dutch { get; } = new()
    {
        Language = Language.Dutch,
        WeekTitle = "Volgende week intervisie",
        MethodLine = "Methode: {0}",
        AttendQuestion = "Kom je? Laat het even weten met een knop, dan weet iedereen op wie de groep kan rekenen.",
        AttendButton = "Ik kom",
        AbsentButton = "Ik kan niet",
        YourTurnTemplate = "Bij **{0}** breng jij de casus in op **{1}**. Bereid je casus hier met mij voor (typ **casus**), het liefst vóór {2}. Kun je niet, of heb je nu niets om in te brengen? Druk dan op de knop; dan gaat de beurt naar de volgende.",
        PassButton = "Ik pas / ik kan niet",
        NudgeTemplate = "Je casus voor **{0}** op {1} staat nog niet klaar. Typ hier **casus** om hem voor te bereiden, het liefst vóór {2}. Lukt het niet, druk dan op de knop; dan gaat de beurt door.",
        NoCaseYetTemplate = "Voor **{1}** op {2} heeft {0} nog geen casus voorbereid. Misschien wil je even contact opnemen, of met de groep een reservecasus achter de hand houden.",
        TomorrowTitle = "Morgen intervisie",
        ComingTemplate = "Erbij ({0}): {1}",
        NotComing = "Afgemeld: {0}",
        TooFewTemplate = "⚠ Er komen er maar {0}, minder dan jullie minimum van {1}. Met zo weinig mensen valt er weinig samen te onderzoeken; overweeg de bijeenkomst te verplaatsen (**planning**).",
        StartingTitle = "De intervisie begint",
        StartingTemplate = "We beginnen nu. {0} brengt de casus in, {1} leidt het gesprek. Druk op de knop om de sessie te starten.",
        StartButton = "Start de sessie",
        HandedOverFromTemplate = "{0} neemt jouw beurt bij **{2}** op {1} over. Je hoeft voor die bijeenkomst geen casus voor te bereiden.",
        NobodyTakesOverTemplate = "Je beurt bij **{1}** op {0} is doorgegeven, maar er is nu niemand anders die een casus kan inbrengen. Bespreek het even met de groep.",
        HandedOverToTemplate = "{0} kan bij **{2}** op {1} geen casus inbrengen; nu ben jij aan de beurt. Bereid je casus hier met mij voor (typ **casus**), het liefst vóór {3}.",
        MarkedAttendingTemplate = "{0} komt op {1}.",
        PassedPrivately = "Doorgegeven: je brengt bij **{1}** op {0} geen casus in. De volgende in de beurt hoort het van mij.",
        ButtonExpired = "Deze knop hoort bij een bijeenkomst die voorbij is of niet meer bestaat.",
        HealthTitle = "Hoe gaat het met {0}?",
        HealthCancelled = "De laatste twee bijeenkomsten gingen allebei niet door.",
        HealthAttendance = "Bij de laatste drie bijeenkomsten was minder dan 60 % van de groep erbij.",
        HealthUnprepared = "De laatste twee casusinbrengers hadden hun casus niet op tijd klaar.",
        HealthSuggestionsTitle = "Wat andere groepen helpt:",
        HealthSuggestions =
        [
            "Zet de bijeenkomsten een jaar vooruit in ieders agenda, voordat er iets anders in komt te staan.",
            "Spreek af dat de bijeenkomsten heilig zijn: je zegt alleen af als het echt niet anders kan.",
            "Vraag een externe gespreksleider om een paar bijeenkomsten te leiden; dat geeft structuur en diepgang, tot jullie het weer zelf doen.",
            "Probeer een andere methode (typ **advies**): een kortere, of een die beter past bij de vragen die jullie bezighouden.",
        ],
        SurveyTitle = "Hoe bevalt de intervisie?",
        SurveyIntro = "Vier korte vragen over de bijeenkomsten van **{0}**. Je antwoord blijft anoniem: de groep ziet alleen gemiddelden, en pas als er minstens drie antwoorden zijn.",
        SatisfactionLabel = "Hoe tevreden ben je over de bijeenkomsten? (1–10)",
        SafetyLabel = "Voel je je veilig genoeg om iets van jezelf te laten zien? (1 = nee, 5 = helemaal)",
        DepthLabel = "Gaan de gesprekken genoeg de diepte in? (1 = nee, 5 = helemaal)",
        ContinueLabel = "Wil je met deze groep doorgaan?",
        ContinueChoices = ["Ja", "Twijfel", "Nee"],
        SendButton = "Versturen",
        SurveyThanks = "Dank je wel, je antwoord is bewaard.",
        SurveyIncomplete = "Vul alle vier de vragen in en druk dan nog eens op Versturen.",
        ResultsTitle = "Evaluatie na {0}",
        Results = "Antwoorden: **{0}**\nTevredenheid: **{1}** (gemiddeld, 1–10)\nVeiligheid: **{2}** (1–5)\nDiepgang: **{3}** (1–5)\nDoorgaan: {4} ja, {5} twijfel, {6} nee",
        NotEnoughAnswers = "Er zijn nog te weinig antwoorden ({0}) om iets te laten zien; vanaf drie antwoorden zie je hier de gemiddelden.",
        NoEvaluation = "Er is nog geen evaluatie geweest. Die komt na de eerste bijeenkomst en daarna na elke derde.",
        NoAnswersYet = "Nog niemand heeft de evaluatie ingevuld. Na de bijeenkomst krijgt iedereen die erbij was de vragen privé; zodra drie mensen hebben geantwoord, zie je hier de gemiddelden.",
        PlanningTitle = "Planning van {0}",
        PausedLine = "De groep heeft pauze: er komen geen herinneringen. Ga verder met **planning hervat**.",
        NewDateLabel = "Nieuwe datum",
        NewTimeLabel = "Nieuwe begintijd (leeg: dezelfde)",
        MoveButton = "Verplaatsen",
        CancelButton = "Annuleren",
        PauseButton = "Groep pauzeren",
        ResumeButton = "Groep hervatten",
        MovedTemplate = "{0} heeft de bijeenkomst van {1} verplaatst naar {2}. De herinneringen schuiven mee.",
        CancelledTemplate = "{0} heeft de bijeenkomst van {1} geannuleerd. Daarvoor komen geen herinneringen meer.",
        Paused = "De groep heeft pauze. Ik stuur geen herinneringen meer tot iemand **planning hervat** typt.",
        Resumed = "De groep gaat weer verder; de herinneringen staan weer aan.",
        AlreadyPaused = "De groep had al pauze.",
        NotPaused = "De groep heeft geen pauze.",
        PlanningUsage = "Zo werkt het: **planning** (de komende bijeenkomsten), **planning verplaats 9-2-2027 16-2-2027 19:30**, **planning annuleer 9-2-2027**, **planning pauze**, **planning hervat**.",
        BadNewDate = "Die nieuwe datum of tijd begrijp ik niet; schrijf bijvoorbeeld 16-2-2027 19:30.",
        NewDateInPast = "Die nieuwe datum is al voorbij.",
    };

    public static ReminderTexts English { get; } = new()
    {
        Language = Language.English,
        WeekTitle = "Intervision next week",
        MethodLine = "Method: {0}",
        AttendQuestion = "Are you coming? Let us know with a button, so everyone knows who the group can count on.",
        AttendButton = "I'll be there",
        AbsentButton = "I can't come",
        YourTurnTemplate = "You're bringing the case to **{0}** on **{1}**. Prepare it here with me (type **case**), preferably before {2}. Can't make it, or have nothing to bring right now? Press the button and the turn goes to the next person.",
        PassButton = "Pass / I can't",
        NudgeTemplate = "Your case for **{0}** on {1} is not ready yet. Type **case** here to prepare it, preferably before {2}. If it doesn't work out, press the button and the turn moves on.",
        NoCaseYetTemplate = "{0} has not prepared a case yet for **{1}** on {2}. You may want to get in touch, or have the group keep a spare case at hand.",
        TomorrowTitle = "Intervision tomorrow",
        ComingTemplate = "Coming ({0}): {1}",
        NotComing = "Not coming: {0}",
        TooFewTemplate = "⚠ Only {0} are coming, fewer than your minimum of {1}. With so few people there is little to explore together; consider moving the meeting (**schedule**).",
        StartingTitle = "Intervision is starting",
        StartingTemplate = "We're starting now. {0} brings the case and {1} facilitates. Press the button to start the session.",
        StartButton = "Start the session",
        HandedOverFromTemplate = "{0} takes over your turn at **{2}** on {1}. You don't need to prepare a case for that meeting.",
        NobodyTakesOverTemplate = "Your turn at **{1}** on {0} has been passed on, but nobody else can bring a case right now. Talk it over with the group.",
        HandedOverToTemplate = "{0} can't bring a case at **{2}** on {1}; it is your turn now. Prepare your case here with me (type **case**), preferably before {3}.",
        MarkedAttendingTemplate = "{0} is coming on {1}.",
        PassedPrivately = "Done: you won't bring a case to **{1}** on {0}. I'll let the next person in turn know.",
        ButtonExpired = "This button belongs to a meeting that is over or no longer exists.",
        HealthTitle = "How is {0} doing?",
        HealthCancelled = "The last two meetings were both cancelled.",
        HealthAttendance = "Fewer than 60 % of the group came to the last three meetings.",
        HealthUnprepared = "The last two case owners did not have their case ready in time.",
        HealthSuggestionsTitle = "What helps other groups:",
        HealthSuggestions =
        [
            "Put the meetings in everyone's calendar a year ahead, before anything else takes the slot.",
            "Agree that the meetings are sacred: you only cancel when there really is no other way.",
            "Ask an external facilitator to lead a few meetings; it brings structure and depth, until you take over again yourselves.",
            "Try another method (type **advice**): a shorter one, or one that fits the questions on your minds better.",
        ],
        SurveyTitle = "How is intervision going?",
        SurveyIntro = "Four short questions about the meetings of **{0}**. Your answer stays anonymous: the group only sees averages, and only once there are at least three answers.",
        SatisfactionLabel = "How satisfied are you with the meetings? (1–10)",
        SafetyLabel = "Do you feel safe enough to show something of yourself? (1 = no, 5 = fully)",
        DepthLabel = "Do the conversations go deep enough? (1 = no, 5 = fully)",
        ContinueLabel = "Do you want to carry on with this group?",
        ContinueChoices = ["Yes", "In doubt", "No"],
        SendButton = "Send",
        SurveyThanks = "Thank you, your answer is saved.",
        SurveyIncomplete = "Please answer all four questions, then press Send again.",
        ResultsTitle = "Evaluation after {0}",
        Results = "Answers: **{0}**\nSatisfaction: **{1}** (average, 1–10)\nSafety: **{2}** (1–5)\nDepth: **{3}** (1–5)\nCarry on: {4} yes, {5} in doubt, {6} no",
        NotEnoughAnswers = "Too few answers so far ({0}) to show anything; from three answers on you'll see the averages here.",
        NoEvaluation = "There has been no evaluation yet. It comes after the first meeting and then after every third.",
        NoAnswersYet = "Nobody has answered the evaluation yet. After the meeting everyone who took part gets the questions privately; once three people have answered, you'll see the averages here.",
        PlanningTitle = "Schedule for {0}",
        PausedLine = "The group is on a break: no reminders. Carry on with **schedule resume**.",
        NewDateLabel = "New date",
        NewTimeLabel = "New start time (empty: the same)",
        MoveButton = "Move",
        CancelButton = "Cancel",
        PauseButton = "Pause the group",
        ResumeButton = "Resume the group",
        MovedTemplate = "{0} moved the meeting of {1} to {2}. The reminders move with it.",
        CancelledTemplate = "{0} cancelled the meeting of {1}. There will be no more reminders for it.",
        Paused = "The group is on a break. I won't send any reminders until someone types **schedule resume**.",
        Resumed = "The group is back; the reminders are on again.",
        AlreadyPaused = "The group was already on a break.",
        NotPaused = "The group is not on a break.",
        PlanningUsage = "How it works: **schedule** (the coming meetings), **schedule move 9/2/2027 16/2/2027 19:30**, **schedule cancel 9/2/2027**, **schedule pause**, **schedule resume**.",
        BadNewDate = "I don't understand that new date or time; write, for example, 16/2/2027 19:30.",
        NewDateInPast = "That new date has already passed.",
    };
}

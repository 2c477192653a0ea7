using IntervisieBot.Conversations.Texts;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// What the bot says about a running session when someone asks (<c>help</c>, a message that mentions the bot, <c>start</c>):
/// where the meeting is, who acts, and the words that work now.
/// </summary>
public sealed record SessionStatusTexts
{
    public required Language Language { get; init; }

    public required string WhereTemplate { get; init; }

    /// <summary>"Incidentmethode, stap 2 van 5: Vragen stellen."</summary>
    public string Where(string method, int step, int steps, string title) => TextTemplate.Fill(WhereTemplate, method, step, steps, title);

    public required string Paused { get; init; }

    public required string ActsTemplate { get; init; }

    public string Acts(string who) => TextTemplate.Fill(ActsTemplate, who);

    public required string CaseOwnerRoleTemplate { get; init; }

    public string CaseOwnerRole(string name) => TextTemplate.Fill(CaseOwnerRoleTemplate, name);

    public required string FacilitatorRoleTemplate { get; init; }

    public string FacilitatorRole(string name) => TextTemplate.Fill(FacilitatorRoleTemplate, name);

    public required string EveryoneButTemplate { get; init; }

    public string EveryoneBut(string caseOwner) => TextTemplate.Fill(EveryoneButTemplate, caseOwner);

    public required string Everyone { get; init; }

    public required string FloorTemplate { get; init; }

    public string Floor(string name) => TextTemplate.Fill(FloorTemplate, name);

    public required string StillToSendTemplate { get; init; }

    public string StillToSend(string names) => TextTemplate.Fill(StillToSendTemplate, names);

    public required string AllSent { get; init; }

    public required string InsightTemplate { get; init; }

    public string Insight(string caseOwner) => TextTemplate.Fill(InsightTemplate, caseOwner);

    public required string ActionTemplate { get; init; }

    public string Action(string caseOwner) => TextTemplate.Fill(ActionTemplate, caseOwner);

    public required string Rating { get; init; }

    public required string LeadersTypeTemplate { get; init; }

    /// <summary>"De gespreksleider (Bram) of de casusinbrenger (Anna) typt: volgende, terug, pauze."</summary>
    public string LeadersType(string facilitator, string caseOwner, string words) => TextTemplate.Fill(LeadersTypeTemplate, facilitator, caseOwner, words);

    public required string SpeakerTypesDone { get; init; }

    public required string StopEnds { get; init; }

    public required string Next { get; init; }

    public required string Back { get; init; }

    public required string Pause { get; init; }

    public required string Resume { get; init; }

    public required string Extend { get; init; }

    public required string Done { get; init; }

    public required string Or { get; init; }

    public required string AlreadyRunningTemplate { get; init; }

    /// <summary>"Er loopt al een sessie: Incidentmethode, stap 2 van 5."</summary>
    public string AlreadyRunning(string where) => TextTemplate.Fill(AlreadyRunningTemplate, where);

    public required string ShowAgainButton { get; init; }

    /// <summary>What the old live session card says once "show it again" posted it anew below.</summary>
    public required string MovedBelow { get; init; }

    public static SessionStatusTexts Dutch { get; } = new()
    {
        Language = Language.Dutch,
        WhereTemplate = "**{0}**, stap {1} van {2}: {3}.",
        Paused = "De sessie staat op pauze.",
        ActsTemplate = "Aan zet: {0}.",
        CaseOwnerRoleTemplate = "{0}, de casusinbrenger",
        FacilitatorRoleTemplate = "{0}, de gespreksleider",
        EveryoneButTemplate = "iedereen behalve {0}",
        Everyone = "iedereen",
        FloorTemplate = "{0} heeft het woord.",
        StillToSendTemplate = "Nog niet ingestuurd (privé, in hun privégesprek met mij): {0}.",
        AllSent = "Iedereen heeft ingestuurd.",
        InsightTemplate = "Afronding: {0} vertelt wat het belangrijkste inzicht is.",
        ActionTemplate = "Afronding: {0} noemt één actie.",
        Rating = "Afronding: iedereen geeft de bijeenkomst een cijfer van 1 tot 10.",
        LeadersTypeTemplate = "De gespreksleider ({0}) of de casusinbrenger ({1}) typt {2}.",
        SpeakerTypesDone = "Wie het woord heeft, typt **klaar** om het door te geven.",
        StopEnds = "**stop** beëindigt de sessie.",
        Next = "**volgende**",
        Back = "**terug**",
        Pause = "**pauze**",
        Resume = "**hervat**",
        Extend = "**verleng 5**",
        Done = "**klaar**",
        Or = "of",
        AlreadyRunningTemplate = "Er loopt al een sessie: {0} Ga daarmee verder, of typ **stop** om hem te beëindigen.",
        ShowAgainButton = "Verder met de sessie",
        MovedBelow = "De sessie gaat verder in het bericht onderaan de chat.",
    };

    public static SessionStatusTexts English { get; } = new()
    {
        Language = Language.English,
        WhereTemplate = "**{0}**, step {1} of {2}: {3}.",
        Paused = "The session is paused.",
        ActsTemplate = "Up now: {0}.",
        CaseOwnerRoleTemplate = "{0}, the case owner",
        FacilitatorRoleTemplate = "{0}, the facilitator",
        EveryoneButTemplate = "everyone except {0}",
        Everyone = "everyone",
        FloorTemplate = "{0} has the floor.",
        StillToSendTemplate = "Yet to send theirs (in their private chat with me): {0}.",
        AllSent = "Everyone has sent theirs.",
        InsightTemplate = "Wrapping up: {0} says what the main insight is.",
        ActionTemplate = "Wrapping up: {0} names one action.",
        Rating = "Wrapping up: everyone rates the meeting from 1 to 10.",
        LeadersTypeTemplate = "The facilitator ({0}) or the case owner ({1}) types {2}.",
        SpeakerTypesDone = "Whoever has the floor types **done** to pass it on.",
        StopEnds = "**stop** ends the session.",
        Next = "**next**",
        Back = "**back**",
        Pause = "**pause**",
        Resume = "**resume**",
        Extend = "**extend 5**",
        Done = "**done**",
        Or = "or",
        AlreadyRunningTemplate = "A session is already running: {0} Carry on with it, or type **stop** to end it.",
        ShowAgainButton = "Carry on with the session",
        MovedBelow = "The session carries on in the message at the bottom of the chat.",
    };

    public static SessionStatusTexts For(Language language) => language == Language.English ? English : Dutch;
}

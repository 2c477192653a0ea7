using IntervisieBot.Conversations.Texts;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Calendar;

/// <summary>What the bot says about the group's calendar link, and what the calendar itself says, once per language.</summary>
public sealed record CalendarTexts
{
    /// <summary>The language these texts are in.</summary>
    public required Language Language { get; init; }

    public required string Title { get; init; }

    public required string Ready { get; init; }

    public required string NextMeetingTemplate { get; init; }

    public string NextMeeting(string when, string link) => TextTemplate.Fill(NextMeetingTemplate, when, link);

    public required string RenewButton { get; init; }

    public required string Renewed { get; init; }

    public required string NotSetUp { get; init; }

    public required string InPersonalChat { get; init; }

    public required string Summary { get; init; }

    public required string CaseOwner { get; init; }

    public required string Facilitator { get; init; }

    public required string NotKnown { get; init; }

    public required string Moved { get; init; }

    public required string Cancelled { get; init; }

    public static CalendarTexts For(Language language) => language == Language.Dutch ? Dutch : English;

    public static CalendarTexts Dutch { get; } = new()
    {
        Language = Language.Dutch,
        Title = "Jullie bijeenkomsten in je eigen agenda",
        Ready =
            "Abonneer je agenda (Outlook, Google, Apple) op deze link: dan staan alle bijeenkomsten erin, met casusinbrenger en " +
            "gespreksleider, en schuiven verplaatsingen vanzelf mee.\n\n{0}\n\n" +
            "Wie de link heeft, ziet jullie planning (nooit iets van een casus): deel hem alleen binnen de groep. Uitgelekt? Maak een nieuwe.",
        NextMeetingTemplate = "De volgende bijeenkomst als los bestand: [{0}]({1})",
        RenewButton = "Nieuwe link (de oude werkt dan niet meer)",
        Renewed = "{0} heeft een nieuwe agenda-link gemaakt; de oude werkt niet meer.",
        NotSetUp = "Er is nog geen planning. Typ **instellen** om de groep in te richten; daarna staat hier de agenda-link.",
        InPersonalChat = "De agenda-link hoort bij een groep: typ **agenda** in het groepsgesprek.",
        Summary = "Intervisie {0}",
        CaseOwner = "Casusinbrenger: {0}",
        Facilitator = "Gespreksleider: {0}",
        NotKnown = "nog niet bekend",
        Moved = "Deze bijeenkomst is verplaatst.",
        Cancelled = "Deze bijeenkomst gaat niet door.",
    };

    public static CalendarTexts English { get; } = new()
    {
        Language = Language.English,
        Title = "Your meetings in your own calendar",
        Ready =
            "Subscribe your calendar (Outlook, Google, Apple) to this link: every meeting is in it, with case owner and facilitator, " +
            "and moved meetings follow by themselves.\n\n{0}\n\n" +
            "Anyone with the link sees your schedule (never anything of a case): share it only within the group. Leaked? Make a new one.",
        NextMeetingTemplate = "The next meeting as a single file: [{0}]({1})",
        RenewButton = "New link (the old one stops working)",
        Renewed = "{0} made a new calendar link; the old one no longer works.",
        NotSetUp = "There is no schedule yet. Type **setup** to set the group up; then the calendar link is here.",
        InPersonalChat = "The calendar link belongs to a group: type **calendar** in the group conversation.",
        Summary = "Intervision {0}",
        CaseOwner = "Case owner: {0}",
        Facilitator = "Facilitator: {0}",
        NotKnown = "not known yet",
        Moved = "This meeting has been moved.",
        Cancelled = "This meeting is cancelled.",
    };
}

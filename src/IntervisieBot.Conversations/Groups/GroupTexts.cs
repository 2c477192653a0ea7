using IntervisieBot.Conversations.Texts;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Groups;

/// <summary>
/// The group's texts (set-up, agreements, turns, history), once per language; every one is required, so a language
/// that misses one does not compile. The reasons given (group size, rhythm) are the sources' facts in our own words.
/// </summary>
public sealed partial record GroupTexts
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

    public required string DateWrongDayTemplate { get; init; }

    public string DateWrongDay(string date, string weekday, string expectedWeekday) => TextTemplate.Fill(DateWrongDayTemplate, date, weekday, expectedWeekday);

    public required string DateWrongWeekTemplate { get; init; }

    public string DateWrongWeek(string date, string week, string weekday) => TextTemplate.Fill(DateWrongWeekTemplate, date, week, weekday);

    public required string AskMembers { get; init; }

    /// <summary>Whether members work in a line relationship with each other (a manager and their report).</summary>
    public required string AskLineRelationship { get; init; }

    /// <summary>What the sources advise when they do.</summary>
    public required string LineRelationshipAdvice { get; init; }

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

    public required string CadenceEveryTemplate { get; init; }

    public string CadenceEvery(int weeks, string weekday) => TextTemplate.Fill(CadenceEveryTemplate, weeks, weekday);

    public required string CadenceMonthlyTemplate { get; init; }

    public string CadenceMonthly(string week, string weekday) => TextTemplate.Fill(CadenceMonthlyTemplate, week, weekday);

    public required string FacilitatorRotating { get; init; }

    public required string FacilitatorFixed { get; init; }

    public required string FacilitatorExternal { get; init; }

    public required string NextMeetingsTitle { get; init; }

    public required string MeetingRolesTemplate { get; init; }

    public string MeetingRoles(string caseOwner, string facilitator) => TextTemplate.Fill(MeetingRolesTemplate, caseOwner, facilitator);

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

    public required string VolunteeredTemplate { get; init; }

    public string Volunteered(string name, string day) => TextTemplate.Fill(VolunteeredTemplate, name, day);

    public required string PassedTemplate { get; init; }

    public string Passed(string name, string day) => TextTemplate.Fill(PassedTemplate, name, day);

    public required string Swapped { get; init; }

    public required string MarkedAbsentTemplate { get; init; }

    public string MarkedAbsent(string name, string day) => TextTemplate.Fill(MarkedAbsentTemplate, name, day);

    public required string MarkedPresentTemplate { get; init; }

    public string MarkedPresent(string name, string day) => TextTemplate.Fill(MarkedPresentTemplate, name, day);

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

    public required string AgreementByTemplate { get; init; }

    public string AgreementBy(string name, string date) => TextTemplate.Fill(AgreementByTemplate, name, date);

    public required string AgreementChangedByTemplate { get; init; }

    public string AgreementChangedBy(string name, string date) => TextTemplate.Fill(AgreementChangedByTemplate, name, date);

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

    public required string AgreementsFullTemplate { get; init; }

    /// <summary>The group has <paramref name="max"/> agreements, the most it keeps: the add was refused.</summary>
    public string AgreementsFull(int max) => TextTemplate.Fill(AgreementsFullTemplate, max.ToString(Culture));

    /// <summary>A change made the group too large to store (<see cref="GroupTooLargeException"/>): nothing was changed, trying again will not help.</summary>
    public required string GroupTooLarge { get; init; }

    public required string AgreementsShownTemplate { get; init; }

    /// <summary>Under the agreements card when it shows part of a long list: which ones, of how many.</summary>
    public string AgreementsShown(int first, int last, int total) =>
        TextTemplate.Fill(AgreementsShownTemplate, first.ToString(Culture), last.ToString(Culture), total.ToString(Culture));

    public required string MoreAgreementsTemplate { get; init; }

    /// <summary>One agreement left on the next page ("… en nog 1 afspraak").</summary>
    public required string OneMoreAgreementTemplate { get; init; }

    /// <summary>How many agreements follow the ones shown, and how to see them (typed: <c>afspraken 2</c>).</summary>
    public string MoreAgreements(int more, int page) =>
        TextTemplate.Fill(more == 1 ? OneMoreAgreementTemplate : MoreAgreementsTemplate, more.ToString(Culture), page.ToString(Culture));

    public required string MoreAgreementsButton { get; init; }

    public required string FirstAgreementsButton { get; init; }

    public required string ReviewAgreements { get; init; }

    public required string HistoryTitle { get; init; }

    public required string NoHistory { get; init; }

    public required string HistoryLineTemplate { get; init; }

    public string HistoryLine(string date, string method, string caseOwner, string facilitator) => TextTemplate.Fill(HistoryLineTemplate, date, method, caseOwner, facilitator);

    public required string RatingSuffix { get; init; }

    public required string FiguresTitle { get; init; }

    public required string HeldOfPlannedTemplate { get; init; }

    /// <summary>
    /// "2 van de 3 geplande bijeenkomsten gehouden, en 1 extra bijeenkomst"; with none planned yet (or more held than
    /// planned, from before the group was set up) just how many were held.
    /// </summary>
    public string HeldOfPlanned(int held, int planned, int extra = 0) =>
        planned == 0 || held > planned
            ? HeldCount(held + extra)
            : TextTemplate.Fill(HeldOfPlannedTemplate, held, planned) + (extra == 0 ? "" : extra == 1 ? ExtraHeldOne : TextTemplate.Fill(ExtraHeld, extra));

    /// <summary>", en 1 extra bijeenkomst": after the planned meetings held, the one held outside the plan.</summary>
    public required string ExtraHeldOne { get; init; }

    /// <summary>", en {0} extra bijeenkomsten".</summary>
    public required string ExtraHeld { get; init; }

    /// <summary>"3 bijeenkomsten gehouden", "1 bijeenkomst gehouden".</summary>
    public string HeldCount(int held) => held == 1 ? HeldOne : TextTemplate.Fill(Held, held);

    public required string HeldOne { get; init; }

    public required string Held { get; init; }

    public required string AttendanceTitle { get; init; }

    public required string MemberFiguresTemplate { get; init; }

    public string MemberFigures(int attended, int held, int cases, int facilitated) => TextTemplate.Fill(MemberFiguresTemplate, attended, held, cases, facilitated);

    public required string MethodsTitle { get; init; }

    public required string MethodRatedTemplate { get; init; }

    public string MethodRated(int used, string rating) => TextTemplate.Fill(MethodRatedTemplate, used, rating);

    public required string MethodUnrated { get; init; }

    public required string Joined { get; init; }

    public required string Left { get; init; }

    public required string AddMemberButton { get; init; }

    public required string RemoveMemberButton { get; init; }

    public required string LeaveAsIsButton { get; init; }

    public required string MemberAdded { get; init; }

    public required string MemberRemoved { get; init; }

    public required string LeftAsIs { get; init; }

    public required string RotationProposalTemplate { get; init; }

    public string RotationProposal(string caseOwner, string facilitator) => TextTemplate.Fill(RotationProposalTemplate, caseOwner, facilitator);

    public required string NextCaseOwnerTemplate { get; init; }

    public string NextCaseOwner(string day, string caseOwner) => TextTemplate.Fill(NextCaseOwnerTemplate, day, caseOwner);

    public required string RotationChoice { get; init; }

    public required IReadOnlyList<string> Languages { get; init; }

    public required IReadOnlyList<string> Cadences { get; init; }

    public required IReadOnlyList<string> WeeksOfMonth { get; init; }

    public required IReadOnlyList<string> FacilitatorModes { get; init; }

    public required IReadOnlyList<string> SettingNames { get; init; }

    public required IReadOnlyList<string> SummaryLabels { get; init; }

    /// <summary>After the name of a member who paused, in lists of participants.</summary>
    public required string PausedSuffix { get; init; }

    /// <summary>The command words the group's buttons send: set-up, turns, agreements.</summary>
    public required string SetupCommand { get; init; }

    public required string TurnsCommand { get; init; }

    public required string AgreementsCommand { get; init; }

    /// <summary>The culture for dates and weekday names.</summary>
    public required System.Globalization.CultureInfo Culture { get; init; }

    public static GroupTexts For(Language language) => language == Language.Dutch ? Dutch : English;
}

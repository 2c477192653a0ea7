using IntervisieBot.Conversations.Texts;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// What the set-up's checks say before a session begins (<see cref="SessionSetupDialog"/>): a method that asks for a
/// safe group, fewer than three present, and who may ask questions; and the live card's line on the askers.
/// </summary>
public sealed record SessionCheckTexts
{
    public required Language Language { get; init; }

    /// <summary>{0}: the method's name. Followed by what the method asks of the group (its summary).</summary>
    public required string SafetyQuestionTemplate { get; init; }

    public string SafetyQuestion(string method) => TextTemplate.Fill(SafetyQuestionTemplate, method);

    public required string SafeEnoughButton { get; init; }

    public required IReadOnlyList<string> SafeEnoughWords { get; init; }

    public required string OtherMethodButton { get; init; }

    public required IReadOnlyList<string> OtherMethodWords { get; init; }

    /// <summary>{0}: how many take part, the case owner and the facilitator counted.</summary>
    public required string FewPresentTemplate { get; init; }

    public string FewPresent(int count) => TextTemplate.Fill(FewPresentTemplate, count);

    public required string StartAnywayButton { get; init; }

    public required IReadOnlyList<string> StartAnywayWords { get; init; }

    public required string NotNowButton { get; init; }

    public required IReadOnlyList<string> NotNowWords { get; init; }

    public required string NotNow { get; init; }

    /// <summary>{0}: the case owner, who answers.</summary>
    public required string AskAskersTemplate { get; init; }

    public string AskAskers(string caseOwner) => TextTemplate.Fill(AskAskersTemplate, caseOwner);

    public required string EveryoneButton { get; init; }

    public required IReadOnlyList<string> EveryoneWords { get; init; }

    /// <summary>{0}: the asker chosen first.</summary>
    public required string AskSecondAskerTemplate { get; init; }

    public string AskSecondAsker(string first) => TextTemplate.Fill(AskSecondAskerTemplate, first);

    /// <summary>{0}: the asker chosen first, as the button that keeps just them.</summary>
    public required string OnlyButtonTemplate { get; init; }

    public string OnlyButton(string first) => TextTemplate.Fill(OnlyButtonTemplate, first);

    /// <summary>{0}: the one asker; {1}: the observers.</summary>
    public required string OneAskerTemplate { get; init; }

    /// <summary>{0}: the two askers; {1}: the observers.</summary>
    public required string TwoAskersTemplate { get; init; }

    public string OneAsker(string asker, string observers) => TextTemplate.Fill(OneAskerTemplate, asker, observers);

    public string TwoAskers(string askers, string observers) => TextTemplate.Fill(TwoAskersTemplate, askers, observers);

    /// <summary>Who asks in the question steps and who observes, as the group hears it once.</summary>
    internal string AskersChosen(IReadOnlyList<string> askers, IReadOnlyList<string> observers) =>
        askers.Count == 1 ? OneAsker(askers[0], Names(observers)) : TwoAskers(Names(askers), Names(observers));

    /// <summary>The live card's line in a question step; {0}: the askers.</summary>
    public required string AskersLineTemplate { get; init; }

    public string AskersLine(IReadOnlyList<string> askers) => TextTemplate.Fill(AskersLineTemplate, Names(askers));

    /// <summary>The word before the last of a list of names ("Bram, Cees en Eva").</summary>
    public required string And { get; init; }

    public string Names(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " " + And + " " + names[^1];

    public static SessionCheckTexts For(Language language) => language == Language.Dutch ? Dutch : English;

    public static SessionCheckTexts Dutch { get; } = new()
    {
        Language = Language.Dutch,
        SafetyQuestionTemplate = "**{0}** vraagt veel van de groep. Deze methode werkt alleen als jullie elkaar al een tijd kennen en je veilig genoeg voelt om open en eerlijk over elkaar en over jezelf te praten. Twijfelt iemand daaraan, kies dan een andere methode. Voelen jullie je veilig genoeg?",
        SafeEnoughButton = "Ja, we voelen ons veilig genoeg",
        SafeEnoughWords = ["ja", "veilig", "veilig genoeg"],
        OtherMethodButton = "Kies een andere methode",
        OtherMethodWords = ["nee", "andere methode", "een andere methode", "andere"],
        FewPresentTemplate = "Er doen nu {0} mensen mee, de casusinbrenger en de gespreksleider meegerekend. Intervisie leeft van verschillende blikken op één casus: met minder dan drie mensen hoort de casusinbrenger te weinig vragen en invalshoeken, en de bronnen raden een groep van drie tot zes aan. Beginnen jullie toch?",
        StartAnywayButton = "Toch beginnen",
        StartAnywayWords = ["ja", "toch", "beginnen"],
        NotNowButton = "Niet nu",
        NotNowWords = ["nee", "later"],
        NotNow = "Goed, dan beginnen we nu niet. Typ **start** zodra er meer mensen bij zijn.",
        AskAskersTemplate = "{0}, wie mogen er vragen stellen? Kies iedereen, of één of twee mensen: de anderen observeren dan en geven na afloop feedback op hoe het gesprek liep. Zo word je niet van alle kanten tegelijk met vragen overvallen.",
        EveryoneButton = "Iedereen",
        EveryoneWords = ["iedereen", "allemaal", "alle"],
        AskSecondAskerTemplate = "{0} stelt vragen. Mag er nog iemand vragen stellen?",
        OnlyButtonTemplate = "Alleen {0}",
        OneAskerTemplate = "In de stappen met vragen stelt {0} de vragen. {1} observeren en geven na afloop feedback op hoe het gesprek liep.",
        TwoAskersTemplate = "In de stappen met vragen stellen {0} de vragen. {1} observeren en geven na afloop feedback op hoe het gesprek liep.",
        AskersLineTemplate = "Vragen: {0} · de anderen observeren.",
        And = "en",
    };

    public static SessionCheckTexts English { get; } = new()
    {
        Language = Language.English,
        SafetyQuestionTemplate = "**{0}** asks a lot of the group. This method only works when you have known each other for a while and feel safe enough to talk openly and honestly about each other and about yourselves. If anyone doubts that, choose another method. Do you feel safe enough?",
        SafeEnoughButton = "Yes, we feel safe enough",
        SafeEnoughWords = ["yes", "safe", "safe enough"],
        OtherMethodButton = "Choose another method",
        OtherMethodWords = ["no", "other method", "another method", "other"],
        FewPresentTemplate = "{0} people take part now, counting the case owner and the facilitator. Intervision lives on different views of one case: with fewer than three people the case owner hears too few questions and angles, and the sources advise a group of three to six. Will you start anyway?",
        StartAnywayButton = "Start anyway",
        StartAnywayWords = ["yes", "anyway", "start"],
        NotNowButton = "Not now",
        NotNowWords = ["no", "later"],
        NotNow = "All right, we won't start now. Type **start** once more people have joined.",
        AskAskersTemplate = "{0}, who may ask questions? Choose everyone, or one or two people: the others then observe and afterwards give feedback on how the conversation went. That way you are not swamped with questions from all sides at once.",
        EveryoneButton = "Everyone",
        EveryoneWords = ["everyone", "everybody", "all"],
        AskSecondAskerTemplate = "{0} asks questions. May anyone else ask questions too?",
        OnlyButtonTemplate = "Only {0}",
        OneAskerTemplate = "In the steps with questions, {0} asks the questions. {1} observe and afterwards give feedback on how the conversation went.",
        TwoAskersTemplate = "In the steps with questions, {0} ask the questions. {1} observe and afterwards give feedback on how the conversation went.",
        AskersLineTemplate = "Questions: {0} · the others observe.",
        And = "and",
    };
}

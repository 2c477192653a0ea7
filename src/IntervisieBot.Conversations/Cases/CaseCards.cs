using System.Globalization;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Cases;
using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Conversations.Cases;

/// <summary>The cards of case preparation: the form, the case as its owner sees it, and as the group sees it once shared.</summary>
public static class CaseCards
{
    public const string CardName = "case";
    public const string GroupKey = "group";
    public const string ScopeKey = "scope";
    public const string TitleInput = "title";
    public const string SituationInput = "situation";
    public const string QuestionInput = "question";
    public const string TriedInput = "tried";
    public const string HotSpotInput = "hotSpot";
    public const string FundamentalInput = "fundamental";
    public const string MethodInput = "method";
    public const string NoMethod = "none";

    /// <summary>The version of the stored case a card was drawn from (see <see cref="CaseStore.GetVersionedAsync"/>).</summary>
    public const string VersionKey = "version";

    /// <summary>All fields at once; in Slack its button opens the fields in a modal.</summary>
    public static Card Form(CaseTexts texts, PreparedCase? current, MethodLibrary library, Language language, string version, string? problem = null) => new()
    {
        Title = texts.FormTitle,
        Body =
        [
            new CardText(texts.FormIntro, TextStyle.Subtle),
            .. problem is null ? Array.Empty<CardElement>() : [new CardText(problem, TextStyle.Heading)],
            new CardInput(TitleInput, texts.TitleLabel, Value: current?.Title, Required: true),
            new CardInput(SituationInput, texts.SituationLabel, InputKind.MultilineText, current?.Situation, texts.SituationPlaceholder, Required: true),
            new CardInput(QuestionInput, texts.QuestionLabel, InputKind.MultilineText, current?.Question, texts.QuestionPlaceholder, Required: true),
            new CardInput(TriedInput, texts.TriedLabel, InputKind.MultilineText, current?.Tried),
            new CardInput(HotSpotInput, texts.HotSpotLabel, InputKind.MultilineText, current?.HotSpot, texts.HotSpotPlaceholder, Required: true),
            new CardInput(FundamentalInput, texts.FundamentalLabel, InputKind.MultilineText, current?.FundamentalQuestion, texts.FundamentalPlaceholder),
            new CardChoiceInput(MethodInput, texts.MethodLabel, MethodChoices(texts, library, language), current?.PreferredMethod ?? NoMethod),
        ],
        Buttons = [Versioned(Button(texts.SaveButton, "save", ButtonStyle.Positive), version)],
    };

    public static IReadOnlyList<CardChoice> MethodChoices(CaseTexts texts, MethodLibrary library, Language language) =>
        [new CardChoice(texts.NoPreference, NoMethod), .. library.All.Select(m => new CardChoice(m.Name.In(language), m.Id))];

    /// <summary>The case as its owner sees it, with what they can do with it until the session.</summary>
    public static Card ForOwner(CaseTexts texts, PreparedCase value, MethodLibrary library, Language language, string? groupId = null, string? scope = null, string? title = null, string? version = null) => new()
    {
        Title = title ?? value.Title,
        Body = [Facts(texts, value, library, language, forGroup: false)],
        Buttons = groupId is null
            ? []
            : [
                GroupButton(texts.EditButton, "edit", groupId, scope!, version: version),
                GroupButton(texts.WithdrawButton, "withdraw", groupId, scope!, ButtonStyle.Destructive, version),
                GroupButton(texts.ExportButton, "export", groupId, scope!),
            ],
    };

    /// <summary>What the group sees when the owner shares the case: never what was tried or the owner's notes.</summary>
    public static Card Shared(CaseTexts texts, string ownerName, PreparedCase value, Language language) => new()
    {
        Title = texts.SharedTitle(ownerName, value.Title),
        Body = [Facts(texts, value, null, language, forGroup: true)],
    };

    public static CardFacts Facts(CaseTexts texts, PreparedCase value, MethodLibrary? library, Language language, bool forGroup)
    {
        var labels = texts.FactLabels.Split('|');
        var facts = new List<CardFact> { new(labels[1], value.Situation), new(labels[2], value.Question) };
        if (!forGroup && value.Tried is { Length: > 0 } tried)
        {
            facts.Add(new(labels[3], tried));
        }

        if (value.HotSpot is { Length: > 0 } hotSpot)
        {
            facts.Add(new(labels[4], hotSpot));
        }

        if (value.FundamentalQuestion is { Length: > 0 } fundamental)
        {
            facts.Add(new(texts.FundamentalFact, fundamental));
        }

        if (!forGroup && library is not null && value.MethodForSession is { } method && library.Find(method) is { } definition)
        {
            facts.Add(new(labels[5], definition.Name.In(language)));
        }

        return new CardFacts(facts);
    }

    /// <summary>The top three methods for the case, each with its reasons.</summary>
    public static Card Advice(CaseTexts texts, IReadOnlyList<MethodAdvice> ranked, string? preferred, MethodLibrary library, Language language) => new()
    {
        Title = texts.AdviceTitle,
        Body =
        [
            .. ranked.Take(3).Select((advice, index) => (CardElement)new CardText(
                $"{index + 1}. **{advice.Method.Name.In(language)}** ({advice.Method.Duration})\n" + string.Join("\n", advice.Reasons.Select(r => "- " + r.In(language))))),
            .. preferred is not null && library.Find(preferred) is { } wish ? [new CardText(Format(texts.Preferred, wish.Name.In(language)))] : Array.Empty<CardElement>(),
        ],
    };

    /// <summary>A button of this card that names the group it is about (checked against the roster when pressed).</summary>
    public static CardButton GroupButton(string title, string action, string groupId, string scope, ButtonStyle style = ButtonStyle.Default, string? version = null) =>
        Versioned(new(title, new Dictionary<string, string> { [Cards.ActionKey] = action, [Cards.CardKey] = CardName, [GroupKey] = groupId, [ScopeKey] = scope }, style), version);

    private static CardButton Versioned(CardButton button, string? version) =>
        version is null ? button : button with { Data = new Dictionary<string, string>(button.Data) { [VersionKey] = version } };

    private static CardButton Button(string title, string action, ButtonStyle style) => Cards.Button(title, action, CardName, style);

    public static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}

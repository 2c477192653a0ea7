using IntervisieBot.Conversations.Texts;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Conversations.Methods;

/// <summary>Cards about the methods: the overview, and method advice.</summary>
public static class MethodCards
{
    public static Card Overview(MethodLibrary library, BotTexts texts, Language language) => new()
    {
        Title = texts.MethodsTitle,
        Body =
        [
            new CardText(texts.MethodsIntro),
            .. library.All.SelectMany(method => new CardElement[]
            {
                new CardText($"**{method.Name.In(language)}** · {Duration(method, texts)}", TextStyle.Heading),
                new CardText(method.Summary.In(language)),
                new CardText(method.WhenToUse.In(language), TextStyle.Subtle),
            }),
        ],
    };

    /// <summary>
    /// The top three with their reasons (each once, cautions among them), and the rest by name. When the case owner
    /// already chose a method, <paramref name="ownersChoice"/> says so first and the advice is titled a second opinion;
    /// <paramref name="meetingLength"/> says which time the advice went by when it did not ask.
    /// </summary>
    public static Card Advice(IReadOnlyList<MethodAdvice> ranked, BotTexts texts, Language language, string? ownersChoice = null, string? meetingLength = null) => new()
    {
        Title = ownersChoice is null ? texts.AdviceResultTitle : texts.AdviceSecondOpinionTitle,
        Body =
        [
            .. ownersChoice is null ? Array.Empty<CardElement>() : [new CardText(ownersChoice)],
            .. meetingLength is null ? Array.Empty<CardElement>() : [new CardText(meetingLength, TextStyle.Subtle)],
            .. ranked.Take(3).SelectMany((advice, i) => new CardElement[]
            {
                new CardText($"{i + 1}. **{advice.Method.Name.In(language)}** · {Duration(advice.Method, texts)}", TextStyle.Heading),
                new CardText(string.Join("\n", advice.Reasons.Select(r => "- " + r.In(language)))),
            }),
            new CardText(texts.AdviceOthers, TextStyle.Heading),
            new CardText(string.Join(", ", ranked.Skip(3).Select(a => a.Method.Name.In(language)))),
        ],
    };

    private static string Duration(MethodDefinition method, BotTexts texts) =>
        texts.Minutes((int)method.Duration.Min.TotalMinutes, (int)method.Duration.Max.TotalMinutes);
}

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

    public static Card Advice(IReadOnlyList<MethodAdvice> ranked, BotTexts texts, Language language) => new()
    {
        Title = texts.AdviceResultTitle,
        Body =
        [
            .. ranked.Take(3).SelectMany((advice, i) => new CardElement[]
            {
                new CardText($"{i + 1}. **{advice.Method.Name.In(language)}** · {Duration(advice.Method, texts)}", TextStyle.Heading),
                new CardText(string.Join("\n", advice.Reasons.Concat(advice.Cautions).Select(r => "- " + r.In(language)))),
            }),
            new CardText(texts.AdviceOthers, TextStyle.Heading),
            new CardText(string.Join(", ", ranked.Skip(3).Select(a => a.Method.Name.In(language)))),
        ],
    };

    private static string Duration(MethodDefinition method, BotTexts texts) =>
        texts.Minutes((int)method.Duration.Min.TotalMinutes, (int)method.Duration.Max.TotalMinutes);
}

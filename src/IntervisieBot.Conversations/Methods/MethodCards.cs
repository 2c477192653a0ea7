using System.Globalization;
using IntervisieBot.Conversations.Texts;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Conversations.Methods;

/// <summary>Cards about the methods: the overview, and method advice.</summary>
public static class MethodCards
{
    public static Card Overview(MethodLibrary library, BotTexts texts, bool dutch) => new()
    {
        Title = texts.MethodsTitle,
        Body =
        [
            new CardText(texts.MethodsIntro),
            .. library.All.SelectMany(method => new CardElement[]
            {
                new CardText($"**{method.Name.In(dutch)}** · {Duration(method, texts)}", TextStyle.Heading),
                new CardText(method.Summary.In(dutch)),
                new CardText(method.WhenToUse.In(dutch), TextStyle.Subtle),
            }),
        ],
    };

    public static Card Advice(IReadOnlyList<MethodAdvice> ranked, BotTexts texts, bool dutch) => new()
    {
        Title = texts.AdviceResultTitle,
        Body =
        [
            .. ranked.Take(3).SelectMany((advice, i) => new CardElement[]
            {
                new CardText($"{i + 1}. **{advice.Method.Name.In(dutch)}** · {Duration(advice.Method, texts)}", TextStyle.Heading),
                new CardText(string.Join("\n", advice.Reasons.Concat(advice.Cautions).Select(r => "- " + r.In(dutch)))),
            }),
            new CardText(texts.AdviceOthers, TextStyle.Heading),
            new CardText(string.Join(", ", ranked.Skip(3).Select(a => a.Method.Name.In(dutch)))),
        ],
    };

    private static string Duration(MethodDefinition method, BotTexts texts) =>
        string.Format(CultureInfo.InvariantCulture, texts.Minutes, (int)method.Duration.Min.TotalMinutes, (int)method.Duration.Max.TotalMinutes);
}

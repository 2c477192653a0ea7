using System.Text.Json.Nodes;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;

namespace IntervisieBot.Dialogs;

/// <summary>
/// Several of a list (e.g. who is present): check boxes with everything ticked and one button to confirm, or typed:
/// "iedereen"/"everyone", names ("Anna, Bram en Cees"), or everyone but some ("zonder Eva", "without Eva").
/// The result is a JSON array of the chosen values, in the list's order; choosing nobody is a valid answer.
/// </summary>
public sealed class MultiChoicePrompt(string id) : Prompt(id)
{
    public const string InputId = "chosen";
    private static readonly string[] Everyone = ["iedereen", "allemaal", "alle", "alles", "everyone", "everybody", "all", "ja", "yes", "ok", "klopt"];
    private static readonly string[] Without = ["zonder", "behalve", "niet", "without", "except", "not", "minus", "min"];
    private static readonly string[] Nobody = ["niemand", "geen", "nobody", "none", "no one"];

    protected override JsonNode? Recognize(IncomingTurn turn, PromptOptions options)
    {
        if (turn.Kind == TurnKind.CardAction)
        {
            if (turn.Values.GetValueOrDefault(ChoicePrompt.PromptKey) != Id)
            {
                return null;
            }

            // An input with nothing ticked is left out of the submitted values altogether.
            var ticked = turn.Values.GetValueOrDefault(InputId, "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return Chosen(options, c => ticked.Contains(c.Value, StringComparer.Ordinal));
        }

        var typed = Normalize(turn.Text);
        if (typed.Length == 0)
        {
            return null;
        }

        if (Everyone.Contains(typed))
        {
            return Chosen(options, _ => true);
        }

        if (Nobody.Contains(typed))
        {
            return Chosen(options, _ => false);
        }

        var words = typed.Split(' ', 2);
        var excluding = words.Length == 2 && Without.Contains(words[0]);
        var names = Names(excluding ? words[1] : typed);
        var matched = names.Select(n => options.Choices.FirstOrDefault(c => Matches(c, n))).ToList();
        if (matched.Count == 0 || matched.Any(m => m is null))
        {
            return null;
        }

        var values = matched.Select(m => m!.Value).ToHashSet(StringComparer.Ordinal);
        return Chosen(options, c => values.Contains(c.Value) != excluding);
    }

    protected override string DefaultRetry(PromptOptions options) => options.Language == Language.Dutch
        ? "Vink aan wie er is en druk op de knop, of typ de namen (\"Anna, Bram\"), \"iedereen\" of \"zonder Eva\"."
        : "Tick who is here and press the button, or type the names (\"Anna, Bram\"), \"everyone\" or \"without Eva\".";

    protected override OutgoingMessage Ask(PromptOptions options, string text) => OutgoingMessage.FromCard(new Card
    {
        Body =
        [
            new CardText(text),
            new CardChoiceInput(
                InputId,
                "",
                options.Choices.Select(c => new CardChoice(c.Title, c.Value)).ToList(),
                Value: string.Join(",", options.Choices.Select(c => c.Value)),
                Multiple: true,
                Expanded: true),
        ],
        Buttons = [new CardButton(options.Language == Language.Dutch ? "Klopt" : "That's right", new Dictionary<string, string> { [ChoicePrompt.PromptKey] = Id }, ButtonStyle.Positive)],
    }) with { Text = text };

    /// <summary>The answered card shows who answered and the list, without a button to press again.</summary>
    protected override Task OnAnsweredAsync(DialogContext dc, PromptOptions options, JsonNode value, CancellationToken cancellationToken)
    {
        if (dc.Turn.Kind != TurnKind.CardAction || dc.Turn.ReplyToId is not { } pressed)
        {
            return Task.CompletedTask;
        }

        var chosen = value.AsArray().Select(v => options.Choices.First(c => c.Value == v!.GetValue<string>()).Title).ToList();
        var list = chosen.Count == 0 ? "–" : string.Join(", ", chosen);
        var answered = (options.Language == Language.Dutch ? "Bevestigd door {0}: {1}" : "Confirmed by {0}: {1}")
            .Replace("{0}", dc.Turn.From.Name, StringComparison.Ordinal).Replace("{1}", list, StringComparison.Ordinal);
        return dc.Context.UpdateAsync(pressed, OutgoingMessage.FromCard(new Card { Body = [new CardText(options.Text), new CardText(answered, TextStyle.Subtle)] }) with { Text = options.Text }, cancellationToken);
    }

    private static JsonArray Chosen(PromptOptions options, Func<PromptChoice, bool> chosen) =>
        new(options.Choices.Where(chosen).Select(c => (JsonNode)JsonValue.Create(c.Value)).ToArray());

    private static bool Matches(PromptChoice choice, string name) =>
        Normalize(choice.Title) == name || Normalize(choice.Value) == name || (choice.Synonyms?.Any(s => Normalize(s) == name) ?? false)
        || Normalize(choice.Title).Split(' ')[0] == name;

    private static List<string> Names(string text) => text
        .Replace(" en ", ",", StringComparison.Ordinal)
        .Replace(" and ", ",", StringComparison.Ordinal)
        .Replace(" & ", ",", StringComparison.Ordinal)
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(Normalize)
        .Where(n => n.Length > 0)
        .ToList();
}

using System.Text.Json.Nodes;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Groups;

/// <summary>
/// A choice with buttons that also understands a typed answer of its own kind (a time, a date, "every 5 weeks").
/// The parser returns the value, <see cref="Invalid"/> for an answer of its kind that is wrong (25:00, "every 40
/// weeks": a clear re-ask, not a guess), or null to let the buttons' titles and synonyms decide.
/// </summary>
public sealed class TypedChoicePrompt(string id, Func<string, string?> parse, bool buttonsFirst = false) : ChoicePrompt(id)
{
    public const string Invalid = "";

    protected override JsonNode? Recognize(IncomingTurn turn, PromptOptions options)
    {
        if (turn.Kind != TurnKind.Message)
        {
            return base.Recognize(turn, options);
        }

        if (buttonsFirst && base.Recognize(turn, options) is { } chosen)
        {
            return chosen;
        }

        return parse(turn.Text.Trim()) switch
        {
            Invalid => null,
            { } value => JsonValue.Create(value),
            null => buttonsFirst ? null : base.Recognize(turn, options),
        };
    }
}

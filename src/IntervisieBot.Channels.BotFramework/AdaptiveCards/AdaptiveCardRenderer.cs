using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Channels.BotFramework.AdaptiveCards;

/// <summary>
/// Renders a channel-neutral card as an Adaptive Card 1.5 (the newest Teams renders). Buttons are Universal
/// Actions (<c>Action.Execute</c>, answered with the updated card in the invoke response) with an
/// <c>Action.Submit</c> fallback for clients that predate them.
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    public static JsonElement Render(Card card, string? fallbackText = null)
    {
        var body = new JsonArray();
        if (!string.IsNullOrEmpty(card.Title))
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = card.Title, ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true });
        }

        foreach (var element in card.Body)
        {
            body.Add(Element(element));
        }

        var root = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["fallbackText"] = string.IsNullOrEmpty(fallbackText) ? card.Title ?? "" : fallbackText,
            ["body"] = body,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
        };
        if (card.Buttons.Count > 0)
        {
            root["actions"] = new JsonArray(card.Buttons.Select(Button).ToArray<JsonNode?>());
        }

        return JsonSerializer.SerializeToElement(root);
    }

    private static JsonObject Element(CardElement element) => element switch
    {
        CardText text => Text(text),
        CardFacts facts => new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray(facts.Facts.Select(f => (JsonNode?)new JsonObject { ["title"] = f.Title, ["value"] = f.Value }).ToArray()),
        },
        CardInput input => Input(input),
        CardChoiceInput choice => WithoutEmptyLabel(new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = choice.Id,
            ["label"] = choice.Label,
            ["style"] = choice.Expanded ? "expanded" : "compact",
            ["isMultiSelect"] = choice.Multiple,
            ["value"] = choice.Value,
            ["choices"] = new JsonArray(choice.Choices.Select(c => (JsonNode?)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray()),
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(element), element.GetType().Name, "No Adaptive Card rendering for this element."),
    };

    /// <summary>An input whose question is in the text above it has no label of its own.</summary>
    private static JsonObject WithoutEmptyLabel(JsonObject input)
    {
        if (input["label"]?.GetValue<string>() is "")
        {
            input.Remove("label");
        }

        return input;
    }

    private static JsonObject Text(CardText text)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text.Text, ["wrap"] = true };
        switch (text.Style)
        {
            case TextStyle.Heading:
                block["weight"] = "Bolder";
                block["spacing"] = "Medium";
                break;
            case TextStyle.Subtle:
                block["isSubtle"] = true;
                block["size"] = "Small";
                break;
            default:
                break;
        }

        return block;
    }

    private static JsonObject Input(CardInput input)
    {
        var node = new JsonObject
        {
            ["type"] = input.Kind switch
            {
                InputKind.Number => "Input.Number",
                InputKind.Date => "Input.Date",
                InputKind.Time => "Input.Time",
                _ => "Input.Text",
            },
            ["id"] = input.Id,
            ["label"] = input.Label,
            ["isRequired"] = input.Required,
        };
        if (input.Kind == InputKind.MultilineText)
        {
            node["isMultiline"] = true;
        }

        if (input.Value is not null)
        {
            node["value"] = input.Value;
        }

        if (input.Placeholder is not null)
        {
            node["placeholder"] = input.Placeholder;
        }

        return node;
    }

    private static JsonObject Button(CardButton button)
    {
        JsonObject Data() => new(button.Data.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
        var style = button.Style switch
        {
            ButtonStyle.Positive => "positive",
            ButtonStyle.Destructive => "destructive",
            _ => "default",
        };
        return new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = button.Title,
            ["verb"] = button.Data.GetValueOrDefault("action", "submit"),
            ["data"] = Data(),
            ["style"] = style,
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = button.Title, ["data"] = Data(), ["style"] = style },
        };
    }
}

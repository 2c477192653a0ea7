using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Channels.Slack.BlockKit;

/// <summary>A message as Slack takes it: the notification text, and blocks when it has a card.</summary>
public sealed record SlackMessage(string Text, JsonArray? Blocks, SlackForm? Form);

/// <summary>
/// A card's text inputs do not fit in a Slack message, so they live in a modal: this is that modal (without the
/// metadata that ties it to a message) and the data of each button that opens it.
/// </summary>
public sealed record SlackForm(JsonObject View, IReadOnlyList<IReadOnlyDictionary<string, string>> Buttons)
{
    public string ToJson() => new JsonObject
    {
        ["view"] = View.DeepClone(),
        ["buttons"] = new JsonArray(Buttons.Select(b => (JsonNode?)BlockKitRenderer.DataObject(b)).ToArray()),
    }.ToJsonString();

    public static SlackForm FromJson(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var buttons = root["buttons"]!.AsArray().Select(b => (IReadOnlyDictionary<string, string>)BlockKitRenderer.ReadData(b)).ToList();
        return new SlackForm(root["view"]!.AsObject(), buttons);
    }
}

/// <summary>
/// Renders the bot's channel-neutral cards as Block Kit. Title: a header; text: sections (subtle text: context);
/// facts: section fields; choices: static selects (multi-select when several may be chosen) read when a button is
/// pressed; buttons: an actions block whose values carry the button's data. Text, number, date and time inputs go
/// into a modal: each button then opens it (<c>views.open</c>) and its submission comes back as the button's press.
/// </summary>
public static class BlockKitRenderer
{
    public const string ButtonActionPrefix = "button:";
    public const string FormActionPrefix = "form:";
    public const string InputBlockPrefix = "input:";
    public const string InputActionId = "value";
    public const string FormCallbackId = "intervisiebot.form";

    // Slack's limits: https://api.slack.com/reference/block-kit/blocks
    private const int MaxSectionText = 3000;
    private const int MaxHeader = 150;
    private const int MaxFields = 10;
    private const int MaxField = 2000;
    private const int MaxButtonText = 75;
    private const int MaxOptionText = 75;
    private const int MaxOptions = 100;
    private const int MaxViewTitle = 24;
    private const int MaxBlocks = 50;

    public static SlackMessage Render(OutgoingMessage message)
    {
        var text = SlackText.ToMrkdwn(message.Text);
        if (message.Card is not { } card)
        {
            return new SlackMessage(text, null, null);
        }

        var blocks = new JsonArray();
        if (!string.IsNullOrWhiteSpace(card.Title))
        {
            blocks.Add(Header(card.Title));
        }

        // The message's own text leads when it says more than the card's title (e.g. a prompt with a mention).
        if (!string.IsNullOrWhiteSpace(message.Text) && message.Text != card.Title && !card.Body.Any(e => e is CardText t && t.Text == message.Text))
        {
            blocks.Add(Section(text));
        }

        foreach (var element in card.Body)
        {
            foreach (var block in MessageBlocks(element))
            {
                blocks.Add(block);
            }
        }

        var formInputs = card.Body.Where(IsFormInput).ToList();
        SlackForm? form = null;
        var buttons = card.Buttons.ToList();
        if (formInputs.Count > 0)
        {
            if (buttons.Count == 0)
            {
                buttons.Add(new CardButton("Invullen · Fill in", new Dictionary<string, string>(), ButtonStyle.Positive));
            }

            form = new SlackForm(Modal(card), buttons.Select(b => b.Data).ToList());
        }

        if (buttons.Count > 0)
        {
            var prefix = form is null ? ButtonActionPrefix : FormActionPrefix;
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = "buttons",
                ["elements"] = new JsonArray(buttons.Take(25).Select((b, i) => (JsonNode?)Button(b, prefix + i.ToString(CultureInfo.InvariantCulture))).ToArray()),
            });
        }

        while (blocks.Count > MaxBlocks)
        {
            blocks.RemoveAt(MaxBlocks - 2);
        }

        var fallback = string.IsNullOrWhiteSpace(text) ? SlackText.ToMrkdwn(card.Title ?? FirstText(card)) : text;
        return new SlackMessage(fallback, blocks, form);
    }

    /// <summary>The inputs that need a modal: everything but choices, which a message can hold as selects.</summary>
    public static bool IsFormInput(CardElement element) => element is CardInput;

    /// <summary>A modal for the card's inputs; <paramref name="submit"/> labels its button.</summary>
    public static JsonObject ModalFor(SlackForm form, string submit, string privateMetadata)
    {
        var view = form.View.DeepClone().AsObject();
        view["submit"] = PlainText(SlackText.Plain(submit, MaxViewTitle));
        view["private_metadata"] = privateMetadata;
        return view;
    }

    internal static JsonObject DataObject(IReadOnlyDictionary<string, string> data) =>
        new(data.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));

    internal static Dictionary<string, string> ReadData(JsonNode? node)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject data)
        {
            foreach (var (key, value) in data)
            {
                if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                {
                    values[key] = v.GetValue<string>();
                }
            }
        }

        return values;
    }

    private static IEnumerable<JsonObject> MessageBlocks(CardElement element)
    {
        switch (element)
        {
            case CardText { Text: var empty } when string.IsNullOrWhiteSpace(empty):
                break;
            case CardText { Style: TextStyle.Heading } heading:
                yield return Section("*" + SlackText.ToMrkdwn(heading.Text).Replace("*", "", StringComparison.Ordinal) + "*");
                break;
            case CardText { Style: TextStyle.Subtle } subtle:
                yield return new JsonObject
                {
                    ["type"] = "context",
                    ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackText.Cut(SlackText.ToMrkdwn(subtle.Text), MaxSectionText) }),
                };
                break;
            case CardText text:
                yield return Section(SlackText.ToMrkdwn(text.Text));
                break;
            case CardFacts facts:
                foreach (var chunk in facts.Facts.Chunk(MaxFields))
                {
                    yield return new JsonObject
                    {
                        ["type"] = "section",
                        ["fields"] = new JsonArray(chunk.Select(f => (JsonNode?)new JsonObject
                        {
                            ["type"] = "mrkdwn",
                            ["text"] = SlackText.Cut("*" + SlackText.Plain(f.Title, 200) + "*\n" + SlackText.ToMrkdwn(f.Value), MaxField),
                        }).ToArray()),
                    };
                }

                break;
            case CardChoiceInput choice:
                yield return new JsonObject
                {
                    ["type"] = "section",
                    ["block_id"] = InputBlockPrefix + choice.Id,
                    ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackText.Cut(SlackText.ToMrkdwn(choice.Label), MaxSectionText) },
                    ["accessory"] = Select(choice, forMessage: true),
                };
                break;
            default:
                // Text inputs are in the modal; the message shows nothing for them.
                break;
        }
    }

    private static JsonObject Modal(Card card)
    {
        var blocks = new JsonArray();
        foreach (var element in card.Body)
        {
            switch (element)
            {
                case CardText { Text: var empty } when string.IsNullOrWhiteSpace(empty):
                    break;
                case CardText { Style: TextStyle.Subtle } subtle:
                    blocks.Add(new JsonObject
                    {
                        ["type"] = "context",
                        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackText.Cut(SlackText.ToMrkdwn(subtle.Text), MaxSectionText) }),
                    });
                    break;
                case CardText text:
                    blocks.Add(Section(SlackText.ToMrkdwn(text.Text)));
                    break;
                case CardInput input:
                    blocks.Add(InputBlock(input.Id, input.Label, TextElement(input), optional: !input.Required));
                    break;
                case CardChoiceInput choice:
                    blocks.Add(InputBlock(choice.Id, choice.Label, Select(choice, forMessage: false), optional: true));
                    break;
                default:
                    break;
            }
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = FormCallbackId,
            ["title"] = PlainText(SlackText.Plain(string.IsNullOrWhiteSpace(card.Title) ? "IntervisieBot" : card.Title, MaxViewTitle)),
            ["blocks"] = blocks,
        };
    }

    private static JsonObject InputBlock(string id, string label, JsonObject element, bool optional) => new()
    {
        ["type"] = "input",
        ["block_id"] = InputBlockPrefix + id,
        ["optional"] = optional,
        ["label"] = PlainText(SlackText.Plain(label, 2000)),
        ["element"] = element,
    };

    private static JsonObject TextElement(CardInput input)
    {
        var element = input.Kind switch
        {
            InputKind.Number => new JsonObject { ["type"] = "number_input", ["is_decimal_allowed"] = true },
            InputKind.Date => new JsonObject { ["type"] = "datepicker" },
            InputKind.Time => new JsonObject { ["type"] = "timepicker" },
            InputKind.MultilineText => new JsonObject { ["type"] = "plain_text_input", ["multiline"] = true },
            _ => new JsonObject { ["type"] = "plain_text_input" },
        };
        element["action_id"] = InputActionId;
        if (input.Value is { Length: > 0 } value)
        {
            element[input.Kind switch { InputKind.Date => "initial_date", InputKind.Time => "initial_time", _ => "initial_value" }] = value;
        }

        if (input.Placeholder is { Length: > 0 } placeholder && input.Kind is not (InputKind.Date or InputKind.Time))
        {
            element["placeholder"] = PlainText(SlackText.Plain(placeholder, 150));
        }

        return element;
    }

    private static JsonObject Select(CardChoiceInput choice, bool forMessage)
    {
        JsonObject Option(CardChoice c) => new()
        {
            ["text"] = PlainText(SlackText.Plain(c.Title, MaxOptionText)),
            ["value"] = c.Value,
        };

        var options = choice.Choices.Take(MaxOptions).ToList();
        var type = (choice.Multiple, choice.Expanded && !forMessage) switch
        {
            (true, true) => "checkboxes",
            (true, false) => "multi_static_select",
            (false, true) => "radio_buttons",
            _ => "static_select",
        };
        var element = new JsonObject
        {
            ["type"] = type,
            ["action_id"] = forMessage ? InputBlockPrefix + choice.Id : InputActionId,
            ["options"] = new JsonArray(options.Select(c => (JsonNode?)Option(c)).ToArray()),
        };
        if (type.EndsWith("select", StringComparison.Ordinal))
        {
            element["placeholder"] = PlainText(SlackText.Plain(choice.Label, 150));
        }

        var initial = (choice.Value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(v => options.FirstOrDefault(o => o.Value == v)).OfType<CardChoice>().ToList();
        if (initial.Count > 0)
        {
            if (choice.Multiple)
            {
                element["initial_options"] = new JsonArray(initial.Select(c => (JsonNode?)Option(c)).ToArray());
            }
            else
            {
                element["initial_option"] = Option(initial[0]);
            }
        }

        return element;
    }

    private static JsonObject Button(CardButton button, string actionId)
    {
        var element = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["text"] = PlainText(SlackText.Plain(button.Title, MaxButtonText)),
            ["value"] = DataObject(button.Data).ToJsonString(),
        };
        switch (button.Style)
        {
            case ButtonStyle.Positive:
                element["style"] = "primary";
                break;
            case ButtonStyle.Destructive:
                element["style"] = "danger";
                break;
            default:
                break;
        }

        return element;
    }

    private static JsonObject Header(string title) => new() { ["type"] = "header", ["text"] = PlainText(SlackText.Plain(title, MaxHeader)) };

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackText.Cut(mrkdwn, MaxSectionText) },
    };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static string FirstText(Card card) => card.Body.OfType<CardText>().FirstOrDefault()?.Text ?? "";
}

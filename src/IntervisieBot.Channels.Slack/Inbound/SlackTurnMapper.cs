using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.Slack.BlockKit;
using IntervisieBot.Dialogs.Messages;
using Microsoft.AspNetCore.Http;

namespace IntervisieBot.Channels.Slack.Inbound;

/// <summary>A turn read from Slack, before the sender's name and locale are looked up, and the keys that make it unique.</summary>
public sealed record SlackInboundTurn(IncomingTurn Turn, string TeamId, IReadOnlyList<string> DeliveryKeys);

/// <summary>
/// Reads Slack's payloads into channel-neutral turns. Slack ids stay as they are: a conversation is the channel id
/// (<c>C…</c> public channel, <c>G…</c> private channel or group DM, <c>D…</c> direct message) in workspace (tenant)
/// <c>team_id</c>; people are user ids (<c>U…</c>/<c>W…</c>).
/// </summary>
public static class SlackTurnMapper
{
    /// <summary>
    /// The turn an <c>event_callback</c> means, or null when the bot does not act on it: its own messages and other
    /// bots', message subtypes (edits, joins, deletions), and channel messages that do not mention it (those it hears
    /// through <c>app_mention</c>). A mention arrives twice when the app also subscribes to channel messages
    /// (<c>app_mention</c> and <c>message</c>, with different event ids), so a message's delivery key is its channel
    /// and <c>ts</c>, besides the event id that Slack's retries repeat.
    /// </summary>
    public static SlackInboundTurn? FromEvent(JsonElement envelope, string botUserId, DateTimeOffset receivedAt)
    {
        var teamId = String(envelope, "team_id");
        var eventId = String(envelope, "event_id");
        if (teamId is null || eventId is null || !envelope.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var type = String(e, "type");
        var user = String(e, "user");
        var channel = String(e, "channel");
        if (user is null || channel is null)
        {
            return null;
        }

        var at = envelope.TryGetProperty("event_time", out var time) && time.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : receivedAt;
        var bot = new Participant(botUserId, "IntervisieBot");
        var address = Address(channel, String(e, "channel_type"), teamId);
        var eventKey = "event~" + teamId + "~" + eventId;
        switch (type)
        {
            case "app_mention" or "message":
                if (e.TryGetProperty("bot_id", out _) || String(e, "subtype") is not null || e.TryGetProperty("edited", out _) || user == botUserId)
                {
                    return null;
                }

                var raw = String(e, "text") ?? "";
                if (type == "message" && !address.IsPersonal && !SlackText.Mentions(raw, botUserId))
                {
                    return null;
                }

                var text = SlackText.Unescape(SlackText.WithoutMentionOf(raw, botUserId));
                var turn = new IncomingTurn
                {
                    Kind = TurnKind.Message,
                    Conversation = address,
                    From = new Participant(user, user),
                    Bot = bot,
                    Text = text,
                    MentionsBot = type == "app_mention" || address.IsPersonal || SlackText.Mentions(raw, botUserId),
                    Timestamp = at,
                };
                var ts = String(e, "ts") ?? eventId;
                return new SlackInboundTurn(turn, teamId, [eventKey, "message~" + teamId + "~" + channel + "~" + ts]);
            case "member_joined_channel":
                var joined = new IncomingTurn
                {
                    Kind = user == botUserId ? TurnKind.BotAdded : TurnKind.MembersAdded,
                    Conversation = address,
                    From = new Participant(String(e, "inviter") ?? user, String(e, "inviter") ?? user),
                    Bot = bot,
                    Members = user == botUserId ? [] : [new Participant(user, user)],
                    Timestamp = at,
                };
                return new SlackInboundTurn(joined, teamId, [eventKey]);
            case "member_left_channel":
                var left = new IncomingTurn
                {
                    Kind = user == botUserId ? TurnKind.BotRemoved : TurnKind.MembersRemoved,
                    Conversation = address,
                    From = new Participant(user, user),
                    Bot = bot,
                    Members = user == botUserId ? [] : [new Participant(user, user)],
                    Timestamp = at,
                };
                return new SlackInboundTurn(left, teamId, [eventKey]);
            default:
                return null;
        }
    }

    /// <summary>A slash command is a message; without text it asks for help.</summary>
    public static SlackInboundTurn? FromCommand(IFormCollection form, string botUserId, DateTimeOffset receivedAt)
    {
        var teamId = form["team_id"].ToString();
        var user = form["user_id"].ToString();
        var channel = form["channel_id"].ToString();
        if (teamId.Length == 0 || user.Length == 0 || channel.Length == 0)
        {
            return null;
        }

        var text = SlackText.Unescape(SlackText.WithoutMentionOf(form["text"].ToString(), botUserId));
        var turn = new IncomingTurn
        {
            Kind = TurnKind.Message,
            Conversation = Address(channel, null, teamId),
            From = new Participant(user, user),
            Bot = new Participant(botUserId, "IntervisieBot"),
            Text = text.Length == 0 ? "help" : text,
            MentionsBot = true,
            Timestamp = receivedAt,
        };
        return new SlackInboundTurn(turn, teamId, []);
    }

    /// <summary>
    /// A button press in a message (<c>block_actions</c>): the button's data and the values chosen in the message's
    /// selects. The message's <c>ts</c> is the turn's <see cref="IncomingTurn.ReplyToId"/>, so the card can be updated.
    /// </summary>
    public static SlackInboundTurn? FromButton(JsonElement payload, JsonElement action, string botUserId, DateTimeOffset receivedAt)
    {
        var (teamId, user) = (TeamOf(payload), UserOf(payload));
        var channel = payload.TryGetProperty("channel", out var c) ? String(c, "id") : null;
        var container = payload.TryGetProperty("container", out var k) ? k : default;
        var ts = String(container, "message_ts") ?? (payload.TryGetProperty("message", out var m) ? String(m, "ts") : null);
        if (teamId is null || user is null || channel is null || ts is null)
        {
            return null;
        }

        var values = BlockKitRenderer.ReadData(ParseObject(String(action, "value")));
        if (payload.TryGetProperty("state", out var state) && state.TryGetProperty("values", out var stateValues))
        {
            foreach (var (id, value) in InputValues(stateValues))
            {
                values.TryAdd(id, value);
            }
        }

        var turn = new IncomingTurn
        {
            Kind = TurnKind.CardAction,
            Conversation = Address(channel, null, teamId),
            From = new Participant(user, user),
            Bot = new Participant(botUserId, "IntervisieBot"),
            Values = values,
            ReplyToId = ts,
            Timestamp = receivedAt,
        };
        return new SlackInboundTurn(turn, teamId, []);
    }

    /// <summary>The submission of a card's modal: its inputs plus the data of the button that opened it.</summary>
    public static SlackInboundTurn? FromSubmission(JsonElement payload, string botUserId, DateTimeOffset receivedAt)
    {
        var (teamId, user) = (TeamOf(payload), UserOf(payload));
        if (teamId is null || user is null || !payload.TryGetProperty("view", out var view)
            || String(view, "callback_id") != BlockKitRenderer.FormCallbackId
            || FormMetadata.Parse(String(view, "private_metadata")) is not { } metadata)
        {
            return null;
        }

        var values = new Dictionary<string, string>(metadata.Data, StringComparer.Ordinal);
        if (view.TryGetProperty("state", out var state) && state.TryGetProperty("values", out var stateValues))
        {
            foreach (var (id, value) in InputValues(stateValues))
            {
                values[id] = value;
            }
        }

        var turn = new IncomingTurn
        {
            Kind = TurnKind.CardAction,
            Conversation = Address(metadata.Channel, null, teamId),
            From = new Participant(user, user),
            Bot = new Participant(botUserId, "IntervisieBot"),
            Values = values,
            ReplyToId = metadata.MessageTs,
            Timestamp = receivedAt,
        };
        return new SlackInboundTurn(turn, teamId, []);
    }

    public static ConversationAddress Address(string channel, string? channelType, string teamId)
    {
        var scope = channelType switch
        {
            "im" => ConversationScope.Personal,
            "channel" => ConversationScope.Channel,
            "group" or "mpim" => ConversationScope.GroupChat,
            _ => channel[0] switch
            {
                'D' => ConversationScope.Personal,
                'G' => ConversationScope.GroupChat,
                _ => ConversationScope.Channel,
            },
        };
        return SlackMessenger.Address(channel, scope, teamId);
    }

    public static string? TeamOf(JsonElement payload) =>
        (payload.TryGetProperty("team", out var team) ? String(team, "id") : null)
        ?? (payload.TryGetProperty("user", out var user) ? String(user, "team_id") : null);

    public static string? UserOf(JsonElement payload) => payload.TryGetProperty("user", out var user) ? String(user, "id") : null;

    /// <summary><c>state.values[block_id][action_id]</c> of our inputs (block ids <c>input:{id}</c>), by input id.</summary>
    private static IEnumerable<(string Id, string Value)> InputValues(JsonElement stateValues)
    {
        if (stateValues.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var block in stateValues.EnumerateObject())
        {
            if (!block.Name.StartsWith(BlockKitRenderer.InputBlockPrefix, StringComparison.Ordinal) || block.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var id = block.Name[BlockKitRenderer.InputBlockPrefix.Length..];
            foreach (var element in block.Value.EnumerateObject())
            {
                if (ValueOf(element.Value) is { } value)
                {
                    yield return (id, value);
                }
            }
        }
    }

    private static string? ValueOf(JsonElement element)
    {
        switch (String(element, "type"))
        {
            case "plain_text_input" or "number_input":
                return String(element, "value");
            case "datepicker":
                return String(element, "selected_date");
            case "timepicker":
                return String(element, "selected_time");
            case "static_select" or "radio_buttons":
                return element.TryGetProperty("selected_option", out var option) && option.ValueKind == JsonValueKind.Object ? String(option, "value") : null;
            case "multi_static_select" or "checkboxes":
                return element.TryGetProperty("selected_options", out var options) && options.ValueKind == JsonValueKind.Array
                    ? string.Join(",", options.EnumerateArray().Select(o => String(o, "value")).OfType<string>())
                    : null;
            default:
                return null;
        }
    }

    private static JsonNode? ParseObject(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>
/// What a card's modal carries in <c>private_metadata</c> (at most 3,000 characters; Slack gives it back unchanged in
/// the signed submission): the channel, the message holding the card, and the data of the button that opened it.
/// </summary>
public sealed record FormMetadata(string Channel, string MessageTs, IReadOnlyDictionary<string, string> Data)
{
    public const int MaxLength = 3000;

    public string ToJson() => new JsonObject
    {
        ["c"] = Channel,
        ["m"] = MessageTs,
        ["d"] = BlockKitRenderer.DataObject(Data),
    }.ToJsonString();

    public static FormMetadata? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json) || json.Length > MaxLength)
        {
            return null;
        }

        try
        {
            var root = JsonNode.Parse(json) as JsonObject;
            return root?["c"]?.GetValue<string>() is { Length: > 0 } channel && root["m"]?.GetValue<string>() is { Length: > 0 } ts
                ? new FormMetadata(channel, ts, BlockKitRenderer.ReadData(root["d"]))
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}

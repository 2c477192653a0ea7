using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.Slack.Inbound;

namespace IntervisieBot.Channels.Slack.Tests.Fakes;

/// <summary>Requests as Slack sends them: the payloads from Slack's documentation, signed with the signing secret.</summary>
public static class SlackRequests
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    public static HttpRequestMessage Signed(string path, string body, string contentType, DateTimeOffset at, string secret = SigningSecret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Encoding.ASCII.GetString(SlackSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, signature);
        return request;
    }

    public static HttpRequestMessage Event(string json, DateTimeOffset at) => Signed("/api/slack/events", json, "application/json", at);

    public static HttpRequestMessage Interaction(JsonObject payload, DateTimeOffset at) =>
        Signed("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded", at);

    public static HttpRequestMessage Command(string text, string user, string channel, DateTimeOffset at, string teamId = FakeSlackApi.TeamId) => Signed(
        "/api/slack/commands",
        string.Join('&', new Dictionary<string, string>
        {
            ["token"] = "deprecated-verification-token",
            ["team_id"] = teamId,
            ["team_domain"] = "intervisie",
            ["channel_id"] = channel,
            ["channel_name"] = "intervisie",
            ["user_id"] = user,
            ["user_name"] = user.ToLowerInvariant(),
            ["command"] = "/intervisie",
            ["text"] = text,
            ["api_app_id"] = "A0APP",
            ["response_url"] = "https://hooks.slack.invalid/commands/1/2/3",
            ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
        }.Select(kv => kv.Key + "=" + Uri.EscapeDataString(kv.Value))),
        "application/x-www-form-urlencoded",
        at);

    /// <summary>An <c>event_callback</c> with a message event (<c>app_mention</c> or <c>message</c>).</summary>
    public static string MessageEvent(
        string eventId, string type, string user, string channel, string text, string ts, string channelType = "channel", JsonObject? extra = null)
    {
        var e = new JsonObject
        {
            ["type"] = type,
            ["user"] = user,
            ["text"] = text,
            ["ts"] = ts,
            ["channel"] = channel,
            ["event_ts"] = ts,
            ["channel_type"] = channelType,
        };
        foreach (var (key, value) in extra ?? [])
        {
            e[key] = value?.DeepClone();
        }

        return Envelope(eventId, e);
    }

    public static string Envelope(string eventId, JsonObject e) => new JsonObject
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = FakeSlackApi.TeamId,
        ["api_app_id"] = "A0APP",
        ["event"] = e.DeepClone(),
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1_767_600_000,
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = null,
            ["team_id"] = FakeSlackApi.TeamId,
            ["user_id"] = FakeSlackApi.BotUserId,
            ["is_bot"] = true,
            ["is_enterprise_install"] = false,
        }),
    }.ToJsonString();

    /// <summary>A <c>block_actions</c> payload: <paramref name="user"/> pressed <paramref name="action"/> in the message <paramref name="messageTs"/>.</summary>
    public static JsonObject ButtonPress(string user, string channel, string messageTs, JsonObject action, JsonObject? stateValues = null) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = FakeSlackApi.TeamId },
        ["api_app_id"] = "A0APP",
        ["token"] = "deprecated-verification-token",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["trigger_id"] = "12466734323.1395872398.4b2f",
        ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId, ["domain"] = "intervisie" },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "intervisie" },
        ["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs },
        ["state"] = new JsonObject { ["values"] = stateValues?.DeepClone() ?? new JsonObject() },
        ["response_url"] = "https://hooks.slack.invalid/actions/1/2/3",
        ["actions"] = new JsonArray(action),
    };

    /// <summary>The button of a message as the bot rendered it, pressed: Slack sends back its action id and value.</summary>
    public static JsonObject Pressed(JsonObject button) => new()
    {
        ["type"] = "button",
        ["action_id"] = button["action_id"]!.GetValue<string>(),
        ["block_id"] = "buttons",
        ["text"] = button["text"]!.DeepClone(),
        ["value"] = button["value"]?.GetValue<string>(),
        ["action_ts"] = "1767600001.000100",
    };

    public static JsonObject ViewSubmission(string user, JsonObject view, JsonObject stateValues)
    {
        var submitted = view.DeepClone().AsObject();
        submitted["id"] = "V0FORM";
        submitted["state"] = new JsonObject { ["values"] = stateValues.DeepClone() };
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId, ["domain"] = "intervisie" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = FakeSlackApi.TeamId },
            ["api_app_id"] = "A0APP",
            ["token"] = "deprecated-verification-token",
            ["trigger_id"] = "12466734323.1395872398.ab12",
            ["view"] = submitted,
        };
    }
}

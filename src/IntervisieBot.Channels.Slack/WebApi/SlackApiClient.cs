using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.Slack.WebApi;

/// <summary>A Slack user as the bot needs them: how to call them, which language they use, and whether they are a person.</summary>
public sealed record SlackUser(string Id, string Name, string? Locale, bool IsBot, bool Deleted);

/// <summary>What <c>oauth.v2.access</c> gives for a new installation.</summary>
public sealed record SlackInstallation(string TeamId, string? TeamName, string BotToken, string BotUserId, string? Scope);

/// <summary>
/// Slack's Web API (<c>POST {ApiBaseUrl}{method}</c>, <c>Authorization: Bearer xoxb-…</c>): one HTTP request per call,
/// no retries (those belong to <see cref="SlackSender"/>). Writes send JSON; reads send a form, as those methods
/// take no JSON. <c>ok:false</c> and HTTP errors become <see cref="SlackApiException"/>.
/// </summary>
public sealed class SlackApiClient(IHttpClientFactory httpClientFactory, IOptions<SlackOptions> options)
{
    public const string HttpClientName = "Slack.WebApi";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly Uri _base = new(options.Value.ApiBaseUrl.EndsWith('/') ? options.Value.ApiBaseUrl : options.Value.ApiBaseUrl + "/");

    /// <summary>Posts a message; returns its <c>ts</c>, which is the message's id within the channel.</summary>
    public async Task<string> PostMessageAsync(string token, string channel, string text, JsonArray? blocks, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text, ["unfurl_links"] = false, ["unfurl_media"] = false };
        if (blocks is not null)
        {
            body["blocks"] = blocks.DeepClone();
        }

        var answer = await PostJsonAsync("chat.postMessage", token, body, cancellationToken);
        return String(answer, "ts") ?? throw new SlackApiException("chat.postMessage", HttpStatusCode.OK, "no_ts");
    }

    public async Task UpdateMessageAsync(string token, string channel, string ts, string text, JsonArray? blocks, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text, ["blocks"] = blocks?.DeepClone() ?? new JsonArray() };
        await PostJsonAsync("chat.update", token, body, cancellationToken);
    }

    public async Task<string?> PostEphemeralAsync(string token, string channel, string user, string text, JsonArray? blocks, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text };
        if (blocks is not null)
        {
            body["blocks"] = blocks.DeepClone();
        }

        var answer = await PostJsonAsync("chat.postEphemeral", token, body, cancellationToken);
        return String(answer, "message_ts");
    }

    /// <summary>Opens (or finds) the direct message channel with <paramref name="userId"/>; returns its id (<c>D…</c>).</summary>
    public async Task<string> OpenDirectMessageAsync(string token, string userId, CancellationToken cancellationToken = default)
    {
        var answer = await PostJsonAsync("conversations.open", token, new JsonObject { ["users"] = userId }, cancellationToken);
        return answer.TryGetProperty("channel", out var channel) && String(channel, "id") is { } id
            ? id
            : throw new SlackApiException("conversations.open", HttpStatusCode.OK, "no_channel");
    }

    /// <summary>One page of a channel's member ids; pass the cursor back for the next, until it is null.</summary>
    public async Task<(IReadOnlyList<string> Members, string? NextCursor)> GetMembersAsync(
        string token, string channel, string? cursor, int limit = 200, CancellationToken cancellationToken = default)
    {
        var form = new Dictionary<string, string> { ["channel"] = channel, ["limit"] = limit.ToString(CultureInfo.InvariantCulture) };
        if (!string.IsNullOrEmpty(cursor))
        {
            form["cursor"] = cursor;
        }

        var answer = await PostFormAsync("conversations.members", token, form, cancellationToken);
        var members = answer.TryGetProperty("members", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).ToList()
            : [];
        var next = answer.TryGetProperty("response_metadata", out var meta) ? String(meta, "next_cursor") : null;
        return (members, string.IsNullOrEmpty(next) ? null : next);
    }

    public async Task<SlackUser> GetUserAsync(string token, string userId, CancellationToken cancellationToken = default)
    {
        var answer = await PostFormAsync("users.info", token, new Dictionary<string, string> { ["user"] = userId, ["include_locale"] = "true" }, cancellationToken);
        if (!answer.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object)
        {
            throw new SlackApiException("users.info", HttpStatusCode.OK, "no_user");
        }

        var profile = user.TryGetProperty("profile", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var name = new[]
        {
            profile.ValueKind == JsonValueKind.Object ? String(profile, "display_name") : null,
            profile.ValueKind == JsonValueKind.Object ? String(profile, "real_name") : null,
            String(user, "real_name"),
            String(user, "name"),
        }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? userId;
        return new SlackUser(userId, name, String(user, "locale"), Bool(user, "is_bot") || userId == "USLACKBOT", Bool(user, "deleted"));
    }

    public Task OpenViewAsync(string token, string triggerId, JsonObject view, CancellationToken cancellationToken = default) =>
        PostJsonAsync("views.open", token, new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() }, cancellationToken);

    /// <summary>Who the token is: the bot's user id and its workspace.</summary>
    public async Task<(string UserId, string TeamId)> AuthTestAsync(string token, CancellationToken cancellationToken = default)
    {
        var answer = await PostFormAsync("auth.test", token, new Dictionary<string, string>(), cancellationToken);
        return (String(answer, "user_id") ?? throw new SlackApiException("auth.test", HttpStatusCode.OK, "no_user_id"), String(answer, "team_id") ?? "");
    }

    /// <summary>Exchanges the code of an installation for the workspace's bot token (OAuth v2).</summary>
    public async Task<SlackInstallation> ExchangeCodeAsync(string clientId, string clientSecret, string code, string? redirectUri, CancellationToken cancellationToken = default)
    {
        var form = new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = clientSecret, ["code"] = code };
        if (redirectUri is not null)
        {
            form["redirect_uri"] = redirectUri;
        }

        var answer = await PostFormAsync("oauth.v2.access", null, form, cancellationToken);
        var team = answer.TryGetProperty("team", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
        var teamId = team.ValueKind == JsonValueKind.Object ? String(team, "id") : null;
        var token = String(answer, "access_token");
        var botUser = String(answer, "bot_user_id");
        if (teamId is null || token is null || botUser is null || String(answer, "token_type") is not (null or "bot"))
        {
            throw new SlackApiException("oauth.v2.access", HttpStatusCode.OK, "incomplete_installation");
        }

        return new SlackInstallation(teamId, String(team, "name"), token, botUser, String(answer, "scope"));
    }

    private Task<JsonElement> PostJsonAsync(string method, string token, JsonObject body, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
        content.Headers.ContentType = Json;
        return SendAsync(method, token, content, cancellationToken);
    }

    private Task<JsonElement> PostFormAsync(string method, string? token, Dictionary<string, string> form, CancellationToken cancellationToken) =>
        SendAsync(method, token, new FormUrlEncodedContent(form), cancellationToken);

    private async Task<JsonElement> SendAsync(string method, string? token, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_base, method)) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement root = default;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // A proxy's page or an empty answer: the status alone must tell.
        }

        var error = root.ValueKind == JsonValueKind.Object ? String(root, "error") : null;
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(method, response.StatusCode, error, RetryAfter(response));
        }

        if (root.ValueKind != JsonValueKind.Object || !Bool(root, "ok"))
        {
            throw new SlackApiException(method, response.StatusCode, error ?? "not_ok", RetryAfter(response));
        }

        return root;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : null);

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}

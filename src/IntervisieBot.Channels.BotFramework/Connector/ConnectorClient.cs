using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IntervisieBot.Channels.BotFramework.Schema;

namespace IntervisieBot.Channels.BotFramework.Connector;

/// <summary>
/// The Connector REST API v3 of one service URL: one HTTP request per call, no retries (those belong to
/// <see cref="OutboundSender"/>). Errors become <see cref="ConnectorException"/>. The service URL is checked
/// against <see cref="ServiceUrlPolicy"/> when the client is made, so a token never leaves for a host not allowed.
/// </summary>
public sealed class ConnectorClient
{
    public const string CorrelationHeader = "X-Correlating-OperationId";

    public const string MessageWritesBlocked = "MessageWritesBlocked";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly IBotTokenProvider _tokens;

    public ConnectorClient(HttpClient http, string serviceUrl, IBotTokenProvider tokens, ServiceUrlPolicy policy)
    {
        _http = http;
        _tokens = tokens;
        var uri = policy.Validate(serviceUrl);

        // Teams service URLs carry a path (https://smba.trafficmanager.net/emea/): keep it, and add to it.
        ServiceUrl = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    public Uri ServiceUrl { get; }

    public Task<ResourceResponse> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, Activities(conversationId, activityId), activity, cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, Activities(conversationId), activity, cancellationToken);

    /// <summary>Replaces the activity as a whole (Teams keeps none of the old fields).</summary>
    public Task<ResourceResponse> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, Activities(conversationId, activityId), activity, cancellationToken);

    public Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        SendAsync<object>(HttpMethod.Delete, Activities(conversationId, activityId), null, cancellationToken);

    public Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendAsync<ConversationResourceResponse>(HttpMethod.Post, "v3/conversations", parameters, cancellationToken);

    public async Task<IReadOnlyList<ChannelAccount>> GetConversationMembersAsync(string conversationId, CancellationToken cancellationToken = default) =>
        await SendAsync<List<ChannelAccount>>(HttpMethod.Get, Conversation(conversationId) + "/members", null, cancellationToken) ?? [];

    public Task<PagedMembersResult> GetConversationPagedMembersAsync(
        string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (pageSize is { } size)
        {
            query.Add("pageSize=" + size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (continuationToken is not null)
        {
            query.Add("continuationToken=" + Uri.EscapeDataString(continuationToken));
        }

        var path = Conversation(conversationId) + "/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return SendAsync<PagedMembersResult>(HttpMethod.Get, path, null, cancellationToken);
    }

    /// <summary>Ids are escaped whole: Teams channel ids hold ':', '@' and ';messageid=', which must not split the path.</summary>
    private static string Conversation(string conversationId) =>
        "v3/conversations/" + Uri.EscapeDataString(NotEmpty(conversationId, nameof(conversationId)));

    private static string Activities(string conversationId, string? activityId = null) =>
        Conversation(conversationId) + "/activities" + (activityId is null ? "" : "/" + Uri.EscapeDataString(NotEmpty(activityId, nameof(activityId))));

    private static string NotEmpty(string value, string name) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException("An id is required.", name) : value;

    private async Task<T> SendAsync<T>(HttpMethod method, string relativePath, object? body, CancellationToken cancellationToken)
        where T : class, new()
    {
        using var request = new HttpRequestMessage(method, new Uri(ServiceUrl, relativePath));
        if (body is not null)
        {
            // Serialized up front, so the request has a Content-Length (no chunking) and can be measured.
            var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BotFrameworkJson.Options));
            content.Headers.ContentType = Json;
            request.Content = content;
        }

        if (await _tokens.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ToExceptionAsync(response, cancellationToken);
        }

        // Delete and some channels answer with no body at all.
        if (response.Content.Headers.ContentLength == 0 || response.StatusCode == HttpStatusCode.NoContent)
        {
            return new T();
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return bytes.Length == 0 ? new T() : JsonSerializer.Deserialize<T>(bytes, BotFrameworkJson.Options) ?? new T();
    }

    private static async Task<ConnectorException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var correlationId = response.Headers.TryGetValues(CorrelationHeader, out var values) ? values.FirstOrDefault() : null;
        var (code, message) = await ReadErrorAsync(response, cancellationToken);
        return response.StatusCode == HttpStatusCode.RequestEntityTooLarge
            ? new MessageTooLargeException(code, correlationId)
            : new ConnectorException(response.StatusCode, code, message, correlationId, response.Headers.RetryAfter);
    }

    /// <summary>
    /// <c>{error:{code, message}}</c> as a rule. Teams has also answered a blocked chat with
    /// <c>{errorCode:209, message:"{\"subCode\":\"MessageWritesBlocked\", …}"}</c>: there the sub-code is what tells
    /// the bot to stop writing, so it becomes the code.
    /// </summary>
    private static async Task<(string? Code, string? Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return (null, null);
        }

        string? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var root = document.RootElement;
                var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : root;
                code = StringOf(error, "code");
                message = StringOf(error, "message");
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, or nothing): the status alone must do.
        }

        return (text.Contains(MessageWritesBlocked, StringComparison.Ordinal) ? MessageWritesBlocked : code, message);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

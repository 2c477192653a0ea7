using System.Globalization;
using System.Text.Json;
using IntervisieBot.Channels.BotFramework.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntervisieBot.Channels.BotFramework.Tests.Connector;

/// <summary>
/// A stand-in for the Bot Framework connector (Connector REST API v3) on 127.0.0.1 and a free port: it records every
/// request and answers as Teams does, or as scripted (429 with Retry-After, 503, 403 with a code, 413, …). Arrival
/// times are read from the clock it is given, so tests compare them with what a sender on the same clock did.
/// Add "127.0.0.1" to <c>BotFramework:AllowedServiceUrlHosts</c> to let the bot call it.
/// </summary>
public sealed class FakeConnectorServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(Func<RecordedRequest, bool> When, FakeAnswer Answer)> _scripts = [];
    private readonly Dictionary<string, List<ChannelAccount>> _members = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly string _basePath;
    private WebApplication? _app;

    private FakeConnectorServer(TimeProvider clock, string basePath)
    {
        _clock = clock;
        _basePath = basePath;
    }

    /// <summary>The service URL to put in activities and conversation references (ends with '/').</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>Decides answers the scripts do not (null: the default answer). Runs under the server's lock.</summary>
    public Func<RecordedRequest, FakeAnswer?>? Responder { get; set; }

    /// <summary>Every request so far, in order of arrival.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The requests answered with success: what Teams would have shown or done.</summary>
    public IReadOnlyList<RecordedRequest> Delivered => Requests.Where(r => r.Status is >= 200 and < 300).ToList();

    /// <param name="clock">The clock arrival times are read from (default: the system clock).</param>
    /// <param name="basePath">The service URL's path; Teams' have one, e.g. <c>/emea/</c>.</param>
    public static async Task<FakeConnectorServer> StartAsync(TimeProvider? clock = null, string basePath = "/")
    {
        var server = new FakeConnectorServer(clock ?? TimeProvider.System, "/" + basePath.Trim('/') + (basePath.Trim('/').Length > 0 ? "/" : ""));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server._app = app;
        server.ServiceUrl = address.TrimEnd('/') + server._basePath;
        return server;
    }

    /// <summary>Answers the next <paramref name="times"/> requests that match <paramref name="when"/> (any, when null) with <paramref name="answer"/>.</summary>
    public void Script(FakeAnswer answer, Func<RecordedRequest, bool>? when = null, int times = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _scripts.Add((when ?? (_ => true), answer));
            }
        }
    }

    /// <summary>The members GET members and GET pagedmembers return for a conversation.</summary>
    public void SetMembers(string conversationId, params ChannelAccount[] members)
    {
        lock (_gate)
        {
            _members[conversationId] = [.. members];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrivedAt = _clock.GetUtcNow();
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);

        RecordedRequest request;
        (int Status, string? Body) reply;
        string? retryAfter;
        lock (_gate)
        {
            var route = Route.Parse(rawTarget, _basePath);
            request = new RecordedRequest
            {
                Sequence = _requests.Count + 1,
                IndexInConversation = _requests.Count(r => r.ConversationId is not null && r.ConversationId == route.ConversationId) + 1,
                Method = context.Request.Method,
                RawTarget = rawTarget,
                ConversationId = route.ConversationId,
                ActivityId = route.ActivityId,
                Resource = route.Resource,
                Query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
                Body = body,
                Authorization = context.Request.Headers.Authorization.FirstOrDefault(),
                ContentType = context.Request.ContentType,
                ArrivedAt = arrivedAt,
            };

            var answer = TakeScript(request) ?? Responder?.Invoke(request);
            (reply, retryAfter) = answer is null ? (DefaultAnswer(request), null) : (answer.ToReply(), answer.RetryAfter);
            _requests.Add(request with { Status = reply.Status });
        }

        context.Response.StatusCode = reply.Status;
        context.Response.Headers["X-Correlating-OperationId"] = "fake-" + request.Sequence.ToString(CultureInfo.InvariantCulture);
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }
    }

    private FakeAnswer? TakeScript(RecordedRequest request)
    {
        var index = _scripts.FindIndex(s => s.When(request));
        if (index < 0)
        {
            return null;
        }

        var answer = _scripts[index].Answer;
        _scripts.RemoveAt(index);
        return answer;
    }

    /// <summary>What Teams answers when all is well.</summary>
    private (int Status, string? Body) DefaultAnswer(RecordedRequest request)
    {
        var sequence = request.Sequence.ToString(CultureInfo.InvariantCulture);
        return (request.Method, request.Resource) switch
        {
            ("POST", "activities") => (201, Json(new ResourceResponse { Id = "activity-" + sequence })),
            ("PUT", "activities") => (200, Json(new ResourceResponse { Id = request.ActivityId })),
            ("DELETE", "activities") => (200, null),
            ("POST", "conversations") => (201, Json(new ConversationResourceResponse { Id = "a:personal-" + sequence, ServiceUrl = ServiceUrl })),
            ("GET", "members") => (200, Json(_members.GetValueOrDefault(request.ConversationId!) ?? [])),
            ("GET", "pagedmembers") => (200, Json(Page(request))),
            _ => (404, Json(new { error = new { code = "NotFound", message = "No such connector operation." } })),
        };
    }

    /// <summary>Pages of pageSize members (default 2); the continuation token is the index of the next member.</summary>
    private PagedMembersResult Page(RecordedRequest request)
    {
        var all = _members.GetValueOrDefault(request.ConversationId!) ?? [];
        var size = request.Query.TryGetValue("pageSize", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 2;
        var start = request.Query.TryGetValue("continuationToken", out var t) ? int.Parse(t, CultureInfo.InvariantCulture) : 0;
        var next = start + size;
        return new PagedMembersResult
        {
            Members = all.Skip(start).Take(size).ToList(),
            ContinuationToken = next < all.Count ? next.ToString(CultureInfo.InvariantCulture) : null,
        };
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, BotFrameworkJson.Options);

    /// <summary>The parts of a connector path; each segment is unescaped on its own, so an escaped '/' stays in its id.</summary>
    private readonly record struct Route(string? ConversationId, string? ActivityId, string? Resource)
    {
        public static Route Parse(string rawTarget, string basePath)
        {
            var path = rawTarget.Split('?')[0];
            if (!path.StartsWith(basePath, StringComparison.Ordinal))
            {
                return default;
            }

            var segments = path[basePath.Length..].Split('/').Select(Uri.UnescapeDataString).ToArray();
            return segments switch
            {
                ["v3", "conversations"] => new Route(null, null, "conversations"),
                ["v3", "conversations", var id, "activities"] => new Route(id, null, "activities"),
                ["v3", "conversations", var id, "activities", var activityId] => new Route(id, activityId, "activities"),
                ["v3", "conversations", var id, var resource] => new Route(id, null, resource),
                _ => default,
            };
        }
    }
}

/// <summary>One request as the fake connector received it, and the status it answered.</summary>
public sealed record RecordedRequest
{
    public int Sequence { get; init; }

    /// <summary>1 for the first request to this conversation, and so on (retries count).</summary>
    public int IndexInConversation { get; init; }

    public required string Method { get; init; }

    /// <summary>The path and query exactly as sent, still escaped.</summary>
    public required string RawTarget { get; init; }

    /// <summary>The conversation id from the path, unescaped.</summary>
    public string? ConversationId { get; init; }

    public string? ActivityId { get; init; }

    /// <summary><c>activities</c>, <c>members</c>, <c>pagedmembers</c> or <c>conversations</c> (create).</summary>
    public string? Resource { get; init; }

    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    public string Body { get; init; } = "";

    public string? Authorization { get; init; }

    public string? ContentType { get; init; }

    public DateTimeOffset ArrivedAt { get; init; }

    public int Status { get; init; }

    public Activity? Activity => Body.Length == 0 ? null : JsonSerializer.Deserialize<Activity>(Body, BotFrameworkJson.Options);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>A scripted answer: a status, an <c>{error:{code,message}}</c> body, optionally a raw body and Retry-After.</summary>
public sealed record FakeAnswer(int Status, string? ErrorCode = null, string? RawBody = null, string? RetryAfter = null)
{
    public static FakeAnswer Throttled(TimeSpan retryAfter) =>
        new(429, "Throttled", RetryAfter: ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture));

    public static FakeAnswer ThrottledUntil(DateTimeOffset date) => new(429, "Throttled", RetryAfter: date.ToString("R", CultureInfo.InvariantCulture));

    public static FakeAnswer ThrottledWithoutRetryAfter() => new(429, "Throttled");

    public static FakeAnswer Unavailable() => new(503);

    public static FakeAnswer Error(int status, string code) => new(status, code);

    internal (int Status, string? Body) ToReply() =>
        (Status, RawBody ?? (ErrorCode is null ? null : JsonSerializer.Serialize(new { error = new { code = ErrorCode, message = "Scripted by the test." } })));
}

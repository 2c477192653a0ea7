using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntervisieBot.Channels.Slack.Tests.Fakes;

/// <summary>
/// A stand-in for Slack's Web API on 127.0.0.1 and a free port: it keeps the workspace's channels, members, users and
/// messages, records every call, and answers as Slack does (ok:true with the fields the bot reads), or as scripted
/// (429 with Retry-After, ok:false with a code). Arrival times come from the clock it is given.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public const string TeamId = "T0INTERVISIE";
    public const string BotUserId = "U0BOT";
    public const string BotToken = "xoxb-test-token-1";

    private readonly Lock _gate = new();
    private readonly List<SlackCall> _calls = [];
    private readonly List<(Func<SlackCall, bool> When, SlackAnswer Answer)> _scripts = [];
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, string? Locale, bool IsBot)> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Channel, string Ts), JsonObject> _messages = [];
    private readonly TimeProvider _clock;
    private WebApplication? _app;
    private long _nextTs = 1_767_600_000_000_001;

    private FakeSlackApi(TimeProvider clock) => _clock = clock;

    /// <summary>What to put in <c>Slack:ApiBaseUrl</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The installation <c>oauth.v2.access</c> hands out.</summary>
    public (string Team, string Token, string BotUser) Installation { get; set; } = ("T0OTHER", "xoxb-installed-secret-token", "U0BOT2");

    public IReadOnlyList<SlackCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Calls Slack answered with ok:true: what users would have seen happen.</summary>
    public IReadOnlyList<SlackCall> Succeeded => Calls.Where(c => c.Ok).ToList();

    /// <summary>Messages posted to <paramref name="channel"/>, oldest first, as they are now (after updates).</summary>
    public IReadOnlyList<JsonObject> MessagesIn(string channel)
    {
        lock (_gate)
        {
            return _messages.Where(m => m.Key.Channel == channel).OrderBy(m => m.Key.Ts, StringComparer.Ordinal).Select(m => m.Value).ToList();
        }
    }

    public static async Task<FakeSlackApi> StartAsync(TimeProvider? clock = null)
    {
        var server = new FakeSlackApi(clock ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server._app = app;
        server.BaseUrl = address.TrimEnd('/') + "/api/";
        server.AddUser(BotUserId, "IntervisieBot", isBot: true);
        return server;
    }

    public void AddUser(string id, string name, string? locale = null, bool isBot = false)
    {
        lock (_gate)
        {
            _users[id] = (name, locale, isBot);
        }
    }

    public void SetMembers(string channel, params string[] members)
    {
        lock (_gate)
        {
            _members[channel] = [.. members];
        }
    }

    /// <summary>Answers the next <paramref name="times"/> calls that match <paramref name="when"/> with <paramref name="answer"/>.</summary>
    public void Script(SlackAnswer answer, Func<SlackCall, bool>? when = null, int times = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _scripts.Add((when ?? (_ => true), answer));
            }
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
        using var reader = new StreamReader(context.Request.Body);
        var raw = await reader.ReadToEndAsync(context.RequestAborted);
        var method = context.Request.Path.Value!["/api/".Length..];
        var body = ParseBody(raw, context.Request.ContentType);

        int status;
        string json;
        string? retryAfter = null;
        lock (_gate)
        {
            var call = new SlackCall(_calls.Count + 1, method, body, context.Request.Headers.Authorization.ToString(), arrivedAt);
            var script = _scripts.FindIndex(s => s.When(call));
            JsonObject answer;
            if (script >= 0)
            {
                var scripted = _scripts[script].Answer;
                _scripts.RemoveAt(script);
                (status, answer, retryAfter) = (scripted.Status, new JsonObject { ["ok"] = false, ["error"] = scripted.Error }, scripted.RetryAfter);
            }
            else
            {
                (status, answer) = Answer(call);
            }

            _calls.Add(call with { Status = status, Ok = status == 200 && answer["ok"]?.GetValue<bool>() == true, Answer = answer });
            json = answer.ToJsonString();
        }

        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    private (int Status, JsonObject Answer) Answer(SlackCall call)
    {
        if (call.Method != "oauth.v2.access" && call.Authorization is not ("Bearer " + BotToken) && call.Authorization != "Bearer " + Installation.Token)
        {
            return (200, Error("invalid_auth"));
        }

        switch (call.Method)
        {
            case "chat.postMessage":
            {
                var channel = call.String("channel");
                var ts = NextTs();
                _messages[(channel, ts)] = Copy(call.Body, ts);
                return (200, new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts });
            }

            case "chat.update":
            {
                var key = (call.String("channel"), call.String("ts"));
                if (!_messages.ContainsKey(key))
                {
                    return (200, Error("message_not_found"));
                }

                _messages[key] = Copy(call.Body, key.Item2);
                return (200, new JsonObject { ["ok"] = true, ["channel"] = key.Item1, ["ts"] = key.Item2 });
            }

            case "chat.postEphemeral":
                return (200, new JsonObject { ["ok"] = true, ["message_ts"] = NextTs() });
            case "conversations.open":
                return (200, new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + call.String("users") } });
            case "conversations.members":
            {
                if (!_members.TryGetValue(call.String("channel"), out var members))
                {
                    return (200, Error("channel_not_found"));
                }

                // Pages of two, so the bot must follow the cursor.
                var start = int.TryParse(call.String("cursor"), CultureInfo.InvariantCulture, out var s) ? s : 0;
                var page = members.Skip(start).Take(2).ToList();
                var next = start + 2 < members.Count ? (start + 2).ToString(CultureInfo.InvariantCulture) : "";
                return (200, new JsonObject
                {
                    ["ok"] = true,
                    ["members"] = new JsonArray(page.Select(m => (JsonNode?)m).ToArray()),
                    ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
                });
            }

            case "users.info":
            {
                var id = call.String("user");
                if (!_users.TryGetValue(id, out var user))
                {
                    return (200, Error("user_not_found"));
                }

                var answer = new JsonObject
                {
                    ["id"] = id,
                    ["name"] = user.Name.ToLowerInvariant(),
                    ["is_bot"] = user.IsBot,
                    ["deleted"] = false,
                    ["profile"] = new JsonObject { ["display_name"] = user.Name, ["real_name"] = user.Name + " Jansen" },
                };
                if (user.Locale is not null)
                {
                    answer["locale"] = user.Locale;
                }

                return (200, new JsonObject { ["ok"] = true, ["user"] = answer });
            }

            case "views.open":
                return (200, new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V" + call.Sequence.ToString(CultureInfo.InvariantCulture) } });
            case "auth.test":
                var token = call.Authorization == "Bearer " + BotToken;
                return (200, new JsonObject { ["ok"] = true, ["user_id"] = token ? BotUserId : Installation.BotUser, ["team_id"] = token ? TeamId : Installation.Team });
            case "oauth.v2.access":
                return call.String("code") == "good-code"
                    ? (200, new JsonObject
                    {
                        ["ok"] = true,
                        ["access_token"] = Installation.Token,
                        ["token_type"] = "bot",
                        ["scope"] = "chat:write,commands",
                        ["bot_user_id"] = Installation.BotUser,
                        ["app_id"] = "A0APP",
                        ["team"] = new JsonObject { ["id"] = Installation.Team, ["name"] = "Andere groep" },
                    })
                    : (200, Error("invalid_code"));
            default:
                return (200, Error("unknown_method"));
        }
    }

    private string NextTs()
    {
        var value = _nextTs++;
        return (value / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static JsonObject Copy(JsonObject body, string ts)
    {
        var copy = body.DeepClone().AsObject();
        copy["ts"] = ts;
        return copy;
    }

    private static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };

    private static JsonObject ParseBody(string raw, string? contentType)
    {
        if (contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return JsonNode.Parse(raw)?.AsObject() ?? [];
        }

        var form = QueryHelpers.ParseQuery(raw);
        return new JsonObject(form.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value.ToString()))));
    }
}

/// <summary>One Web API call as the fake received it, and how it answered.</summary>
public sealed record SlackCall(int Sequence, string Method, JsonObject Body, string Authorization, DateTimeOffset ArrivedAt)
{
    public int Status { get; init; }

    public bool Ok { get; init; }

    public JsonObject Answer { get; init; } = [];

    public string String(string name) => Body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";

    /// <summary>Everything the message shows: its text and the text of its blocks.</summary>
    public string Shown => Body.ToJsonString();
}

/// <summary>A scripted failure: an HTTP status, Slack's error code, and optionally Retry-After in seconds.</summary>
public sealed record SlackAnswer(int Status, string Error, string? RetryAfter = null)
{
    public static SlackAnswer RateLimited(TimeSpan retryAfter) => new(429, "ratelimited", ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture));

    public static SlackAnswer NotOk(string error) => new(200, error);
}

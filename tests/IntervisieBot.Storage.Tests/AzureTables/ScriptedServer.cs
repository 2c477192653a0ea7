using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IntervisieBot.Storage.Tests.AzureTables;

/// <summary>What the client sent, as the server saw it.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A Kestrel server on a free loopback port that answers request n with step n of a script (the last step repeats),
/// and records every request. Stands in for the table service where a test needs failures Azurite cannot produce.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<HttpContext, CancellationToken, Task>[] _script;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _count;

    private ScriptedServer(WebApplication app, Func<HttpContext, CancellationToken, Task>[] script)
    {
        _app = app;
        _script = script;
    }

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int RequestCount => Volatile.Read(ref _count);

    public static async Task<ScriptedServer> StartAsync(params Func<HttpContext, CancellationToken, Task>[] script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedServer(app, script);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Address = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>Answers with a status and, optionally, a JSON body and headers.</summary>
    public static Func<HttpContext, CancellationToken, Task> Respond(int status, string? json = null, params (string Name, string Value)[] headers) =>
        async (context, stopping) =>
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            if (json is not null)
            {
                context.Response.ContentType = "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";
                await context.Response.WriteAsync(json, stopping);
            }
        };

    /// <summary>The table service's error body.</summary>
    public static Func<HttpContext, CancellationToken, Task> Error(int status, string code, string message) =>
        Respond(status, "{\"odata.error\":{\"code\":\"" + code + "\",\"message\":{\"lang\":\"en-US\",\"value\":\"" + message
                        + "\\nRequestId:00000000-0000-0000-0000-000000000000\\nTime:2026-01-05T09:00:00.0000000Z\"}}}");

    /// <summary>Never answers, until the client gives up (or the server stops).</summary>
    public static Func<HttpContext, CancellationToken, Task> Hang() =>
        async (context, stopping) =>
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await Task.Delay(Timeout.Infinite, both.Token);
            }
            catch (OperationCanceledException)
            {
                // The client hung up: that is the point.
            }
        };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent(),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body));
        var index = Interlocked.Increment(ref _count) - 1;
        await _script[Math.Min(index, _script.Length - 1)](context, _stopping.Token);
    }
}

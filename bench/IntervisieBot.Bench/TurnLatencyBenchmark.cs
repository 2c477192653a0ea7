using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using IntervisieBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace IntervisieBot.Bench;

/// <summary>
/// One turn as a Teams user lives it: an activity POSTed to /api/messages on the real host (Kestrel, loopback,
/// embedded store), until the bot's reply reaches a fake connector. Each turn is a new group conversation, so the
/// per-conversation send limits do not enter into it; turns are sent one after another (latency, not throughput).
/// </summary>
public static class TurnLatencyBenchmark
{
    public static async Task<(double P50, double P99, double Max, double AckP50, int Count)> RunAsync(int turns)
    {
        using var folder = new TempDirectory();
        var arrivals = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var signals = new ConcurrentDictionary<string, TaskCompletionSource>(StringComparer.Ordinal);

        await using var connector = await StartConnectorAsync(arrivals, signals);
        var connectorUrl = connector.Urls.Single() + "/";

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddRepositorySettings();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = folder.File("bench.db"), ["Privacy:LocalKeyPath"] = folder.File("keys") });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddIntervisieBot();
        await using var bot = builder.Build();
        bot.MapIntervisieBot();
        await bot.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(bot.Urls.Single()) };

        var latencies = new List<double>();
        var acks = new List<double>();
        for (var i = -20; i < turns; i++)
        {
            var conversation = $"19:bench-{i + 100}@thread.v2";
            var signal = signals.GetOrAdd(conversation, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(Activity(conversation, connectorUrl), Encoding.UTF8, "application/json"));
            var acked = Stopwatch.GetTimestamp();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The bot answered {(int)response.StatusCode}.");
            }

            await signal.Task.WaitAsync(TimeSpan.FromSeconds(15));
            if (i >= 0)
            {
                // Warm-up turns (i < 0) are not counted: JIT, connection pools, table creation.
                latencies.Add(Stopwatch.GetElapsedTime(started, arrivals[conversation]).TotalMilliseconds);
                acks.Add(Stopwatch.GetElapsedTime(started, acked).TotalMilliseconds);
            }
        }

        await bot.StopAsync();
        latencies.Sort();
        acks.Sort();
        return (Percentile(latencies, 0.5), Percentile(latencies, 0.99), latencies[^1], Percentile(acks, 0.5), latencies.Count);
    }

    private static string Activity(string conversation, string serviceUrl) => JsonSerializer.Serialize(new
    {
        type = "message",
        id = Guid.NewGuid().ToString("N"),
        channelId = "msteams",
        serviceUrl,
        from = new { id = "29:bench-user", name = "Anna" },
        recipient = new { id = "28:bench-bot", name = "IntervisieBot" },
        conversation = new { id = conversation, conversationType = "groupChat", isGroup = true, tenantId = conversation },
        text = "<at>IntervisieBot</at> hulp",
        entities = new object[] { new { type = "mention", text = "<at>IntervisieBot</at>", mentioned = new { id = "28:bench-bot", name = "IntervisieBot" } } },
        locale = "nl-NL",
    });

    private static async Task<WebApplication> StartConnectorAsync(ConcurrentDictionary<string, long> arrivals, ConcurrentDictionary<string, TaskCompletionSource> signals)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v3/conversations/{conversation}/activities", (string conversation) =>
        {
            var id = Uri.UnescapeDataString(conversation);
            arrivals.TryAdd(id, Stopwatch.GetTimestamp());
            signals.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            return Results.Json(new { id = "reply-" + id });
        });
        await app.StartAsync();
        return app;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    public static string Describe((double P50, double P99, double Max, double AckP50, int Count) r) => string.Create(
        CultureInfo.InvariantCulture,
        $"| help message in a Teams group chat → help card at the connector | {r.Count} | {r.AckP50:0.00} | {r.P50:0.00} | {r.P99:0.00} | {r.Max:0.00} |");
}

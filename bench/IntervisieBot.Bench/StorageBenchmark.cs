using System.Diagnostics;
using System.Globalization;
using IntervisieBot.Storage.AzureTables;
using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;

namespace IntervisieBot.Bench;

public sealed record BenchResult(string Store, string Operation, int Count, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public string ToMarkdownRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Store} | {Operation} | {PerSecond:N0} | {P50Ms:0.00} | {P99Ms:0.00} | {Count:N0} |");
}

public static class StorageBenchmark
{
    private const int Entities = 1000;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(string store, TimeSpan duration, int concurrency)
    {
        var results = new List<BenchResult>();
        if (store is "all" or "sqlite")
        {
            using var folder = new TempDirectory();
            using var sqlite = new SqliteTableServiceClient(folder.File("bench.db"), "", TimeProvider.System);
            results.AddRange(await MeasureAsync("SQLite", sqlite, duration, concurrency));
        }

        if (store is "all" or "azurite")
        {
            await using var azurite = await AzuriteServer.StartAsync();
            using var http = new HttpClient();
            var client = AzureTableServiceClient.FromConnectionString(azurite.ConnectionString, http);
            results.AddRange(await MeasureAsync("Azurite", client, duration, concurrency));
        }

        return results;
    }

    private static async Task<IEnumerable<BenchResult>> MeasureAsync(string name, ITableServiceClient service, TimeSpan duration, int concurrency)
    {
        var table = service.GetTableClient("bench" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        for (var start = 0; start < Entities; start += 100)
        {
            await table.SubmitTransactionAsync(Enumerable.Range(start, 100).Select(i =>
                new TableTransactionAction(TableTransactionActionType.Add, Sample(i, 0))));
        }

        // Warm-up: connections, JIT, caches.
        await RunWorkersAsync(TimeSpan.FromSeconds(1), concurrency, (_, _) => table.GetEntityIfExistsAsync("bench", "row-0001"));

        var reads = await RunWorkersAsync(duration, concurrency, async (worker, random) =>
        {
            var row = random.Next(Entities);
            _ = await table.GetEntityIfExistsAsync("bench", $"row-{row:D4}") ?? throw new InvalidOperationException("Entity lost.");
        });

        // Each writer owns one entity and updates it on the version it last wrote: a conditional write every time.
        var etags = new ETag[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            etags[w] = (await table.GetEntityIfExistsAsync("bench", $"row-{w:D4}"))!.ETag;
        }

        var version = new int[concurrency];
        var writes = await RunWorkersAsync(duration, concurrency, async (worker, _) =>
        {
            version[worker]++;
            etags[worker] = await table.UpdateEntityAsync(Sample(worker, version[worker]), etags[worker], TableUpdateMode.Replace);
        });

        return [Result(name, "point read", reads, duration), Result(name, "conditional write", writes, duration)];
    }

    private static TableEntity Sample(int row, int version)
    {
        var entity = new TableEntity("bench", $"row-{row:D4}")
        {
            ["Title"] = "Een lastige situatie met een collega",
            ["Version"] = version,
            ["Due"] = new DateTimeOffset(2026, 12, 1, 19, 0, 0, TimeSpan.Zero),
            ["Owner"] = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
            ["Count"] = 42L,
        };
        return entity;
    }

    private static async Task<List<double>> RunWorkersAsync(TimeSpan duration, int concurrency, Func<int, Random, Task> operation)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var random = new Random(worker);
            var latencies = new List<double>();
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(worker, random);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return latencies;
        }));
        return perWorker.SelectMany(l => l).ToList();
    }

    private static BenchResult Result(string store, string operation, List<double> latencies, TimeSpan duration)
    {
        latencies.Sort();
        return new BenchResult(store, operation, latencies.Count, duration, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

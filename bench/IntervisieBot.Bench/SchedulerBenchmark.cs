using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using IntervisieBot.Channels.BotFramework.Connector;
using IntervisieBot.Channels.BotFramework.References;
using IntervisieBot.Conversations;
using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Scheduling;
using IntervisieBot.Storage.AzureTables;
using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Bench;

public sealed record TickResult(string Store, int Groups, int Due, TimeSpan Seeding, TimeSpan DueTick, int DueReads, int DueWrites, TimeSpan IdleTick, int IdleReads)
{
    public string ToMarkdownRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Store} | {Groups:N0} | {Due:N0} | {DueTick.TotalMilliseconds:N0} | {DueReads:N0} | {DueWrites:N0} | {IdleTick.TotalMilliseconds:0.0} | {IdleReads} | {Seeding.TotalSeconds:N0} |");
}

public sealed record DeliveryResult(int Messages, int Groups, int Tenants, TimeSpan Elapsed, int Throttled, double FloorSeconds)
{
    public string ToMarkdownRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Messages:N0} | {Groups:N0} | {Tenants} | {Elapsed.TotalSeconds:0.0} | {FloorSeconds:0.0} | {Messages / Elapsed.TotalSeconds:0.0} | {Throttled} |");
}

/// <summary>
/// The scheduler's cost. One tick: N groups each with work planned for later, 1 % of them with work due
/// now; the tick runs that work (a handler that does nothing, so the scheduler's own reads and writes are measured)
/// and a second tick finds nothing due. Delivery: 1,000 due messages sent by the real host through the Bot Framework
/// messenger (rate limiter, retries, stored conversation references) to a fake connector that answers 429 to anything
/// over Teams' published limits.
/// </summary>
public static class SchedulerBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 30, TimeSpan.Zero);

    public static async IAsyncEnumerable<TickResult> RunTicksAsync(string store, IReadOnlyList<int> sizes)
    {
        foreach (var groups in sizes)
        {
            if (store is "all" or "sqlite")
            {
                using var folder = new TempDirectory();
                using var sqlite = new SqliteTableServiceClient(folder.File("bench.db"), "", TimeProvider.System);
                yield return await MeasureTickAsync("SQLite", sqlite, groups);
            }

            if (store is "all" or "azurite")
            {
                await using var azurite = await AzuriteServer.StartAsync();
                using var http = new HttpClient();
                yield return await MeasureTickAsync("Azurite", AzureTableServiceClient.FromConnectionString(azurite.ConnectionString, http), groups);
            }
        }
    }

    private static async Task<TickResult> MeasureTickAsync(string name, ITableServiceClient tables, int groups)
    {
        var time = new FakeTimeProvider(Now);
        var counting = new CountingTables(tables);
        using var store = new DueWorkStore(counting, time);
        using var reachability = new GroupReachability(counting, time);
        var handler = new NothingHandler();
        var runner = new DueWorkRunner(store, [handler], reachability, Options.Create(new SchedulerOptions { InstanceId = "bench" }), time, NullLogger<DueWorkRunner>.Instance);
        await store.ScheduleAsync(Work(-1, Now.AddDays(60)));

        var seeding = Stopwatch.StartNew();
        var due = groups / 100;
        await SeedAsync(tables, groups, due);
        seeding.Stop();

        counting.Reset();
        var started = Stopwatch.GetTimestamp();
        var tick = await runner.TickAsync();
        var dueTick = Stopwatch.GetElapsedTime(started);
        var (dueReads, dueWrites) = (counting.Reads, counting.Writes);
        if (tick.Done != due || handler.Count != due)
        {
            throw new InvalidOperationException($"Expected {due} done, the tick reported {tick}.");
        }

        time.Advance(TimeSpan.FromSeconds(30));
        counting.Reset();
        started = Stopwatch.GetTimestamp();
        var idle = await runner.TickAsync();
        var idleTick = Stopwatch.GetElapsedTime(started);
        return idle.Due != 0
            ? throw new InvalidOperationException("The second tick found work.")
            : new TickResult(name, groups, due, seeding.Elapsed, dueTick, dueReads, dueWrites, idleTick, counting.Reads);
    }

    /// <summary>Each group has work planned later (a hundred a minute from tomorrow on); every hundredth group also has work due now.</summary>
    private static async Task SeedAsync(ITableServiceClient tables, int groups, int due)
    {
        var rows = tables.GetTableClient(DueWorkStore.TableName);
        var index = tables.GetTableClient(DueWorkStore.IndexTableName);
        var pointers = new ConcurrentQueue<TableEntity>();
        var planned = Enumerable.Range(0, groups).Select(i => Work(i, Now.AddDays(1).AddMinutes(i / 100), "later"))
            .Concat(Enumerable.Range(0, due).Select(i => Work(i * 100, Now.AddSeconds(-(i % 60)), "now")))
            .Select(work =>
            {
                var data = DueWorkStore.SerializeData(work.Data);
                var row = DueWorkStore.NewRow(work, data, work.DueAt);
                pointers.Enqueue(DueWorkStore.Pointer(work, data, row));
                return row;
            })
            .GroupBy(r => r.PartitionKey)
            .SelectMany(bucket => bucket.Chunk(100))
            .ToList();
        await Parallel.ForEachAsync(planned, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) =>
            await rows.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), ct));
        await Parallel.ForEachAsync(pointers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (pointer, ct) => await index.AddEntityAsync(pointer, ct));
    }

    private static DueWork Work(int group, DateTimeOffset at, string id = "reminder") =>
        new(Group(group, "tenant-1"), id, NothingHandler.WorkKind, at) { Data = new Dictionary<string, string> { ["meeting"] = "2026-03-09" } };

    private static ConversationAddress Group(int i, string tenant) => new("bf", "msteams", $"19:bench-{i}@thread.v2", ConversationScope.GroupChat, tenant);

    /// <summary>Schedules <paramref name="messages"/> reminders due now in as many groups, spread over tenants, and times one tick that sends them all.</summary>
    public static async Task<DeliveryResult> RunDeliveryAsync(int messages, int tenants)
    {
        using var folder = new TempDirectory();
        var connector = new LimitedConnector();
        await using var connectorApp = await connector.StartAsync();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddRepositorySettings();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = folder.File("bench.db"),
            ["Privacy:LocalKeyPath"] = folder.File("keys"),
            ["Scheduler:TickInterval"] = "00:10:00",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddIntervisieBot();
        builder.Services.AddSingleton<IDueWorkHandler, ReminderHandler>();
        await using var bot = builder.Build();
        bot.MapIntervisieBot();
        await bot.StartAsync();

        var references = bot.Services.GetRequiredService<ConversationReferenceStore>();
        var scheduler = bot.Services.GetRequiredService<IDueWorkScheduler>();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < messages; i++)
        {
            var group = Group(i, $"tenant-{i % tenants}");
            connector.Tenants[group.ConversationId] = group.TenantId!;
            await references.SaveAsync(new ConversationReference(group, connector.ServiceUrl, new Participant("28:bench-bot", "IntervisieBot")));
            await scheduler.ScheduleAsync(new DueWork(group, "reminder-7d", ReminderHandler.WorkKind, now));
        }

        var started = Stopwatch.GetTimestamp();
        var tick = await bot.Services.GetRequiredService<SchedulerService>().TickAsync();
        var elapsed = Stopwatch.GetElapsedTime(started);
        await bot.StopAsync();
        if (tick.Done != messages || connector.Delivered != messages)
        {
            throw new InvalidOperationException($"Expected {messages} delivered; the tick reported {tick}, the connector {connector.Delivered}.");
        }

        // At 50 requests a second per tenant, the busiest tenant alone needs this long.
        var floor = Math.Ceiling((double)messages / tenants) / 50.0;
        return new DeliveryResult(messages, messages, tenants, elapsed, connector.Throttled, floor);
    }

    /// <summary>The kind of work a meeting reminder will be: one message to the group through the channel.</summary>
    private sealed class ReminderHandler(IEnumerable<IChannelMessenger> messengers) : IDueWorkHandler
    {
        public const string WorkKind = "bench-reminder";

        public string Kind => WorkKind;

        public Task HandleAsync(DueWork work, CancellationToken cancellationToken) =>
            messengers.First(m => m.Handles(work.Group))
                .SendAsync(work.Group, new OutgoingMessage("Herinnering: over 7 dagen is jullie intervisie."), cancellationToken);
    }

    private sealed class NothingHandler : IDueWorkHandler
    {
        public const string WorkKind = "bench";
        private int _count;

        public int Count => _count;

        public string Kind => WorkKind;

        public Task HandleAsync(DueWork work, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// A connector that keeps Teams' published limits strictly (per conversation 7/1 s, 8/2 s, 60/30 s, 1,800/h; per
    /// tenant 50/1 s, counted on arrival) and answers 429 with Retry-After: 1 to any request over them.
    /// </summary>
    private sealed class LimitedConnector
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, List<long>> _byConversation = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<long>> _byTenant = new(StringComparer.Ordinal);
        private int _delivered;
        private int _throttled;

        public string ServiceUrl { get; private set; } = "";

        /// <summary>Which tenant each conversation belongs to (Teams knows; the activity does not say).</summary>
        public ConcurrentDictionary<string, string> Tenants { get; } = new(StringComparer.Ordinal);

        public int Delivered => Volatile.Read(ref _delivered);

        public int Throttled => Volatile.Read(ref _throttled);

        public async Task<WebApplication> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapPost("/v3/conversations/{conversation}/activities", (string conversation, HttpRequest request) =>
            {
                var id = Uri.UnescapeDataString(conversation);
                if (!Admit(id, Tenants.GetValueOrDefault(id, "")))
                {
                    Interlocked.Increment(ref _throttled);
                    request.HttpContext.Response.Headers.RetryAfter = "1";
                    return Results.Json(new { error = new { code = "Throttled", message = "Too many requests." } }, statusCode: 429);
                }

                var sequence = Interlocked.Increment(ref _delivered);
                return Results.Json(new { id = "activity-" + sequence.ToString(CultureInfo.InvariantCulture) }, statusCode: 201);
            });
            await app.StartAsync();
            ServiceUrl = app.Urls.Single() + "/";
            return app;
        }

        private bool Admit(string conversation, string tenant)
        {
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                var inConversation = Log(_byConversation, conversation);
                var inTenant = Log(_byTenant, tenant);
                var fits = Fits(inConversation, now, TeamsRateLimits.Messages) && Fits(inTenant, now, TeamsRateLimits.Tenant);
                if (fits)
                {
                    inConversation.Add(now);
                    inTenant.Add(now);
                }

                return fits;
            }
        }

        private static List<long> Log(Dictionary<string, List<long>> logs, string key) =>
            logs.TryGetValue(key, out var log) ? log : logs[key] = [];

        private static bool Fits(List<long> arrivals, long now, IReadOnlyList<RateLimit> limits) =>
            limits.All(limit => arrivals.Count(at => Stopwatch.GetElapsedTime(at, now) < limit.Period) < limit.Count);
    }

    /// <summary>A store that counts the calls that reach it: point reads and query pages are reads.</summary>
    private sealed class CountingTables(ITableServiceClient inner) : ITableServiceClient
    {
        private int _reads;
        private int _writes;

        public int Reads => Volatile.Read(ref _reads);

        public int Writes => Volatile.Read(ref _writes);

        public string ProviderName => inner.ProviderName;

        public ITableClient GetTableClient(string tableName) => new Table(this, inner.GetTableClient(tableName));

        public Task PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

        public void Reset()
        {
            Interlocked.Exchange(ref _reads, 0);
            Interlocked.Exchange(ref _writes, 0);
        }

        private sealed class Table(CountingTables owner, ITableClient table) : ITableClient
        {
            public string Name => table.Name;

            public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => table.CreateIfNotExistsAsync(cancellationToken);

            public Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
                Count(ref owner._reads, table.GetEntityIfExistsAsync(partitionKey, rowKey, cancellationToken));

            public Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) =>
                Count(ref owner._writes, table.AddEntityAsync(entity, cancellationToken));

            public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
                Count(ref owner._writes, table.UpsertEntityAsync(entity, mode, cancellationToken));

            public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
                Count(ref owner._writes, table.UpdateEntityAsync(entity, ifMatch, mode, cancellationToken));

            public Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default) =>
                Count(ref owner._writes, table.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken));

            public Task<TablePage> QueryAsync(string partitionKey, string? filter = null, int? maxPerPage = null, string? continuationToken = null, CancellationToken cancellationToken = default) =>
                Count(ref owner._reads, table.QueryAsync(partitionKey, filter, maxPerPage, continuationToken, cancellationToken));

            public Task<IReadOnlyList<ETag?>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default) =>
                Count(ref owner._writes, table.SubmitTransactionAsync(actions, cancellationToken));

            private static T Count<T>(ref int counter, T call)
            {
                Interlocked.Increment(ref counter);
                return call;
            }
        }
    }
}

using System.Collections.Concurrent;
using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Storage.AzureTables;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;
using Xunit.Abstractions;

namespace IntervisieBot.Conversations.Tests.Scheduling;

/// <summary>One Azurite process for the scheduler's tests against the real Table service protocol.</summary>
public sealed class SchedulerAzuriteFixture : IAsyncLifetime
{
    public AzuriteServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await AzuriteServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// The scheduler against Azurite: what one tick costs when many groups have work planned (several instances sharing
/// one store: <see cref="SchedulerInstancesTests"/>).
/// </summary>
public sealed class DueWorkOnAzuriteTests(SchedulerAzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<SchedulerAzuriteFixture>, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 10, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly List<HttpClient> _http = [];
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..10];

    public void Dispose() => _http.ForEach(h => h.Dispose());

    /// <summary>A client of its own, as a separate instance of the bot would have; all share the test's tables.</summary>
    private AzureTableServiceClient Tables()
    {
        var http = new HttpClient();
        _http.Add(http);
        return AzureTableServiceClient.FromConnectionString(azurite.Server.ConnectionString, http, new AzureTableClientOptions { TablePrefix = _prefix });
    }

    [Fact]
    public async Task OneTick_With10000GroupsPlanned_ReadsInProportionToTheThreeThatAreDue()
    {
        var counting = new CountingTableServiceClient(Tables());
        using var rig = new SchedulerRig(counting, _time, "a", _deliveries);
        await rig.Store.ScheduleAsync(SchedulerRig.Work(0, "warm-up", Start.AddDays(30)));
        await SeedFutureWorkAsync(Tables(), groups: 10_000);
        for (var i = 1; i <= 3; i++)
        {
            await rig.Store.ScheduleAsync(SchedulerRig.Work(10_000 + i, "due", Start.AddSeconds(-i)));
        }

        // Work later in this same minute is not due either, and not read.
        for (var i = 4; i <= 13; i++)
        {
            await rig.Store.ScheduleAsync(SchedulerRig.Work(10_000 + i, "soon", Start.AddSeconds(40)));
        }

        counting.Reset();
        var tick = await rig.Runner.TickAsync();

        output.WriteLine($"one tick: {counting.Reads} reads, {counting.Writes} writes, {tick}");
        Assert.Equal((3, 3), (tick.Due, tick.Done));
        Assert.Equal(3, _deliveries.Count);
        // The cursor, the minutes from the cursor to now (the late-write margin of two minutes, plus this one), and
        // one pointer check per due item: 1 + 3 + 3.
        Assert.Equal(7, counting.Reads);
        Assert.Equal(3 * 3, counting.Writes);
    }

    /// <summary>
    /// Work planned for later for <paramref name="groups"/> groups, written straight in the store's format: rows in
    /// batches per minute, one pointer per group.
    /// </summary>
    private static async Task SeedFutureWorkAsync(AzureTableServiceClient tables, int groups)
    {
        var rows = tables.GetTableClient(DueWorkStore.TableName);
        var index = tables.GetTableClient(DueWorkStore.IndexTableName);
        var pointers = new ConcurrentQueue<TableEntity>();
        var batches = Enumerable.Range(0, groups)
            .Select(i =>
            {
                var work = SchedulerRig.Work(i, "reminder", Start.AddDays(1).AddMinutes(i / 100));
                var data = DueWorkStore.SerializeData(work.Data);
                var row = DueWorkStore.NewRow(work, data, work.DueAt);
                pointers.Enqueue(DueWorkStore.Pointer(work, data, row));
                return row;
            })
            .GroupBy(r => r.PartitionKey)
            .ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) =>
            await rows.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), ct));
        await Parallel.ForEachAsync(pointers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (pointer, ct) => await index.AddEntityAsync(pointer, ct));
    }
}

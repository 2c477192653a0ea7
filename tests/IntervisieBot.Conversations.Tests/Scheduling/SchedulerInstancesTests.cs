using System.Collections.Concurrent;
using IntervisieBot.Storage.AzureTables;
using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;

namespace IntervisieBot.Conversations.Tests.Scheduling;

/// <summary>
/// Three scheduler instances sharing one store, with the default settings: every piece runs once, an instance that
/// dies mid-wave costs at most one duplicate and a lease length (30 s) of delay, and a live instance keeps its claim on
/// a piece that runs long. Run against Azurite and against the embedded SQLite store.
/// </summary>
public abstract class SchedulerInstancesTests : IDisposable
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 10, TimeSpan.Zero);

    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly List<SchedulerRig> _rigs = [];

    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>The store as one more instance sees it (on Azurite a client of its own; all share the test's tables).</summary>
    protected abstract ITableServiceClient Tables();

    public virtual void Dispose()
    {
        _rigs.ForEach(r => r.Dispose());
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ThreeInstances_OnOneStore_DeliverEveryPieceExactlyOnce()
    {
        var (a, b, c) = (Instance("a"), Instance("b"), Instance("c"));
        for (var i = 0; i < 45; i++)
        {
            await a.Store.ScheduleAsync(SchedulerRig.Work(i, "reminder", Start.AddSeconds(-i)));
        }

        await Task.WhenAll(a.Runner.TickAsync(), b.Runner.TickAsync(), c.Runner.TickAsync());
        Time.Advance(TimeSpan.FromMinutes(5));
        await Task.WhenAll(a.Runner.TickAsync(), b.Runner.TickAsync(), c.Runner.TickAsync());

        Assert.Equal(45, _deliveries.Count);
        Assert.Equal(45, _deliveries.Select(d => d.Group).Distinct().Count());
    }

    [Fact]
    public async Task OneOfThreeInstances_StoppedAbruptlyAfterItsFirstSend_EveryPieceIsDelivered_AndOnlyThatOneTwice_ALeaseLengthLate()
    {
        var (a, b, c) = (Instance("a"), Instance("b"), Instance("c"));
        for (var i = 0; i < 30; i++)
        {
            await a.Store.ScheduleAsync(SchedulerRig.Work(i, "reminder", Start.AddSeconds(-i)));
        }

        // Instance c sends its first piece, then hangs until it is stopped: it never records that it sent it.
        var sent = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        c.Handler.AfterSend = async (work, ct) =>
        {
            sent.TrySetResult(work.Group.ConversationId);
            await Task.Delay(Timeout.Infinite, ct);
        };
        using var stop = new CancellationTokenSource();
        var cTick = c.Runner.TickAsync(stop.Token);
        var inFlight = await sent.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await Task.WhenAll(a.Runner.TickAsync(), b.Runner.TickAsync());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cTick);
        Assert.Equal(30, _deliveries.Count);
        Assert.Equal(30, _deliveries.Select(d => d.Group).Distinct().Count());

        // Its claim holds until its lease (30 s) ends, unrenewed; then another instance delivers that piece again.
        Time.Advance(TimeSpan.FromSeconds(20));
        await Task.WhenAll(a.Runner.TickAsync(), b.Runner.TickAsync());
        Assert.Equal(30, _deliveries.Count);
        Time.Advance(TimeSpan.FromSeconds(11));
        await Task.WhenAll(a.Runner.TickAsync(), b.Runner.TickAsync());

        var twice = Assert.Single(_deliveries.GroupBy(d => d.Group), g => g.Count() > 1);
        Assert.Equal(inFlight, twice.Key);
        Assert.Equal(["c", "a|b"], twice.Select(d => d.Instance is "c" ? "c" : "a|b"));
        Assert.Equal(31, _deliveries.Count);
    }

    [Fact]
    public async Task APieceRunningThreeLeaseLengths_KeepsItsClaim_AndNoOtherInstanceRunsIt()
    {
        var (a, b) = (Instance("a"), Instance("b"));
        await a.Store.ScheduleAsync(SchedulerRig.Work(1, "timer", Start));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Handler.BeforeSend = async (work, ct) =>
        {
            started.TrySetResult();
            await release.Task.WaitAsync(ct);
        };
        var aTick = a.Runner.TickAsync();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        for (var beat = 1; beat <= 9; beat++)
        {
            // Each third of the lease, instance a renews its claim (the renewal done, it waits for the next beat).
            Assert.True(SpinWait.SpinUntil(() => Time.PendingTimerCount == 1, TimeSpan.FromSeconds(30)), "a waits for its next heartbeat");
            Time.Advance(TimeSpan.FromSeconds(10));
            Assert.True(SpinWait.SpinUntil(() => Time.PendingTimerCount == 1, TimeSpan.FromSeconds(30)), "a renewed its lease");
            var other = await b.Runner.TickAsync();
            Assert.Equal(0, other.Due);
        }

        release.SetResult();
        var tick = await aTick;

        Assert.Equal(1, tick.Done);
        var delivery = Assert.Single(_deliveries);
        Assert.Equal("a", delivery.Instance);
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, (await b.Runner.TickAsync()).Due);
    }

    private SchedulerRig Instance(string name)
    {
        var rig = new SchedulerRig(Tables(), Time, name, _deliveries);
        _rigs.Add(rig);
        return rig;
    }
}

/// <summary>The instances against the real Table service protocol, each with its own HTTP client.</summary>
public sealed class SchedulerInstancesOnAzuriteTests(SchedulerAzuriteFixture azurite) : SchedulerInstancesTests, IClassFixture<SchedulerAzuriteFixture>
{
    private readonly List<HttpClient> _http = [];
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..10];

    protected override ITableServiceClient Tables()
    {
        var http = new HttpClient();
        _http.Add(http);
        return AzureTableServiceClient.FromConnectionString(azurite.Server.ConnectionString, http, new AzureTableClientOptions { TablePrefix = _prefix });
    }

    public override void Dispose()
    {
        base.Dispose();
        _http.ForEach(h => h.Dispose());
    }
}

/// <summary>The instances on one embedded SQLite store.</summary>
public sealed class SchedulerInstancesOnSqliteTests : SchedulerInstancesTests
{
    private readonly TempDirectory _folder = new();
    private readonly SqliteTableServiceClient _tables;

    public SchedulerInstancesOnSqliteTests() => _tables = new SqliteTableServiceClient(_folder.File("due.db"), "", Time);

    protected override ITableServiceClient Tables() => _tables;

    public override void Dispose()
    {
        base.Dispose();
        _tables.Dispose();
        _folder.Dispose();
    }
}

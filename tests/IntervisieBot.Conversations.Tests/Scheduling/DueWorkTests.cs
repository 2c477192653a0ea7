using System.Collections.Concurrent;
using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Testing;

namespace IntervisieBot.Conversations.Tests.Scheduling;

/// <summary>The scheduler's promises on the embedded store, with a fake clock: on time, once, durable, and forgiving.</summary>
public sealed class DueWorkTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private SqliteTableServiceClient _tables;
    private SchedulerRig _rig;

    public DueWorkTests()
    {
        _tables = new SqliteTableServiceClient(_folder.File("due.db"), "", _time);
        _rig = new SchedulerRig(_tables, _time, "a", _deliveries);
    }

    public void Dispose()
    {
        _rig.Dispose();
        _tables.Dispose();
        _folder.Dispose();
    }

    /// <summary>A new process over the same database file, as after a restart.</summary>
    private void Restart()
    {
        _rig.Dispose();
        _tables.Dispose();
        _tables = new SqliteTableServiceClient(_folder.File("due.db"), "", _time);
        _rig = new SchedulerRig(_tables, _time, "b", _deliveries);
    }

    [Fact]
    public async Task Work_RunsOnceAtTheFirstTickAfterItIsDue_NotBefore()
    {
        await _rig.Store.ScheduleAsync(SchedulerRig.Work(1, "reminder", Start.AddMinutes(10)));

        _time.Advance(TimeSpan.FromMinutes(9.5));
        Assert.Equal(0, (await _rig.Runner.TickAsync()).Due);
        _time.Advance(TimeSpan.FromMinutes(0.5));
        var tick = await _rig.Runner.TickAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        await _rig.Runner.TickAsync();

        Assert.Equal(1, tick.Done);
        var delivery = Assert.Single(_deliveries);
        Assert.Equal(("19:group-1@thread.v2", "reminder"), (delivery.Group, delivery.WorkId));
        Assert.Empty(await _rig.Store.ListAsync(SchedulerRig.Group(1)));
    }

    [Fact]
    public async Task NothingIsLost_WhenTheBotRestartsBeforeTheWorkIsDue()
    {
        await _rig.Store.ScheduleAsync(SchedulerRig.Work(1, "reminder", Start.AddMinutes(5)));
        await _rig.Store.ScheduleAsync(SchedulerRig.Work(2, "reminder", Start.AddHours(3)));

        Restart();
        _time.Advance(TimeSpan.FromHours(4));
        await _rig.Runner.TickAsync();

        Assert.Equal(["19:group-1@thread.v2", "19:group-2@thread.v2"], _deliveries.Select(d => d.Group).Order(StringComparer.Ordinal));
        Assert.All(_deliveries, d => Assert.Equal("b", d.Instance));
    }

    [Fact]
    public async Task SchedulingTheSameIdAgain_MovesTheWork_InsteadOfAddingASecond()
    {
        await _rig.Store.ScheduleAsync(SchedulerRig.Work(1, "timer", Start.AddMinutes(5)));
        await _rig.Store.ScheduleAsync(SchedulerRig.Work(1, "timer", Start.AddMinutes(5)));
        await _rig.Store.ScheduleAsync(SchedulerRig.Work(1, "timer", Start.AddMinutes(8)));

        _time.Advance(TimeSpan.FromMinutes(6));
        await _rig.Runner.TickAsync();
        Assert.Empty(_deliveries);
        _time.Advance(TimeSpan.FromMinutes(2));
        await _rig.Runner.TickAsync();

        Assert.Single(_deliveries);
    }

    [Fact]
    public async Task CancelledWork_NeverRuns()
    {
        await _rig.Store.ScheduleAsync(SchedulerRig.Work(1, "timer", Start.AddMinutes(5)));

        Assert.True(await _rig.Store.CancelAsync(SchedulerRig.Group(1), "timer"));
        Assert.False(await _rig.Store.CancelAsync(SchedulerRig.Group(1), "timer"));
        _time.Advance(TimeSpan.FromMinutes(10));
        await _rig.Runner.TickAsync();

        Assert.Empty(_deliveries);
    }

    [Fact]
    public async Task ForgettingAGroup_RemovesAllItsWork_AndLeavesOtherGroupsAlone()
    {
        foreach (var id in new[] { "a", "b", "c" })
        {
            await _rig.Store.ScheduleAsync(SchedulerRig.Work(1, id, Start.AddMinutes(5)));
        }

        await _rig.Store.ScheduleAsync(SchedulerRig.Work(2, "a", Start.AddMinutes(5)));

        Assert.Equal(3, await _rig.Store.ForgetGroupAsync(SchedulerRig.Group(1)));
        _time.Advance(TimeSpan.FromMinutes(10));
        await _rig.Runner.TickAsync();

        Assert.Equal("19:group-2@thread.v2", Assert.Single(_deliveries).Group);
    }

    [Fact]
    public async Task WorkDueInThePast_RunsAtTheNextTick()
    {
        await _rig.Store.ScheduleAsync(SchedulerRig.Work(1, "late", Start.AddHours(-2)));

        await _rig.Runner.TickAsync();

        Assert.Single(_deliveries);
    }

    [Fact]
    public async Task FailingWork_IsRetriedWithGrowingDelays_ThenGivenUp()
    {
        var attempts = new List<DateTimeOffset>();
        _rig.Handler.BeforeSend = (_, _) =>
        {
            attempts.Add(_time.GetUtcNow());
            throw new HttpRequestException("connector down");
        };
        await _rig.Store.ScheduleAsync(SchedulerRig.Work(1, "reminder", Start));

        for (var i = 0; i < 24 * 60 * 2; i++)
        {
            await _rig.Runner.TickAsync();
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        // Five attempts (the default), 30 s, 1, 2 and 4 minutes apart (give or take the 30-second tick); then no more.
        Assert.Equal(5, attempts.Count);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        Assert.Equal([30, 60, 120, 240], gaps);
        Assert.Empty(await _rig.Store.ListAsync(SchedulerRig.Group(1)));
    }

    [Fact]
    public async Task WorkThatSucceedsOnRetry_IsDeliveredOnce()
    {
        var failures = 2;
        _rig.Handler.BeforeSend = (_, _) => failures-- > 0 ? throw new TimeoutException() : Task.CompletedTask;
        await _rig.Store.ScheduleAsync(SchedulerRig.Work(1, "reminder", Start));

        for (var i = 0; i < 20; i++)
        {
            await _rig.Runner.TickAsync();
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(2, Assert.Single(_deliveries).Attempt);
    }

    [Fact]
    public async Task WorkForAConversationTheBotWasRemovedFrom_IsDropped_AndTheGroupMarkedUnreachable()
    {
        _rig.Handler.BeforeSend = (work, _) => throw new ConversationUnreachableException(work.Group, "removed");
        await _rig.Store.ScheduleAsync(SchedulerRig.Work(1, "reminder", Start));

        var tick = await _rig.Runner.TickAsync();
        _time.Advance(TimeSpan.FromHours(1));
        var later = await _rig.Runner.TickAsync();

        Assert.Equal((1, 0), (tick.Dropped, later.Due));
        Assert.Equal(Start, await _rig.Reachability.UnreachableSinceAsync(SchedulerRig.Group(1)));
        Assert.Null(await _rig.Reachability.UnreachableSinceAsync(SchedulerRig.Group(2)));
    }

    [Fact]
    public async Task Data_TooLargeForAReminder_IsRefused()
    {
        var work = SchedulerRig.Work(1, "big", Start) with { Data = new Dictionary<string, string> { ["text"] = new string('x', 3_000) } };

        await Assert.ThrowsAsync<ArgumentException>(() => _rig.Store.ScheduleAsync(work));
    }
}

using IntervisieBot.Channels.BotFramework.Connector;
using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Conversations.Outbound;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Testing;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.BotFramework;

/// <summary>
/// Teams' limits hold per bot, not per process: two hosts on one store, counting each other through heartbeats
/// (<c>Outbound:Instances</c> 0), send to one chat through a fake connector on 127.0.0.1 that records every arrival on
/// the same fake clock, and together stay within Teams' per-conversation limits (7 a second, 8 in two, 60 in thirty).
/// When one instance stops beating, the other takes the whole limits three heartbeat intervals later. Run on one SQLite
/// file and on Azurite.
/// </summary>
public abstract class SharedRateLimitsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConversationAddress Chat = new("bf", "msteams", TeamsFixture.GroupChatId, ConversationScope.GroupChat, TeamsFixture.TenantId);
    private readonly List<BotFactory> _hosts = [];

    protected FakeTimeProvider Time { get; } = new(Start);

    protected FakeConnectorServer Connector { get; private set; } = null!;

    /// <summary>A host on the test's store, named <paramref name="instance"/>.</summary>
    protected abstract BotFactory NewHost(string instance);

    public virtual async Task InitializeAsync() => Connector = await FakeConnectorServer.StartAsync(Time);

    public virtual async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await Connector.DisposeAsync();
    }

    [Fact]
    public async Task TwoInstancesOnOneStore_SendingToOneChat_StayWithinTeamsLimitsAtTheConnector()
    {
        var a = await StartAsync("a", Time);
        var b = await StartAsync("b", Time);
        Assert.Equal(2, await Registry(b).BeatAsync());
        Assert.Equal(2, await Registry(a).BeatAsync());

        await SendAsync([a, b], perHost: 30);

        var arrivals = Arrivals();
        Assert.Equal(60, arrivals.Count);
        AssertWithin(arrivals, TeamsRateLimits.Messages, "two instances");
        // Each takes 3 a second (7 divided by 2, rounded down): 6 together in the first second, not 7 each.
        Assert.Equal(6, arrivals.Count(t => t < Start.AddSeconds(1)));
    }

    [Fact]
    public async Task AnInstanceWhoseHeartbeatStops_IsCountedForThreeIntervals_ThenTheOtherTakesTheWholeLimits()
    {
        var a = await StartAsync("a", Time);

        // Instance b beats once and then hangs: its own clock never moves, so it never beats again.
        var frozen = new FakeTimeProvider(Start);
        var b = await StartAsync("b", frozen);
        Assert.Equal(2, await Registry(b).BeatAsync());
        Assert.Equal(2, await Registry(a).BeatAsync());

        await SendAsync([a], perHost: 10);
        var shared = Arrivals();
        Assert.Equal(3, shared.Count(t => t < Start.AddSeconds(1)));

        // Three intervals of 5 s after b's last heartbeat, a counts itself alone.
        var heard = Time.GetUtcNow();
        Time.Advance(Start.AddSeconds(15) - heard + TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await Registry(a).BeatAsync());
        var alone = Time.GetUtcNow();
        await SendAsync([a], perHost: 10);

        var later = Arrivals().Where(t => t >= alone).ToList();
        AssertWithin(Arrivals(), TeamsRateLimits.Messages, "after b stopped");
        Assert.Equal(7, later.Count(t => t < alone.AddSeconds(1)));
    }

    [Fact]
    public async Task AnInstanceThatStopsCleanly_LeavesItsShareAtTheOthersNextHeartbeat()
    {
        var a = await StartAsync("a", Time);
        var b = await StartAsync("b", Time);
        Assert.Equal(2, await Registry(b).BeatAsync());
        Assert.Equal(2, await Registry(a).BeatAsync());

        await b.DisposeAsync();
        _hosts.Remove(b);

        Assert.Equal(1, await Registry(a).BeatAsync());
        Assert.Equal(1, a.Services.GetRequiredService<OutboundShare>().Instances);
    }

    private Task<BotFactory> StartAsync(string instance, FakeTimeProvider clock)
    {
        var host = NewHost(instance)
            .With("Outbound:Instances", "0")
            .With("Outbound:HeartbeatInterval", "00:00:05")
            .With("Scheduler:InstanceId", instance)
            .With("Scheduler:TickInterval", "00:10:00")
            .With("BotFramework:Outbound:RateLimitMargin", "00:00:00")
            .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        _hosts.Add(host);
        _ = host.Server;
        AwaitIdle(clock, _hosts.Count(h => h.Services.GetRequiredService<TimeProvider>() == clock));
        return Task.FromResult(host);
    }

    /// <summary>
    /// Waits until the <paramref name="hosts"/> on <paramref name="clock"/> are idle: their hosted loops (the scheduler,
    /// the heartbeat, and whatever else waits on the clock) all wait for their next round, and the count of timers has
    /// held still for a moment. Returns that count: what the clock shows when nothing is being sent.
    /// </summary>
    private static int AwaitIdle(FakeTimeProvider clock, int hosts)
    {
        var (count, since) = (-1, System.Diagnostics.Stopwatch.StartNew());
        var limit = System.Diagnostics.Stopwatch.StartNew();
        while (limit.Elapsed < TimeSpan.FromSeconds(30))
        {
            var now = clock.PendingTimerCount;
            if (now != count)
            {
                (count, since) = (now, System.Diagnostics.Stopwatch.StartNew());
            }
            else if (count >= 2 * hosts && since.Elapsed > TimeSpan.FromMilliseconds(300))
            {
                return count;
            }

            Thread.Sleep(10);
        }

        throw new TimeoutException($"{clock.PendingTimerCount} timers pending; each of {hosts} hosts should wait for at least its scheduler and heartbeat");
    }

    private static InstanceRegistry Registry(BotFactory host) => host.Services.GetRequiredService<InstanceRegistry>();

    /// <summary>Sends from every host at once, <paramref name="perHost"/> messages each, moving the clock while all wait on it.</summary>
    private async Task SendAsync(IReadOnlyList<BotFactory> hosts, int perHost)
    {
        var idle = AwaitIdle(Time, _hosts.Count(h => h.Services.GetRequiredService<TimeProvider>() == Time));
        var lines = hosts.Select(host => SendManyAsync(host, perHost)).ToList();
        await Time.AutoAdvanceUntilAsync(Task.WhenAll(lines), () => idle + lines.Count(l => !l.IsCompleted));
    }

    private async Task SendManyAsync(BotFactory host, int count)
    {
        var connector = host.Services.GetRequiredService<BotConnector>();
        var sends = Enumerable.Range(1, count)
            .Select(i => connector.SendAsync(Connector.ServiceUrl, Chat, new Activity { Type = ActivityTypes.Message, Text = $"Bericht {i}" }))
            .ToList();
        await Task.WhenAll(sends);
    }

    /// <summary>At most Count arrivals in any half-open window (t - Period, t], for every limit.</summary>
    private static void AssertWithin(IReadOnlyList<DateTimeOffset> arrivals, IEnumerable<RateLimit> limits, string what)
    {
        var times = arrivals.Order().ToList();
        foreach (var limit in limits)
        {
            for (var i = limit.Count; i < times.Count; i++)
            {
                Assert.True(
                    times[i] - times[i - limit.Count] >= limit.Period,
                    $"{what}: {limit.Count + 1} sends from {times[i - limit.Count]:O} to {times[i]:O}; Teams allows {limit.Count} per {limit.Period}.");
            }
        }
    }

    private List<DateTimeOffset> Arrivals() =>
        [.. Connector.Requests.Where(r => r is { Method: "POST", Resource: "activities" } && r.ConversationId == Chat.ConversationId).Select(r => r.ArrivedAt)];
}

/// <summary>Both instances on one embedded SQLite file.</summary>
public sealed class SharedRateLimitsOnSqliteTests : SharedRateLimitsTests
{
    private readonly TempDirectory _folder = new();

    protected override BotFactory NewHost(string instance) => new(_folder.File("bot.db"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}

/// <summary>Both instances on one Azurite account.</summary>
public sealed class SharedRateLimitsOnAzuriteTests : SharedRateLimitsTests
{
    private static readonly string Key = Convert.ToBase64String([.. Enumerable.Range(40, 32).Select(i => (byte)i)]);
    private AzuriteServer _azurite = null!;

    public override async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        await base.InitializeAsync();
    }

    protected override BotFactory NewHost(string instance) => new BotFactory()
        .With("Storage:Provider", "AzureTables")
        .With("Storage:ConnectionString", _azurite.ConnectionString)
        .With("Privacy:EncryptionKey", Key);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

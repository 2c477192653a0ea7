using IntervisieBot.Channels.BotFramework.Connector;
using IntervisieBot.Conversations.Outbound;
using IntervisieBot.Testing;

namespace IntervisieBot.Channels.BotFramework.Tests.Connector;

public sealed class RateLimitTests
{
    [Fact]
    public void MessageLimits_AGreedySenderOverThreeHours_StaysWithinEveryWindowAndUsesTheHourlyAllowance()
    {
        var log = new SlidingWindowLog(TeamsRateLimits.Messages, TimeSpan.Zero);
        var now = TimeSpan.Zero;
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var sent = new List<DateTimeOffset>();
        while (now < TimeSpan.FromHours(3))
        {
            now += log.DelayAt(now);
            log.Record(now);
            sent.Add(start + now);
        }

        RateLimitAssert.Within(sent, TeamsRateLimits.Messages, "greedy sender");

        // Not more careful than needed either: the hour's 1,800 are all used, 60 per 30 s while they last.
        Assert.Equal(1800, sent.Count(t => t < start.AddHours(1)));
        Assert.Equal(60, sent.Count(t => t < start.AddSeconds(30)));
        Assert.Equal(7, sent.Count(t => t < start.AddSeconds(1)));
    }

    [Fact]
    public void Margin_WidensEveryWindow()
    {
        var log = new SlidingWindowLog(TeamsRateLimits.Messages, TimeSpan.FromMilliseconds(100));
        for (var i = 0; i < 7; i++)
        {
            log.Record(TimeSpan.Zero);
        }

        Assert.Equal(TimeSpan.FromMilliseconds(1100), log.DelayAt(TimeSpan.Zero));
    }

    [Fact]
    public async Task TenantLimit_HundredConversationsAtOnce_NeverExceedFiftyPerSecond()
    {
        var clock = new FakeTimeProvider();
        var limiter = new OutboundRateLimiter(clock, TimeSpan.Zero);
        var granted = new List<DateTimeOffset>();

        var requests = Enumerable.Range(0, 100).Select(async i =>
        {
            await limiter.AcquireAsync("conversation-" + i, members: false, "tenant-1", CancellationToken.None);
            lock (granted)
            {
                granted.Add(clock.GetUtcNow());
            }
        }).ToList();
        await clock.AutoAdvanceUntilAsync(Task.WhenAll(requests), () => requests.Count(r => !r.IsCompleted));

        RateLimitAssert.Within(granted, TeamsRateLimits.Tenant, "tenant");
        Assert.Equal(TimeSpan.FromSeconds(1), granted.Max() - granted.Min());
    }

    [Fact]
    public async Task OtherTenants_AreNotHeldBackByABusyOne()
    {
        var clock = new FakeTimeProvider();
        var limiter = new OutboundRateLimiter(clock, TimeSpan.Zero);
        for (var i = 0; i < 50; i++)
        {
            await limiter.AcquireAsync("conversation-" + i, members: false, "busy", CancellationToken.None);
        }

        var other = limiter.AcquireAsync("conversation-x", members: false, "quiet", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task MemberReads_HaveTheirOwnAllowance()
    {
        var clock = new FakeTimeProvider();
        var limiter = new OutboundRateLimiter(clock, TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
        {
            await limiter.AcquireAsync("conversation", members: false, "tenant", CancellationToken.None);
        }

        var read = limiter.AcquireAsync("conversation", members: true, "tenant", CancellationToken.None);
        var eighthMessage = limiter.AcquireAsync("conversation", members: false, "tenant", CancellationToken.None);

        Assert.True(read.IsCompletedSuccessfully);
        Assert.False(eighthMessage.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await eighthMessage;
    }

    [Fact]
    public async Task TwoInstancesLive_EachTakesHalfOfTheConversationsAndTheTenantsLimits_RoundedDown()
    {
        var clock = new FakeTimeProvider();
        var share = OutboundShare.Alone();
        share.Counted(2);
        var limiter = new OutboundRateLimiter(clock, TimeSpan.Zero, share);
        var granted = new List<(string Conversation, DateTimeOffset At)>();

        var requests = Enumerable.Range(0, 60).Select(async i =>
        {
            var conversation = i < 10 ? "busy" : "conversation-" + i;
            await limiter.AcquireAsync(conversation, members: false, "tenant-1", CancellationToken.None);
            lock (granted)
            {
                granted.Add((conversation, clock.GetUtcNow()));
            }
        }).ToList();
        await clock.AutoAdvanceUntilAsync(Task.WhenAll(requests), () => requests.Count(r => !r.IsCompleted));

        var start = granted.Min(g => g.At);
        RateLimitAssert.Within([.. granted.Where(g => g.Conversation == "busy").Select(g => g.At)], [new(3, TimeSpan.FromSeconds(1)), new(4, TimeSpan.FromSeconds(2))], "busy conversation");
        RateLimitAssert.Within([.. granted.Select(g => g.At)], [new(25, TimeSpan.FromSeconds(1))], "tenant");
        Assert.Equal(25, granted.Count(g => g.At < start.AddSeconds(1)));
    }

    [Fact]
    public async Task ANewCountOfInstances_AppliesToTheNextRequest()
    {
        var clock = new FakeTimeProvider();
        var share = OutboundShare.Alone();
        share.Counted(3);
        var limiter = new OutboundRateLimiter(clock, TimeSpan.Zero, share);
        for (var i = 0; i < 2; i++)
        {
            await limiter.AcquireAsync("conversation", members: false, "tenant", CancellationToken.None);
        }

        var third = limiter.AcquireAsync("conversation", members: false, "tenant", CancellationToken.None);
        Assert.False(third.IsCompleted);

        // A third of the limits is 2 in any 2 s. Meanwhile the other instances are gone: after that wait, the whole
        // 7 a second are this one's again.
        share.Counted(1);
        clock.Advance(TimeSpan.FromSeconds(2));
        await third;
        for (var i = 0; i < 4; i++)
        {
            Assert.True(limiter.AcquireAsync("conversation", members: false, "tenant", CancellationToken.None).IsCompletedSuccessfully);
        }
    }
}

using IntervisieBot.Channels.Slack.Inbound;
using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Testing;

namespace IntervisieBot.Channels.Slack.Tests.Inbound;

/// <summary>The claims that make each Slack delivery count once, across instances, and stay bounded.</summary>
public sealed class DeliveryLogTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 9, 59, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private SlackDeliveryLog Log() => new(new SqliteTableServiceClient(_folder.File("bot.db"), "", _clock), _clock);

    [Fact]
    public async Task TwoInstances_ClaimingTheSameEvent_OnlyOneWins()
    {
        using var first = Log();
        using var second = Log();

        Assert.True(await first.TryClaimAsync(["event~T1~Ev1"]));
        Assert.False(await second.TryClaimAsync(["event~T1~Ev1"]));
        Assert.True(await second.TryClaimAsync(["event~T1~Ev2"]));
    }

    [Fact]
    public async Task ARetryAfterTheHourTurned_IsStillRecognised()
    {
        using var log = Log();
        Assert.True(await log.TryClaimAsync(["event~T1~Ev1"]));

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.False(await log.TryClaimAsync(["event~T1~Ev1"]));
    }

    [Fact]
    public async Task ASecondKeyOfTheSameMessage_MakesTheWholeDeliveryARepeat()
    {
        using var log = Log();
        Assert.True(await log.TryClaimAsync(["event~T1~Ev1", "message~T1~C1~1.1"]));

        Assert.False(await log.TryClaimAsync(["event~T1~Ev2", "message~T1~C1~1.1"]));
    }

    [Fact]
    public async Task TheSweep_DeletesClaimsOlderThanTheRetention_AndKeepsRecentOnes()
    {
        using var log = Log();
        await log.TryClaimAsync(["event~T1~old"]);
        _clock.Advance(TimeSpan.FromHours(3));
        await log.TryClaimAsync(["event~T1~new"]);

        var deleted = await log.SweepAsync();

        Assert.Equal(1, deleted);
        Assert.True(await log.TryClaimAsync(["event~T1~old"]));
        Assert.False(await log.TryClaimAsync(["event~T1~new"]));
    }
}

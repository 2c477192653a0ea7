using IntervisieBot.Channels.BotFramework.Connector;

namespace IntervisieBot.Channels.BotFramework.Tests.Connector;

internal static class RateLimitAssert
{
    /// <summary>At most Count requests in any half-open window (t - Period, t].</summary>
    public static void Within(IReadOnlyList<DateTimeOffset> arrivals, IEnumerable<RateLimit> limits, string what)
    {
        var times = arrivals.Order().ToList();
        foreach (var limit in limits)
        {
            for (var i = limit.Count; i < times.Count; i++)
            {
                var span = times[i] - times[i - limit.Count];
                Assert.True(
                    span >= limit.Period,
                    $"{what}: {limit.Count + 1} requests within {span} ({times[i - limit.Count]:O} to {times[i]:O}); the limit is {limit.Count} per {limit.Period}.");
            }
        }
    }
}

namespace IntervisieBot.Channels.BotFramework.Connector;

/// <summary>At most <paramref name="Count"/> requests in any <paramref name="Period"/>.</summary>
public readonly record struct RateLimit(int Count, TimeSpan Period);

/// <summary>
/// Teams' published limits (bots/how-to/rate-limit.md). Teams counts every request it receives, retries included,
/// and measures on its own clock, so these are ceilings to stay under, not targets; a 429 is still handled.
/// </summary>
public static class TeamsRateLimits
{
    /// <summary>Per bot per conversation (thread): send, reply, update, delete and create conversation.</summary>
    public static IReadOnlyList<RateLimit> Messages { get; } =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];

    /// <summary>Per bot per conversation: reading the members.</summary>
    public static IReadOnlyList<RateLimit> Members { get; } =
    [
        new(14, TimeSpan.FromSeconds(1)),
        new(16, TimeSpan.FromSeconds(2)),
        new(120, TimeSpan.FromSeconds(30)),
        new(3600, TimeSpan.FromHours(1)),
    ];

    /// <summary>Per app per tenant, every request (older documentation said 30).</summary>
    public static IReadOnlyList<RateLimit> Tenant { get; } = [new(50, TimeSpan.FromSeconds(1))];
}

/// <summary>
/// The times of the latest requests, enough to answer "when may the next one go" for several sliding windows at
/// once: the next request may go when, in every window, the request that many places back has left it. Each window
/// is widened by <paramref name="margin"/>, because Teams measures arrivals on its own clock after a network that
/// does not keep our spacing exactly. Not thread safe; the owner locks.
/// </summary>
internal sealed class SlidingWindowLog(IReadOnlyList<RateLimit> limits, TimeSpan margin)
{
    private readonly TimeSpan[] _times = new TimeSpan[limits.Max(l => l.Count)];
    private readonly TimeSpan _longest = limits.Max(l => l.Period);
    private int _start;
    private int _count;

    /// <summary>How long after <paramref name="now"/> one more request fits every window (zero: it fits now).</summary>
    public TimeSpan DelayAt(TimeSpan now) => DelayAt(now, static count => count);

    /// <summary>
    /// As <see cref="DelayAt(TimeSpan)"/>, with each window's count replaced by <paramref name="share"/> of it (this
    /// instance's part when several share the limits; at most the full count).
    /// </summary>
    public TimeSpan DelayAt(TimeSpan now, Func<int, int> share)
    {
        var delay = TimeSpan.Zero;
        foreach (var limit in limits)
        {
            var count = Math.Clamp(share(limit.Count), 1, limit.Count);
            if (_count >= count)
            {
                var nthLatest = this[_count - count];
                var wait = nthLatest + limit.Period + margin - now;
                delay = wait > delay ? wait : delay;
            }
        }

        return delay;
    }

    public void Record(TimeSpan now)
    {
        if (_count == _times.Length)
        {
            _times[_start] = now;
            _start = (_start + 1) % _times.Length;
        }
        else
        {
            _times[(_start + _count) % _times.Length] = now;
            _count++;
        }
    }

    /// <summary>True when no window holds any request any more: the log can be dropped and made anew later.</summary>
    public bool IsIdleAt(TimeSpan now) => _count == 0 || this[_count - 1] + _longest + margin <= now;

    private TimeSpan this[int index] => _times[(_start + index) % _times.Length];
}

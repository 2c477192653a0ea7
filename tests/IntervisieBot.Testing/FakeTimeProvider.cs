using System.Diagnostics;

namespace IntervisieBot.Testing;

/// <summary>
/// A clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing is not available here). Timers
/// created from it fire when <see cref="Advance"/> passes their due time, in order, on the caller's thread.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;

    public FakeTimeProvider(DateTimeOffset start) => _now = start;

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public TimeZoneInfo LocalZone { get; set; } = TimeZoneInfo.Utc;

    public override TimeZoneInfo LocalTimeZone => LocalZone;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void SetUtcNow(DateTimeOffset value)
    {
        var delta = value - GetUtcNow();
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Time only moves forward.");
        }

        Advance(delta);
    }

    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), "Time only moves forward.");
        }

        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (true)
        {
            FakeTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt is { } due && due <= target).OrderBy(t => t.DueAt).FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                    return;
                }

                _now = next.DueAt!.Value;
                next.DueAt = next.Period is { } period && period > TimeSpan.Zero ? _now + period : null;
            }

            next.Fire();
        }
    }

    /// <summary>Timers that will fire on a later <see cref="Advance"/>: each is something waiting on this clock.</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <summary>Moves the clock to the earliest pending timer and fires what is due then; false when none is pending.</summary>
    public bool AdvanceToNextTimer()
    {
        DateTimeOffset next;
        lock (_gate)
        {
            var due = _timers.Where(t => t.DueAt is not null).Select(t => t.DueAt!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            if (due == DateTimeOffset.MaxValue)
            {
                return false;
            }

            next = due > _now ? due : _now;
        }

        SetUtcNow(next);
        return true;
    }

    /// <summary>
    /// Moves time along for work that runs by itself (HTTP calls, background loops), until <paramref name="work"/>
    /// completes: whenever at least <paramref name="waiters"/>() timers are pending, that is, every piece of work that
    /// is still running waits on this clock and none is busy, it jumps to the next timer. Time never moves while some
    /// piece is busy, so what that piece measures is exact. Throws <see cref="TimeoutException"/> when the work has
    /// not completed after <paramref name="realTimeout"/> of real time (default 20 s): it waits on something else.
    /// </summary>
    public async Task AutoAdvanceUntilAsync(Task work, Func<int> waiters, TimeSpan? realTimeout = null)
    {
        var limit = Stopwatch.StartNew();
        while (!work.IsCompleted)
        {
            if (limit.Elapsed > (realTimeout ?? TimeSpan.FromSeconds(20)))
            {
                throw new TimeoutException($"The work did not complete; {PendingTimerCount} timers pending, {waiters()} waiters expected, clock at {GetUtcNow():O}.");
            }

            var expected = waiters();
            if (expected > 0 && PendingTimerCount >= expected)
            {
                AdvanceToNextTimer();
            }
            else
            {
                // Real time, for the work's own I/O to progress; the clock stays put meanwhile.
                await Task.WhenAny(work, Task.Delay(1));
            }
        }

        await work;
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    private void Remove(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan? Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan ? null : period;
            }

            return true;
        }

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

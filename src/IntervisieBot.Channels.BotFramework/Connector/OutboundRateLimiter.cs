using IntervisieBot.Conversations.Outbound;

namespace IntervisieBot.Channels.BotFramework.Connector;

/// <summary>
/// Holds each request back until it fits this instance's share of Teams' limits for its conversation and for its
/// tenant (the whole limits when it runs alone; see <see cref="OutboundShare"/>), waiting on the injected clock. The
/// share is read at every request, so a new count of instances applies at once. Logs of conversations that have been
/// quiet for longer than the longest window are dropped.
/// </summary>
internal sealed class OutboundRateLimiter(TimeProvider time, TimeSpan margin, OutboundShare share)
{
    public OutboundRateLimiter(TimeProvider time, TimeSpan margin)
        : this(time, margin, OutboundShare.Alone())
    {
    }

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private readonly long _origin = time.GetTimestamp();
    private readonly Dictionary<(string Conversation, bool Members), SlidingWindowLog> _conversations = [];
    private readonly Dictionary<string, SlidingWindowLog> _tenants = new(StringComparer.Ordinal);
    private TimeSpan _lastSweep;

    public async Task AcquireAsync(string conversationKey, bool members, string tenantKey, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan delay;
            lock (_gate)
            {
                var now = time.GetElapsedTime(_origin);
                var conversation = Log(_conversations, (conversationKey, members), members ? TeamsRateLimits.Members : TeamsRateLimits.Messages);
                var tenant = Log(_tenants, tenantKey, TeamsRateLimits.Tenant);
                var forConversation = conversation.DelayAt(now, share.Of);
                var forTenant = tenant.DelayAt(now, share.Of);
                delay = forConversation > forTenant ? forConversation : forTenant;
                if (delay <= TimeSpan.Zero)
                {
                    conversation.Record(now);
                    tenant.Record(now);
                    Sweep(now);
                    return;
                }
            }

            // Look again after waiting: another conversation of the tenant may have taken the slot meanwhile.
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private SlidingWindowLog Log<TKey>(Dictionary<TKey, SlidingWindowLog> logs, TKey key, IReadOnlyList<RateLimit> limits)
        where TKey : notnull
    {
        if (!logs.TryGetValue(key, out var log))
        {
            log = new SlidingWindowLog(limits, margin);
            logs[key] = log;
        }

        return log;
    }

    private void Sweep(TimeSpan now)
    {
        if (now - _lastSweep < SweepEvery)
        {
            return;
        }

        _lastSweep = now;
        foreach (var key in _conversations.Where(e => e.Value.IsIdleAt(now)).Select(e => e.Key).ToList())
        {
            _conversations.Remove(key);
        }

        foreach (var key in _tenants.Where(e => e.Value.IsIdleAt(now)).Select(e => e.Key).ToList())
        {
            _tenants.Remove(key);
        }
    }
}

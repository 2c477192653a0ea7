using Microsoft.Extensions.Options;

namespace IntervisieBot.Conversations.Outbound;

/// <summary>
/// How many instances share the channels' rate limits right now: configured, or last counted through the store by
/// <see cref="InstanceRegistry"/>. The senders divide every budget by it, never below one request per window.
/// </summary>
public sealed class OutboundShare
{
    private int _instances;

    public OutboundShare(IOptions<OutboundOptions> options) => _instances = Math.Max(1, options.Value.Instances);

    /// <summary>One instance alone: the whole limits, as before instances were counted.</summary>
    public static OutboundShare Alone() => new(Options.Create(new OutboundOptions()));

    /// <summary>The instances the limits are divided among; at least 1.</summary>
    public int Instances => Volatile.Read(ref _instances);

    /// <summary>This instance's part of a budget of <paramref name="count"/> requests per window; at least 1.</summary>
    public int Of(int count) => Math.Max(1, count / Instances);

    /// <summary>The live instances, as last counted (at least this one).</summary>
    public void Counted(int live) => Volatile.Write(ref _instances, Math.Max(1, live));
}

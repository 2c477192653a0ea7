using System.ComponentModel.DataAnnotations;

namespace IntervisieBot.Conversations.Outbound;

/// <summary>
/// <c>Outbound</c>: how many instances of the bot share Teams' and Slack's rate limits. The limits hold per bot, not per
/// process, so each instance keeps to its share.
/// </summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Outbound";

    /// <summary>
    /// 1: this is the only instance and takes the whole limits (nothing is written for it). 2 or more: that many instances
    /// run, each takes that share. 0: the instances are counted through the store, by heartbeats.
    /// </summary>
    [Range(0, 100, ErrorMessage = "Outbound:Instances must be between 0 (count them through the store) and 100.")]
    public int Instances { get; set; } = 1;

    /// <summary>
    /// With <see cref="Instances"/> 0: how often an instance writes its heartbeat and counts the others. An instance
    /// counts as live until three of these have passed without its heartbeat.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ParseLimitsInInvariantCulture = true, ErrorMessage = "Outbound:HeartbeatInterval must be between 00:00:01 and 00:05:00.")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>True when the instances are counted through the store.</summary>
    public bool CountsInstances => Instances == 0;
}

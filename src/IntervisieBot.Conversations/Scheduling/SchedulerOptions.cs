using System.ComponentModel.DataAnnotations;

namespace IntervisieBot.Conversations.Scheduling;

/// <summary>The <c>Scheduler</c> settings: how often the scheduler looks for due work and how it claims it.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>How often an instance looks for due work; work runs at most this much (plus a tick's time) late.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ParseLimitsInInvariantCulture = true, ErrorMessage = "Scheduler:TickInterval must be between 00:00:01 and 00:10:00.")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claim holds unless renewed: an instance renews it every third of this while a piece runs, so a piece
    /// may take longer (sends wait for the channel's rate limits). It is how late work is when its instance dies.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ParseLimitsInInvariantCulture = true, ErrorMessage = "Scheduler:LeaseLength must be between 00:00:10 and 01:00:00.")]
    public TimeSpan LeaseLength { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Names this instance in its claims; empty: the machine name and process id.</summary>
    [MaxLength(100, ErrorMessage = "Scheduler:InstanceId must be at most 100 characters.")]
    public string InstanceId { get; set; } = "";

    /// <summary>How many times work is tried before it is given up (a conversation that is gone is never retried).</summary>
    [Range(1, 20, ErrorMessage = "Scheduler:MaxAttempts must be between 1 and 20.")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; it doubles with every further attempt, up to an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ParseLimitsInInvariantCulture = true, ErrorMessage = "Scheduler:RetryDelay must be between 00:00:01 and 01:00:00.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many pieces of due work one instance runs at the same time. Each piece is claimed just before it runs, and an
    /// instance that dies can leave at most this many sent but not yet marked done, which another instance then sends
    /// again: 1 keeps that to one duplicate per dead instance; more instances, not more concurrency, add throughput.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Scheduler:MaxConcurrency must be between 1 and 64.")]
    public int MaxConcurrency { get; set; } = 1;
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntervisieBot.Storage.AzureTables;

/// <summary>How the REST client behaves: table prefix, clock, retry policy.</summary>
public sealed class AzureTableClientOptions
{
    /// <summary>Put before every table name (letters and digits), so several bots can share one account.</summary>
    public string TablePrefix { get; init; } = "";

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The source of jitter for retry delays (0 ≤ x &lt; 1); null for Polly's own.</summary>
    public Func<double>? Randomizer { get; init; }

    /// <summary>Retries after the first attempt, for 5xx, 408 and timeouts only.</summary>
    public int MaxRetryAttempts { get; init; } = 4;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one attempt may take before it counts as a timeout (and is retried).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public ILogger Logger { get; init; } = NullLogger.Instance;
}

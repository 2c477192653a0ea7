using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntervisieBot.Storage.AzureTables;

/// <summary>Which Shared Key scheme signs requests when the connection string carries an account key.</summary>
public enum SharedKeyScheme
{
    /// <summary>Signs the verb, Content-MD5, Content-Type, date and resource.</summary>
    SharedKey,

    /// <summary>Signs only the date and resource.</summary>
    SharedKeyLite,
}

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

    /// <summary>Used only with an account key; a SAS or a token credential is never signed by us.</summary>
    public SharedKeyScheme SharedKeyScheme { get; init; } = SharedKeyScheme.SharedKey;

    public ILogger Logger { get; init; } = NullLogger.Instance;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(TablePrefix);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(Logger);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetryAttempts);
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryBaseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero);
        if (!Enum.IsDefined(SharedKeyScheme))
        {
            throw new ArgumentOutOfRangeException(nameof(SharedKeyScheme), SharedKeyScheme, "Unknown Shared Key scheme.");
        }
    }
}

using Polly;
using Polly.Retry;

namespace IntervisieBot.Conversations.Outbound;

/// <summary>
/// The retry pipeline both channels' senders (Bot Framework connector, Slack Web API) build theirs from: exponential
/// backoff with jitter from <see cref="BaseDelay"/> up to <see cref="MaxDelay"/>, at most
/// <see cref="MaxRetryAttempts"/> retries, and a server's <c>Retry-After</c> waited out exactly, unless it is longer than
/// <see cref="MaxDelay"/>: then the attempts end at once, because holding a conversation's line that long would stall
/// every message behind it. Which failures are worth another attempt, and what <c>Retry-After</c> an answer carried,
/// stays each channel's own reading of its responses.
/// </summary>
/// <param name="MaxRetryAttempts">Attempts after the first.</param>
/// <param name="BaseDelay">The first backoff delay; later ones grow exponentially, with jitter.</param>
/// <param name="MaxDelay">The longest wait between attempts, and the longest <c>Retry-After</c> that is waited out.</param>
/// <param name="Randomizer">Numbers in [0, 1) for the jitter (tests fix it).</param>
public sealed record OutboundRetry(int MaxRetryAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay, Func<double> Randomizer)
{
    /// <param name="time">The clock the waits run on.</param>
    /// <param name="isTransient">Whether the failure may succeed when tried again (the channel's classification).</param>
    /// <param name="retryAfter">The wait the answer asked for (<c>Retry-After</c>, already relative to now), or null.</param>
    /// <param name="onRetry">Told before each wait: the failure, the retry's number (1 for the first) and the wait.</param>
    public ResiliencePipeline Build(
        TimeProvider time,
        Func<Exception, ResilienceContext, bool> isTransient,
        Func<Exception, TimeSpan?> retryAfter,
        Action<ResilienceContext, Exception?, int, TimeSpan> onRetry)
    {
        ArgumentNullException.ThrowIfNull(isTransient);
        ArgumentNullException.ThrowIfNull(retryAfter);
        ArgumentNullException.ThrowIfNull(onRetry);
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && !(retryAfter(e) > MaxDelay) && isTransient(e, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is { } e ? retryAfter(e) : null),
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = BaseDelay,
                MaxDelay = MaxDelay,
                Randomizer = Randomizer,
                OnRetry = args =>
                {
                    onRetry(args.Context, args.Outcome.Exception, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>HttpClient's own timeout ended the call, not the caller's cancellation (which is never retried).</summary>
    public static bool IsClientTimeout(Exception exception, ResilienceContext context) =>
        exception is TaskCanceledException { InnerException: TimeoutException } && !context.CancellationToken.IsCancellationRequested;
}

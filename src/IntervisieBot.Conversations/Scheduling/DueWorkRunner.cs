using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Conversations.Scheduling;

/// <summary>
/// One scheduler instance's work: find what is due, claim each piece (a conditional write with a lease), run it with
/// the handler of its kind, then delete it. Several instances can run against one store: a claim has one winner, and
/// work whose instance died mid-run is taken over when the lease ends (the only case in which work runs twice).
/// Failures are retried with a doubling delay up to <see cref="SchedulerOptions.MaxAttempts"/>; work for a
/// conversation the bot was removed from is dropped and the group marked unreachable.
/// </summary>
public sealed partial class DueWorkRunner
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);
    private readonly DueWorkStore _store;
    private readonly Dictionary<string, IDueWorkHandler> _handlers;
    private readonly GroupReachability _reachability;
    private readonly SchedulerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DueWorkRunner> _logger;

    public DueWorkRunner(
        DueWorkStore store,
        IEnumerable<IDueWorkHandler> handlers,
        GroupReachability reachability,
        IOptions<SchedulerOptions> options,
        TimeProvider time,
        ILogger<DueWorkRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _reachability = reachability;
        _options = options.Value;
        _time = time;
        _logger = logger;
        InstanceId = _options.InstanceId is { Length: > 0 } id ? id : $"{Environment.MachineName}-{Environment.ProcessId}";
    }

    public string InstanceId { get; }

    /// <summary>
    /// Runs everything due now. Cancelling stops it where it is: work in hand keeps its lease and is taken over by
    /// another instance (or this one after a restart) when the lease ends.
    /// </summary>
    public async Task<SchedulerTickResult> TickAsync(CancellationToken cancellationToken = default)
    {
        var due = await _store.FindDueAsync(_time.GetUtcNow(), cancellationToken);
        var outcomes = new int[5];
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
            async (found, ct) => Interlocked.Increment(ref outcomes[(int)await RunAsync(found, ct)]));
        return new SchedulerTickResult(due.Count, outcomes[(int)Outcome.Done], outcomes[(int)Outcome.Retried], outcomes[(int)Outcome.Dropped], outcomes[(int)Outcome.GaveUp], outcomes[(int)Outcome.Skipped]);
    }

    private async Task<Outcome> RunAsync(FoundWork found, CancellationToken cancellationToken)
    {
        var claimed = await _store.ClaimAsync(found, InstanceId, _time.GetUtcNow() + _options.LeaseLength, cancellationToken);
        if (claimed is null)
        {
            return Outcome.Skipped;
        }

        var work = claimed.Work;
        try
        {
            if (!_handlers.TryGetValue(work.Kind, out var handler))
            {
                // Perhaps an instance of a newer version knows it; a few tries give it the chance.
                throw new InvalidOperationException($"No handler for due work of kind '{work.Kind}'.");
            }

            await handler.HandleAsync(work, cancellationToken);
            await _store.CompleteAsync(claimed, cancellationToken);
            return Outcome.Done;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ConversationUnreachableException)
        {
            LogUnreachable(work.Kind, Hash(work.Group));
            await _reachability.MarkUnreachableAsync(work.Group, cancellationToken);
            await _store.CompleteAsync(claimed, cancellationToken);
            return Outcome.Dropped;
        }
        catch (Exception e)
        {
            if (work.Attempt + 1 >= _options.MaxAttempts)
            {
                LogGaveUp(e, work.Kind, work.Attempt + 1, Hash(work.Group));
                await _store.CompleteAsync(claimed, cancellationToken);
                return Outcome.GaveUp;
            }

            var delay = RetryDelay(work.Attempt);
            LogRetry(e, work.Kind, work.Attempt + 1, delay, Hash(work.Group));
            await _store.RetryAsync(claimed, _time.GetUtcNow() + delay, cancellationToken);
            return Outcome.Retried;
        }
    }

    private TimeSpan RetryDelay(int attempt)
    {
        var delay = _options.RetryDelay * Math.Pow(2, Math.Min(attempt, 16));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    /// <summary>Logs name a group by a hash of its key only, so they hold no channel ids.</summary>
    private static int Hash(ConversationAddress group) => StringComparer.Ordinal.GetHashCode(group.Key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Due {Kind} work dropped: group {Group} is unreachable")]
    private partial void LogUnreachable(string kind, int group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due {Kind} work failed (attempt {Attempt}) for group {Group}; retrying in {Delay}")]
    private partial void LogRetry(Exception exception, string kind, int attempt, TimeSpan delay, int group);

    [LoggerMessage(Level = LogLevel.Error, Message = "Due {Kind} work failed {Attempt} times for group {Group}; given up")]
    private partial void LogGaveUp(Exception exception, string kind, int attempt, int group);

    private enum Outcome
    {
        Done,
        Retried,
        Dropped,
        GaveUp,
        Skipped,
    }
}

using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Conversations.Scheduling;

/// <summary>
/// One scheduler instance's work: find what is due, then piece by piece claim it (a conditional write with a lease)
/// just before running it with the handler of its kind, renew the lease while it runs, and delete it when done.
/// Several instances can run against one store: a claim has one winner, and work whose instance died mid-run is taken
/// over when the lease ends. That is the only case in which work runs twice, and only for the pieces the dead
/// instance had sent but not yet deleted: at most <see cref="SchedulerOptions.MaxConcurrency"/> (1 by default).
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
        // Claimed only now, just before it runs: work this instance has not started stays free for the others.
        var first = await _store.ClaimAsync(found, InstanceId, _time.GetUtcNow() + _options.LeaseLength, cancellationToken);
        if (first is null)
        {
            return Outcome.Skipped;
        }

        var work = first.Work;
        var lease = new Lease(this, first, cancellationToken);
        try
        {
            if (!_handlers.TryGetValue(work.Kind, out var handler))
            {
                // Perhaps an instance of a newer version knows it; a few tries give it the chance.
                throw new InvalidOperationException($"No handler for due work of kind '{work.Kind}'.");
            }

            var running = handler.HandleAsync(work, lease.Token);
            if (!running.IsCompleted)
            {
                // Only work that waits needs its lease kept: work done at once leaves no timer on the clock.
                lease.Start();
            }

            await running;
            if (await lease.EndAsync() is not { } claimed)
            {
                LogLeaseLost(work.Kind, Hash(work.Group));
                return Outcome.Skipped;
            }

            await _store.CompleteAsync(claimed, cancellationToken);
            return Outcome.Done;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (lease.Lost)
        {
            // Another instance runs it now; stopping here keeps it from being said twice.
            LogLeaseLost(work.Kind, Hash(work.Group));
            return Outcome.Skipped;
        }
        catch (ConversationUnreachableException)
        {
            LogUnreachable(work.Kind, Hash(work.Group));
            await _reachability.MarkUnreachableAsync(work.Group, cancellationToken);
            if (await lease.EndAsync() is { } claimed)
            {
                await _store.CompleteAsync(claimed, cancellationToken);
            }

            return Outcome.Dropped;
        }
        catch (Exception e)
        {
            if (await lease.EndAsync() is not { } claimed)
            {
                return Outcome.Skipped;
            }

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
        finally
        {
            await lease.EndAsync();
            lease.Dispose();
        }
    }

    private TimeSpan RetryDelay(int attempt)
    {
        var delay = _options.RetryDelay * Math.Pow(2, Math.Min(attempt, 16));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    /// <summary>Logs name a group by a hash of its key only, so they hold no channel ids.</summary>
    private static int Hash(ConversationAddress group) => StringComparer.Ordinal.GetHashCode(group.Key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due {Kind} work for group {Group}: the lease was lost to another instance; left to it")]
    private partial void LogLeaseLost(string kind, int group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease on due {Kind} work for group {Group}; trying again at the next beat")]
    private partial void LogRenewFailed(Exception exception, string kind, int group);

    [LoggerMessage(Level = LogLevel.Information, Message = "Due {Kind} work dropped: group {Group} is unreachable")]
    private partial void LogUnreachable(string kind, int group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due {Kind} work failed (attempt {Attempt}) for group {Group}; retrying in {Delay}")]
    private partial void LogRetry(Exception exception, string kind, int attempt, TimeSpan delay, int group);

    [LoggerMessage(Level = LogLevel.Error, Message = "Due {Kind} work failed {Attempt} times for group {Group}; given up")]
    private partial void LogGaveUp(Exception exception, string kind, int attempt, int group);

    /// <summary>
    /// The claim on one running piece, renewed every third of <see cref="SchedulerOptions.LeaseLength"/> on the injected
    /// clock, so a short lease holds however long the piece waits (rate limits, the conversation's lane). When a renewal
    /// finds the claim gone (the instance stalled past its lease and another took over), <see cref="Token"/> is
    /// cancelled so the piece stops.
    /// </summary>
    private sealed class Lease : IDisposable
    {
        private readonly DueWorkRunner _runner;
        private readonly CancellationToken _stopping;
        private readonly CancellationTokenSource _lost;
        private readonly CancellationTokenSource _ended = new();
        private Task _beating = Task.CompletedTask;
        private volatile ClaimedWork? _claimed;

        public Lease(DueWorkRunner runner, ClaimedWork claimed, CancellationToken stopping)
        {
            _runner = runner;
            _claimed = claimed;
            _stopping = stopping;
            _lost = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        }

        /// <summary>Begins renewing the claim, every third of the lease.</summary>
        public void Start() => _beating = BeatAsync();

        /// <summary>Cancelled when the instance stops or the claim is lost.</summary>
        public CancellationToken Token => _lost.Token;

        public bool Lost => _claimed is null;

        /// <summary>Stops renewing (a renewal under way completes, so its new version is known) and gives the claim as it now stands, or null when lost.</summary>
        public async Task<ClaimedWork?> EndAsync()
        {
            if (!_ended.IsCancellationRequested)
            {
                await _ended.CancelAsync();
            }

            await _beating;
            return _claimed;
        }

        public void Dispose()
        {
            _lost.Dispose();
            _ended.Dispose();
        }

        private async Task BeatAsync()
        {
            var beat = _runner._options.LeaseLength / 3;
            while (_claimed is { } claimed)
            {
                try
                {
                    await Task.Delay(beat, _runner._time, _ended.Token).WaitAsync(_stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                try
                {
                    _claimed = await _runner._store.RenewAsync(claimed, _runner._time.GetUtcNow() + _runner._options.LeaseLength, _stopping);
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // The store may be slow or down for a moment; the lease still holds for two more beats.
                    _runner.LogRenewFailed(e, claimed.Work.Kind, Hash(claimed.Work.Group));
                    continue;
                }

                if (_claimed is null)
                {
                    await _lost.CancelAsync();
                }
            }
        }
    }

    private enum Outcome
    {
        Done,
        Retried,
        Dropped,
        GaveUp,
        Skipped,
    }
}

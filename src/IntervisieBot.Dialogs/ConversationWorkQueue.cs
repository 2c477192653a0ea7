using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntervisieBot.Dialogs;

/// <summary>
/// Runs turns after the channel has had its answer (Teams gives up after 15 s, Slack after 3 s), one at a time
/// per conversation and in arrival order, so members answering at the same moment never race each other within
/// one instance. Different conversations run side by side. On shutdown, queued work is finished first; what is still
/// running when the host's shutdown time is up is cancelled.
/// <para>
/// Members' turns are queued as droppable work: at most <see cref="MaxWaitingTurns"/> of them wait per conversation
/// (the oldest goes when another arrives), and a turn that repeats one still waiting (the same member, the same
/// command) replaces it. A dropped turn's callback says why, so its owner can let it go (and tell the member).
/// </para>
/// </summary>
public sealed partial class ConversationWorkQueue(ILogger<ConversationWorkQueue> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private int _pending;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    /// <summary>How many droppable turns may wait in one conversation before the oldest is dropped.</summary>
    public const int MaxWaitingTurns = 20;

    /// <summary>Queues <paramref name="work"/> behind earlier work of the same conversation; it is never dropped.</summary>
    public void Enqueue(string conversationKey, Func<CancellationToken, Task> work) =>
        Enqueue(conversationKey, new QueuedWork(work, null, null));

    /// <summary>
    /// Queues a member's turn that may be dropped: when <see cref="MaxWaitingTurns"/> already wait, or when a later turn
    /// with the same <paramref name="coalesceKey"/> arrives before it ran. <paramref name="dropped"/> then runs instead.
    /// </summary>
    public void Enqueue(string conversationKey, Func<CancellationToken, Task> work, string? coalesceKey, Func<DropReason, Task> dropped)
    {
        ArgumentNullException.ThrowIfNull(dropped);
        Enqueue(conversationKey, new QueuedWork(work, coalesceKey, dropped));
    }

    private void Enqueue(string conversationKey, QueuedWork work)
    {
        lock (_lanes)
        {
            if (Interlocked.Increment(ref _pending) == 1)
            {
                _idle = NewIdle(completed: false);
            }
        }

        while (true)
        {
            var lane = _lanes.GetOrAdd(conversationKey, static (key, owner) => new Lane(owner, key), this);
            if (lane.TryWrite(work))
            {
                return;
            }

            // The lane just closed because it ran dry; drop it and open a new one.
            _lanes.TryRemove(new KeyValuePair<string, Lane>(conversationKey, lane));
        }
    }

    /// <summary>Completes when no work is queued or running (used at shutdown and by tests).</summary>
    public Task WhenIdleAsync()
    {
        lock (_lanes)
        {
            return _idle.Task;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Finish what was accepted; give up when the host's shutdown timeout says so.
            await WhenIdleAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The shutdown time is up; what is left is cancelled below.
            LogStoppedUnfinished(Volatile.Read(ref _pending));
        }
        finally
        {
            try
            {
                // Whatever still runs is cancelled (a durable turn stays in the inbox for the next start).
                await _stopping.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // A host stopped twice at once (a test host on Kestrel is) may dispose the container before the second
                // stop gets here; the first stop already ended everything.
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }

    private void Done()
    {
        lock (_lanes)
        {
            if (Interlocked.Decrement(ref _pending) == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private void Drop(QueuedWork work, DropReason reason, int lane)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await work.Dropped!(reason).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                LogTurnFailed(e, lane);
            }
            finally
            {
                Done();
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped with {Count} turns unfinished; they are cancelled")]
    private partial void LogStoppedUnfinished(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn failed in conversation lane {Lane}")]
    private partial void LogTurnFailed(Exception exception, int lane);

    private sealed record QueuedWork(Func<CancellationToken, Task> Run, string? CoalesceKey, Func<DropReason, Task>? Dropped);

    /// <summary>
    /// One conversation's queue. It runs while it has work; when it runs dry it closes and leaves the dictionary,
    /// so idle conversations cost nothing.
    /// </summary>
    private sealed class Lane(ConversationWorkQueue owner, string key)
    {
        private readonly LinkedList<QueuedWork> _work = new();
        private readonly Lock _gate = new();
        private bool _running;
        private bool _closed;

        /// <summary>Only a hash of the conversation key is logged, so logs hold no channel ids.</summary>
        private int Hash => StringComparer.Ordinal.GetHashCode(key);

        public bool TryWrite(QueuedWork work)
        {
            lock (_gate)
            {
                if (_closed)
                {
                    return false;
                }

                if (work.CoalesceKey is { } same)
                {
                    var repeat = _work.FirstOrDefault(w => string.Equals(w.CoalesceKey, same, StringComparison.Ordinal));
                    if (repeat is not null)
                    {
                        _work.Remove(repeat);
                        owner.Drop(repeat, DropReason.Repeated, Hash);
                    }
                }

                _work.AddLast(work);
                if (work.Dropped is not null && _work.Count(w => w.Dropped is not null) > MaxWaitingTurns)
                {
                    var oldest = _work.First(w => w.Dropped is not null);
                    _work.Remove(oldest);
                    owner.Drop(oldest, DropReason.TooMany, Hash);
                }

                if (!_running)
                {
                    _running = true;
                    _ = Task.Run(RunAsync);
                }

                return true;
            }
        }

        private async Task RunAsync()
        {
            while (true)
            {
                QueuedWork? work;
                lock (_gate)
                {
                    work = _work.First?.Value;
                    if (work is null)
                    {
                        _running = false;
                        _closed = true;
                        owner._lanes.TryRemove(new KeyValuePair<string, Lane>(key, this));
                        return;
                    }

                    _work.RemoveFirst();
                }

                try
                {
                    await work.Run(owner._stopping.Token).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    owner.LogTurnFailed(e, Hash);
                }
                finally
                {
                    owner.Done();
                }
            }
        }
    }
}

/// <summary>Why a queued turn was dropped before it ran.</summary>
public enum DropReason
{
    /// <summary>A later turn of the same member with the same command replaced it.</summary>
    Repeated,

    /// <summary>More than <see cref="ConversationWorkQueue.MaxWaitingTurns"/> turns waited; it was the oldest.</summary>
    TooMany,
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntervisieBot.Dialogs;

/// <summary>
/// Runs turns after the channel has had its answer (Teams gives up after 15 s, Slack after 3 s), one at a time
/// per conversation and in arrival order, so members answering at the same moment never race each other within
/// one instance. Different conversations run side by side. On shutdown, queued work is finished first.
/// </summary>
public sealed partial class ConversationWorkQueue(ILogger<ConversationWorkQueue> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private int _pending;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    /// <summary>Queues <paramref name="work"/> behind earlier work of the same conversation.</summary>
    public void Enqueue(string conversationKey, Func<CancellationToken, Task> work)
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
        // Finish what was accepted; give up when the host's shutdown timeout says so.
        await WhenIdleAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // A host stopped twice at once (a test host on Kestrel is) may dispose the container before the second
            // stop gets here; the first stop already ended everything.
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn failed in conversation lane {Lane}")]
    private partial void LogTurnFailed(Exception exception, int lane);

    /// <summary>
    /// One conversation's queue. It runs while it has work; when it runs dry it closes and leaves the dictionary,
    /// so idle conversations cost nothing.
    /// </summary>
    private sealed class Lane(ConversationWorkQueue owner, string key)
    {
        private readonly Queue<Func<CancellationToken, Task>> _work = new();
        private readonly Lock _gate = new();
        private bool _running;
        private bool _closed;

        public bool TryWrite(Func<CancellationToken, Task> work)
        {
            lock (_gate)
            {
                if (_closed)
                {
                    return false;
                }

                _work.Enqueue(work);
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
                Func<CancellationToken, Task>? work;
                lock (_gate)
                {
                    if (!_work.TryDequeue(out work))
                    {
                        _running = false;
                        _closed = true;
                        owner._lanes.TryRemove(new KeyValuePair<string, Lane>(key, this));
                        return;
                    }
                }

                try
                {
                    await work(owner._stopping.Token).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    // Only a hash of the conversation key is logged, so logs hold no channel ids.
                    owner.LogTurnFailed(e, StringComparer.Ordinal.GetHashCode(key));
                }
                finally
                {
                    owner.Done();
                }
            }
        }
    }
}

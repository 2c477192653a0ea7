namespace IntervisieBot.Channels.BotFramework.Connector;

/// <summary>
/// Runs work for one key at a time, in the order it was asked for: each call takes its place in line synchronously,
/// before it first awaits, and starts when the call before it has finished (however that ended).
/// </summary>
internal sealed class SerialQueues
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string key, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (_gate)
        {
            previous = _tails.GetValueOrDefault(key) ?? Task.CompletedTask;
            _tails[key] = done.Task;
        }

        try
        {
            await previous.WaitAsync(cancellationToken);
            return await work();
        }
        finally
        {
            if (previous.IsCompleted)
            {
                Release(key, done);
            }
            else
            {
                // This caller gave up while waiting: its place must still wait for the one before it, or the
                // next in line would run alongside that one.
                _ = previous.ContinueWith(_ => Release(key, done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    /// <summary>The number of keys with work running or waiting (for tests: no line is left behind).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _tails.Count;
            }
        }
    }

    private void Release(string key, TaskCompletionSource done)
    {
        lock (_gate)
        {
            if (_tails.TryGetValue(key, out var tail) && tail == done.Task)
            {
                _tails.Remove(key);
            }
        }

        done.SetResult();
    }
}

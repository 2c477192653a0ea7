using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace IntervisieBot.Playground;

/// <summary>
/// The change feed from the playground channel to the pages that watch it over Server-Sent Events: each watcher gets a
/// snapshot first (the history), then every change as it happens. It shares the channel's lock, so a change is
/// published in the same step as it is made and a snapshot is taken in the same step as a page starts watching: no
/// change falls between the two, and none arrives twice or out of order.
/// </summary>
internal sealed class PlaygroundEventStream(Lock gate)
{
    /// <summary>A page that falls this far behind is cut off; its browser reconnects and gets a fresh snapshot.</summary>
    private const int SubscriberBacklog = 1_000;

    private readonly List<Channel<PlaygroundEvent>> _subscribers = [];

    /// <summary>Sends a change to every page that watches; the caller holds the channel's lock.</summary>
    public void Publish(PlaygroundEvent change)
    {
        lock (gate)
        {
            foreach (var subscriber in _subscribers.ToList())
            {
                if (!subscriber.Writer.TryWrite(change))
                {
                    // A page that stopped reading: end its stream rather than grow without bound.
                    subscriber.Writer.TryComplete();
                    _subscribers.Remove(subscriber);
                }
            }
        }
    }

    /// <summary>
    /// What a page sees: first the snapshot (taken under the lock), then each change as it happens, until the page goes
    /// away, the host stops, or the page falls too far behind.
    /// </summary>
    public async IAsyncEnumerable<PlaygroundEvent> WatchAsync(Func<PlaygroundEvent> snapshot, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var subscriber = Channel.CreateBounded<PlaygroundEvent>(new BoundedChannelOptions(SubscriberBacklog) { SingleReader = true });
        PlaygroundEvent first;
        lock (gate)
        {
            // Taken together under the lock, so no change falls between the snapshot and the stream.
            first = snapshot();
            _subscribers.Add(subscriber);
        }

        try
        {
            yield return first;
            while (await WaitToReadAsync(subscriber.Reader, cancellationToken))
            {
                while (subscriber.Reader.TryRead(out var change))
                {
                    yield return change;
                }
            }
        }
        finally
        {
            lock (gate)
            {
                _subscribers.Remove(subscriber);
            }
        }
    }

    /// <summary>False when the stream ends: the page left, the host stops, or the page fell too far behind.</summary>
    private static async Task<bool> WaitToReadAsync(ChannelReader<PlaygroundEvent> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

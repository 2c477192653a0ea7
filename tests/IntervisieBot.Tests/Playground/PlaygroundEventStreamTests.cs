using System.Text.Json;
using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Playground;
using IntervisieBot.Testing;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Tests.Playground;

/// <summary>The playground's change feed to its pages, without HTTP: a page that keeps reading, and one that stops.</summary>
public sealed class PlaygroundEventStreamTests
{
    /// <summary>How many changes a page may fall behind before it is cut off (PlaygroundEventStream's backlog).</summary>
    private const int Backlog = 1_000;

    private readonly PlaygroundChannel _channel = new(
        new FakeTimeProvider(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero)),
        Options.Create(new PlaygroundOptions()));

    private void Say(string text) =>
        _channel.Post(_channel.GroupConversationId, new Activity { Type = ActivityTypes.Message, Text = text });

    private static string TextOf(PlaygroundEvent change)
    {
        using var data = JsonDocument.Parse(change.Data);
        return data.RootElement.GetProperty("activity").GetProperty("text").GetString() ?? "";
    }

    [Fact]
    public async Task PageThatStopsReading_IsCutOffAfterItsBacklog_WhileAPageThatReads_GetsEveryChange_AndAReconnectStartsFromTheLatest()
    {
        using var watching = new CancellationTokenSource();
        await using var stalled = _channel.WatchAsync(watching.Token).GetAsyncEnumerator(watching.Token);
        await using var reading = _channel.WatchAsync(watching.Token).GetAsyncEnumerator(watching.Token);
        Assert.True(await stalled.MoveNextAsync());
        Assert.Equal(PlaygroundEvent.Snapshot, stalled.Current.Type);
        Assert.True(await reading.MoveNextAsync());
        Assert.Equal(PlaygroundEvent.Snapshot, reading.Current.Type);

        for (var i = 0; i <= Backlog; i++)
        {
            Say($"bericht {i}");
            Assert.True(await reading.MoveNextAsync());
            Assert.Equal(PlaygroundEvent.ActivityChanged, reading.Current.Type);
            Assert.Equal($"bericht {i}", TextOf(reading.Current));
        }

        var stalledSaw = 0;
        while (await stalled.MoveNextAsync())
        {
            stalledSaw++;
        }

        Assert.Equal(Backlog, stalledSaw);
        await using var reconnected = _channel.WatchAsync(watching.Token).GetAsyncEnumerator(watching.Token);
        Assert.True(await reconnected.MoveNextAsync());
        Assert.Equal(PlaygroundEvent.Snapshot, reconnected.Current.Type);
        Assert.Contains($"bericht {Backlog}", reconnected.Current.Data, StringComparison.Ordinal);
    }
}

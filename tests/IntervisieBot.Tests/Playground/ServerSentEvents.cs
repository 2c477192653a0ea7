using System.Text;
using System.Text.Json;

namespace IntervisieBot.Tests.Playground;

/// <summary>Reads the playground's event stream as a browser's EventSource would: event type, data, blank line.</summary>
public sealed class ServerSentEvents : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private ServerSentEvents(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<ServerSentEvents> OpenAsync(HttpClient client, string path = "/playground/events")
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new ServerSentEvents(response, new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8));
    }

    /// <summary>The next event that matches, skipping others; fails after <paramref name="wait"/> (20 s by default).</summary>
    public async Task<PageEvent> NextAsync(Func<PageEvent, bool>? match = null, TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        try
        {
            while (true)
            {
                var next = await ReadAsync(timeout.Token);
                if (match is null || match(next))
                {
                    return next;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException("The playground sent no matching event in time.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }

    private async Task<PageEvent> ReadAsync(CancellationToken cancellationToken)
    {
        string? type = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (type is not null || data.Length > 0)
                {
                    return new PageEvent(type ?? "message", data.ToString());
                }

                continue;
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                type = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(data.Length > 0 ? "\n" : "").Append(line["data:".Length..].TrimStart(' '));
            }
        }
    }
}

/// <summary>One event of the stream; <see cref="Json"/> is its data.</summary>
public sealed record PageEvent(string Type, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;

    /// <summary>For an <c>activity</c> event: the activity's JSON.</summary>
    public JsonElement Activity => Json.GetProperty("activity");
}

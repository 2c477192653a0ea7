using System.Security.Cryptography;
using System.Text;
using IntervisieBot.Conversations.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace IntervisieBot.Channels.Slack.WebApi;

/// <summary>What a call does, for ordering, pacing and retries.</summary>
public enum SlackCallKind
{
    /// <summary>Posts a new message (chat.postMessage, chat.postEphemeral): paced per channel, never repeated after an uncertain failure.</summary>
    Post,

    /// <summary>Changes what is there (chat.update, views.open): in the channel's line, may be repeated.</summary>
    Write,

    /// <summary>Reads (members, users, opening a DM): not in line, may be repeated.</summary>
    Read,
}

/// <summary>
/// The one way out to Slack's Web API. Per channel it sends writes one at a time in the order asked and keeps posts
/// about <see cref="SlackOptions.MessageInterval"/> apart (Slack allows about one message a second per channel), times
/// the number of instances that post for the bot (<see cref="OutboundShare"/>);
/// it waits out 429s for their <c>Retry-After</c> and retries 5xx, network errors and Slack's transient codes with
/// jittered exponential backoff. <c>internal_error</c> and <c>fatal_error</c> may mean the call partly happened, so a
/// post is not repeated after them (it could show twice). Logs carry the method, codes and a hash of the channel.
/// </summary>
public sealed class SlackSender
{
    private static readonly ResiliencePropertyKey<(string Method, SlackCallKind Kind, string Channel)> Call = new("IntervisieBot.SlackCall");

    private readonly TimeProvider _time;
    private readonly OutboundShare _share;
    private readonly SlackOptions _options;
    private readonly ILogger<SlackSender> _logger;
    private readonly ResiliencePipeline _retry;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _lines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _nextPost = new(StringComparer.Ordinal);

    public SlackSender(TimeProvider time, IOptions<SlackOptions> options, ILogger<SlackSender> logger)
        : this(time, options, logger, OutboundShare.Alone())
    {
    }

    /// <summary>With this instance's share of Slack's limits, when several instances send for the bot.</summary>
    public SlackSender(TimeProvider time, IOptions<SlackOptions> options, ILogger<SlackSender> logger, OutboundShare share)
    {
        _share = share;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _retry = new OutboundRetry(_options.MaxRetryAttempts, _options.RetryBaseDelay, _options.RetryMaxDelay, _options.Randomizer).Build(
            time,
            ShouldRetry,
            static e => e is SlackApiException { RetryAfter: { } after } ? after : null,
            (context, exception, retry, delay) =>
            {
                var (method, _, channel) = context.Properties.GetValue(Call, default);
                var error = exception is SlackApiException e ? $"{(int)e.Status} {e.Error}" : exception?.GetType().Name;
                _logger.LogWarning("Slack {Method} for channel {Channel}: {Error}; retry {Retry} in {Delay}", method, LogId(channel), error, retry, delay);
            });
    }

    /// <summary>A short, stable stand-in for a channel or user id in logs.</summary>
    public static string LogId(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0, 6);

    /// <summary>
    /// Runs <paramref name="call"/> (one Web API request; run again on a retry). Writes take their place in the
    /// channel's line before this method returns, so calls made one after the other reach Slack in that order.
    /// </summary>
    public Task<T> SendAsync<T>(string method, SlackCallKind kind, string channel, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        if (kind == SlackCallKind.Read)
        {
            return RunAsync(method, kind, channel, call, cancellationToken);
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task previous;
        lock (_gate)
        {
            previous = _lines.GetValueOrDefault(channel) ?? Task.CompletedTask;
            _lines[channel] = done.Task;
        }

        return InLineAsync(previous, done, method, kind, channel, call, cancellationToken);
    }

    internal int ChannelsInLine
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count;
            }
        }
    }

    private async Task<T> InLineAsync<T>(
        Task previous, TaskCompletionSource done, string method, SlackCallKind kind, string channel, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            // However the call before ended, this one goes next; a caller that gives up still keeps the line's order.
            await previous.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return await RunAsync(method, kind, channel, call, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                if (_lines.TryGetValue(channel, out var tail) && tail == done.Task)
                {
                    _lines.Remove(channel);
                }
            }

            done.SetResult();
        }
    }

    private async Task<T> RunAsync<T>(string method, SlackCallKind kind, string channel, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Call, (method, kind, channel));
        try
        {
            return await _retry.ExecuteAsync(
                static async (context, state) =>
                {
                    var (sender, kind, channel, call) = state;
                    if (kind == SlackCallKind.Post)
                    {
                        await sender.PaceAsync(channel, context.CancellationToken);
                    }

                    return await call(context.CancellationToken);
                },
                context,
                (this, kind, channel, call));
        }
        catch (Exception e) when (kind != SlackCallKind.Read && !cancellationToken.IsCancellationRequested && ShouldRetry(e, context))
        {
            // Out of attempts with a failure that may pass and certainly did not post: the turn can keep it for later.
            throw new MessageNotDeliveredException(e is SlackApiException s ? $"{method} {s.Error}" : $"{method} {e.GetType().Name}", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Waits until the channel's next post may go, and books the slot after it.</summary>
    private async Task PaceAsync(string channel, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var next = _nextPost.GetValueOrDefault(channel, now);
            var start = Math.Max(now, next);
            // One post per interval for the bot: with n instances, each keeps its posts n intervals apart.
            _nextPost[channel] = start + (long)(_options.MessageInterval.TotalSeconds * _share.Instances * _time.TimestampFrequency);
            wait = _time.GetElapsedTime(now, start);
            if (_nextPost.Count > 10_000)
            {
                foreach (var idle in _nextPost.Where(e => e.Value < now).Select(e => e.Key).ToList())
                {
                    _nextPost.Remove(idle);
                }
            }
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    /// <summary>
    /// What may succeed later without showing twice; a <c>Retry-After</c> longer than the longest wait ends the attempts
    /// (<see cref="OutboundRetry"/>).
    /// </summary>
    private static bool ShouldRetry(Exception exception, ResilienceContext context)
    {
        var (_, kind, _) = context.Properties.GetValue(Call, default);
        return exception switch
        {
            SlackApiException e when e.IsTransient => true,
            SlackApiException e when e.IsUncertain => kind != SlackCallKind.Post,
            HttpRequestException => kind != SlackCallKind.Post || exception.InnerException is System.Net.Sockets.SocketException,
            _ => kind != SlackCallKind.Post && OutboundRetry.IsClientTimeout(exception, context),
        };
    }
}

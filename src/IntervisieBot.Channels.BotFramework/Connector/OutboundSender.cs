using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using IntervisieBot.Conversations;
using IntervisieBot.Conversations.Outbound;
using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace IntervisieBot.Channels.BotFramework.Connector;

public enum ConnectorOperation
{
    Reply,
    Send,
    Update,
    Delete,
    CreateConversation,
    GetMembers,
    GetPagedMembers,
}

/// <summary><c>BotFramework:Outbound</c>: how hard the sender tries before it gives up.</summary>
public sealed class OutboundSenderOptions
{
    public const string SectionName = "BotFramework:Outbound";

    /// <summary>Attempts after the first, for 429, 412, 502, 503, 504 and network errors.</summary>
    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait between attempts. A <c>Retry-After</c> longer than this ends the attempts at once: holding a
    /// conversation's line that long would stall every message behind it; the caller decides what to do instead.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Added to each rate-limit window, for network jitter between our clock and Teams'.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan RateLimitMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Numbers in [0, 1) for the jitter (not from configuration; tests fix it).</summary>
    public Func<double> Randomizer { get; set; } = static () => RandomNumberGenerator.GetInt32(int.MaxValue) / (double)int.MaxValue;
}

/// <summary>
/// The one way out to the connector. Per conversation it sends one request at a time, in the order asked, within
/// Teams' rate limits (and the tenant's); it retries what can succeed later (429 after <c>Retry-After</c>, 412,
/// 502–504, network errors, with jittered exponential backoff) and nothing else. A bot that was removed or blocked
/// (403 <c>BotNotInConversationRoster</c>, <c>ConversationBlockedByUser</c>, <c>ForbiddenOperationException</c>,
/// <c>MessageWritesBlocked</c>; 404 <c>ConversationNotFound</c>) ends in <see cref="ConversationUnreachableException"/>;
/// a write (reply, send, update, a new personal chat) still failing when the attempts are spent with what may pass later
/// ends in <see cref="MessageNotDeliveredException"/> (the turn keeps the message in the outbox); other errors end in
/// <see cref="ConnectorException"/> (413: <see cref="MessageTooLargeException"/>). Logs carry
/// ids, statuses and a hash of the conversation id, never what was sent.
/// </summary>
public sealed class OutboundSender
{
    private static readonly ResiliencePropertyKey<CallInfo> Call = new("IntervisieBot.ConnectorCall");

    private static readonly HashSet<string> RemovedCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "BotNotInConversationRoster",
        "ConversationBlockedByUser",
        "ForbiddenOperationException",
        ConnectorClient.MessageWritesBlocked,
    };

    private readonly TimeProvider _time;
    private readonly OutboundSenderOptions _options;
    private readonly ILogger<OutboundSender> _logger;
    private readonly SerialQueues _queues = new();
    private readonly OutboundRateLimiter _limiter;
    private readonly ResiliencePipeline _retry;

    public OutboundSender(TimeProvider time, IOptions<OutboundSenderOptions> options, ILogger<OutboundSender> logger)
        : this(time, options, logger, OutboundShare.Alone())
    {
    }

    /// <summary>With this instance's share of Teams' limits, when several instances send for the bot.</summary>
    public OutboundSender(TimeProvider time, IOptions<OutboundSenderOptions> options, ILogger<OutboundSender> logger, OutboundShare share)
    {
        _time = time;
        _options = options.Value;
        _logger = logger;
        _limiter = new OutboundRateLimiter(time, _options.RateLimitMargin, share);
        _retry = new OutboundRetry(_options.MaxRetryAttempts, _options.BaseDelay, _options.MaxDelay, _options.Randomizer).Build(
            time,
            IsRetryable,
            e => e is ConnectorException c ? RetryAfter(c) : null,
            (context, exception, retry, delay) => LogRetry(context.Properties.GetValue(Call, default!), exception, retry, delay));
    }

    /// <summary>
    /// Runs <paramref name="call"/> (one connector request; run again on a retry) for <paramref name="conversation"/>.
    /// Writes take their place in the conversation's line before this method returns, so calls made one after the
    /// other go out in that order; member reads do not wait in line.
    /// </summary>
    public Task<T> SendAsync<T>(
        ConversationAddress conversation, ConnectorOperation operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken = default)
    {
        var info = new CallInfo(operation, conversation, LogId(conversation.ConversationId));
        return IsMembersRead(operation)
            ? RunAsync(info, call, cancellationToken)
            : _queues.RunAsync(conversation.Key, () => RunAsync(info, call, cancellationToken), cancellationToken);
    }

    /// <summary>A short, stable stand-in for a conversation id in logs: ids name people and teams.</summary>
    public static string LogId(string conversationId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)), 0, 6);

    internal int ConversationsInLine => _queues.Count;

    private static bool IsWrite(ConnectorOperation operation) =>
        operation is ConnectorOperation.Reply or ConnectorOperation.Send or ConnectorOperation.Update or ConnectorOperation.CreateConversation;

    private static bool IsMembersRead(ConnectorOperation operation) =>
        operation is ConnectorOperation.GetMembers or ConnectorOperation.GetPagedMembers;

    private async Task<T> RunAsync<T>(CallInfo info, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Call, info);
        try
        {
            return await _retry.ExecuteAsync(
                static async (context, state) =>
                {
                    var (sender, info, call) = state;
                    await sender._limiter.AcquireAsync(
                        info.Conversation.Key, IsMembersRead(info.Operation), info.Conversation.TenantId ?? "", context.CancellationToken);
                    return await call(context.CancellationToken);
                },
                context,
                (this, info, call));
        }
        catch (ConnectorException e) when (IsUnreachable(e))
        {
            _logger.LogInformation(
                "Connector {Operation} for conversation {Conversation}: {Status} {Code}, the bot cannot write there (correlation {CorrelationId})",
                info.Operation, info.LogId, (int)e.StatusCode, e.ErrorCode, e.CorrelationId);
            throw new ConversationUnreachableException(info.Conversation, $"{(int)e.StatusCode} {e.ErrorCode}");
        }
        catch (Exception e) when (IsWrite(info.Operation) && !cancellationToken.IsCancellationRequested && IsRetryable(e, context))
        {
            // Out of attempts with a failure that may pass: the message did not arrive, so the turn can keep it for later.
            throw new MessageNotDeliveredException(e is ConnectorException c ? $"{info.Operation} {(int)c.StatusCode}" : $"{info.Operation} {e.GetType().Name}", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsUnreachable(ConnectorException e) => e.StatusCode switch
    {
        HttpStatusCode.Forbidden => e.ErrorCode is { } code && RemovedCodes.Contains(code),
        HttpStatusCode.NotFound => string.Equals(e.ErrorCode, "ConversationNotFound", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>What may succeed later; a <c>Retry-After</c> longer than the longest wait ends the attempts (<see cref="OutboundRetry"/>).</summary>
    private static bool IsRetryable(Exception exception, ResilienceContext context) => exception switch
    {
        ConnectorException e => e.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        HttpRequestException => true,
        _ => OutboundRetry.IsClientTimeout(exception, context),
    };

    /// <summary><c>Retry-After</c> as seconds or as a date (on our clock); null when the answer had none.</summary>
    private TimeSpan? RetryAfter(ConnectorException e)
    {
        var after = e.RetryAfter?.Delta ?? (e.RetryAfter?.Date is { } date ? date - _time.GetUtcNow() : null);
        return after is { } value && value < TimeSpan.Zero ? TimeSpan.Zero : after;
    }

    private void LogRetry(CallInfo info, Exception? exception, int retry, TimeSpan delay)
    {
        if (exception is ConnectorException e)
        {
            _logger.LogWarning(
                "Connector {Operation} for conversation {Conversation}: {Status} {Code} (correlation {CorrelationId}); retry {Retry} in {Delay}",
                info.Operation, info.LogId, (int)e.StatusCode, e.ErrorCode, e.CorrelationId, retry, delay);
        }
        else
        {
            _logger.LogWarning(
                "Connector {Operation} for conversation {Conversation}: {Error}; retry {Retry} in {Delay}",
                info.Operation, info.LogId, exception?.GetType().Name, retry, delay);
        }
    }

    private sealed record CallInfo(ConnectorOperation Operation, ConversationAddress Conversation, string LogId);
}

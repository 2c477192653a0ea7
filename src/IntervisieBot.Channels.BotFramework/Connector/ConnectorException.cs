using System.Net;
using System.Net.Http.Headers;

namespace IntervisieBot.Channels.BotFramework.Connector;

/// <summary>
/// The connector answered with an error: its status, the <c>error.code</c> of the body and the
/// <c>X-Correlating-OperationId</c> header that Microsoft support asks for.
/// </summary>
public class ConnectorException : Exception
{
    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string? errorMessage, string? correlationId, RetryConditionHeaderValue? retryAfter)
        : this(Describe(statusCode, errorCode, errorMessage, correlationId), statusCode, errorCode, correlationId, retryAfter)
    {
    }

    protected ConnectorException(string message, HttpStatusCode statusCode, string? errorCode, string? correlationId, RetryConditionHeaderValue? retryAfter)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        CorrelationId = correlationId;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary><c>error.code</c> of the answer (e.g. <c>BotNotInConversationRoster</c>), when it had one.</summary>
    public string? ErrorCode { get; }

    public string? CorrelationId { get; }

    /// <summary>The <c>Retry-After</c> header (seconds or a date), when the connector sent one.</summary>
    public RetryConditionHeaderValue? RetryAfter { get; }

    private static string Describe(HttpStatusCode status, string? code, string? message, string? correlationId)
    {
        // The connector's message text is generic (it never echoes what we sent), but keep it short in logs.
        var text = message is { Length: > 200 } ? message[..200] + "…" : message;
        return $"The connector answered {(int)status} {code ?? status.ToString()}: {text ?? "(no message)"} (correlation id {correlationId ?? "none"}).";
    }
}

/// <summary>Teams refused the message as too big (413; the limit is about 28 KB): it must be made smaller, not retried.</summary>
public sealed class MessageTooLargeException(string? errorCode, string? correlationId)
    : ConnectorException(
        $"The message is too big for Teams (413 {errorCode ?? "MessageSizeTooBig"}; about 28 KB at most): shorten or split it (correlation id {correlationId ?? "none"}).",
        HttpStatusCode.RequestEntityTooLarge,
        errorCode,
        correlationId,
        null);

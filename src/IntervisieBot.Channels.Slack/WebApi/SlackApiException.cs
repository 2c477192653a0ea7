using System.Net;

namespace IntervisieBot.Channels.Slack.WebApi;

/// <summary>
/// The Web API refused a call: an HTTP error (429 with <see cref="RetryAfter"/>, 5xx) or, as Slack does for most
/// failures, HTTP 200 with <c>ok:false</c> and <see cref="Error"/> (e.g. <c>channel_not_found</c>). The message names
/// the method and the code, never the token or what was sent.
/// </summary>
public sealed class SlackApiException(string method, HttpStatusCode status, string? error, TimeSpan? retryAfter = null)
    : Exception($"Slack {method} failed: {(int)status} {error ?? status.ToString()}")
{
    /// <summary>Codes that mean the bot cannot write there any more (removed, archived, uninstalled, token revoked).</summary>
    private static readonly HashSet<string> GoneCodes = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "is_archived", "account_inactive", "token_revoked", "invalid_auth",
        "not_authed", "team_access_not_granted", "user_disabled", "cannot_dm_bot", "team_not_found", "user_not_found",
    };

    /// <summary>Codes Slack uses for trouble on its side: the same call may succeed later.</summary>
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "ratelimited", "service_unavailable", "request_timeout",
    };

    /// <summary>Codes after which the call may have partly happened: retried only for calls that can be repeated safely.</summary>
    private static readonly HashSet<string> UncertainCodes = new(StringComparer.Ordinal) { "internal_error", "fatal_error" };

    public string Method { get; } = method;

    public HttpStatusCode Status { get; } = status;

    /// <summary>Slack's error code (<c>error</c> of the answer), when it sent one.</summary>
    public string? Error { get; } = error;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool IsGone => Error is { } code && GoneCodes.Contains(code);

    public bool IsTransient => Status == HttpStatusCode.TooManyRequests || (int)Status >= 500 || (Error is { } code && TransientCodes.Contains(code));

    public bool IsUncertain => Error is { } code && UncertainCodes.Contains(code);
}

using System.Security.Claims;

namespace IntervisieBot.Channels.BotFramework.Authentication;

public enum AuthenticationOutcome
{
    /// <summary>The token is valid for this bot, this serviceUrl and this channel.</summary>
    Authenticated,

    /// <summary>No MicrosoftAppId is configured, so nothing is checked (local development only).</summary>
    AuthenticationDisabled,

    /// <summary>No usable token: answer HTTP 401.</summary>
    Unauthorized,

    /// <summary>A valid token whose signing key does not endorse the activity's channel: answer HTTP 403.</summary>
    Forbidden,

    /// <summary>The channel's signing keys could not be fetched, so nothing can be checked now: answer HTTP 503 (the channel retries).</summary>
    Unavailable,
}

/// <summary>
/// <c>Reason</c> says why a request was refused: short fixed text without token contents, safe to log. <c>Identity</c>
/// holds the token's claims when <see cref="AuthenticationOutcome.Authenticated"/>, else null.
/// </summary>
public sealed record AuthenticationResult(AuthenticationOutcome Outcome, string? Reason, ClaimsIdentity? Identity)
{
    /// <summary>Whether the activity may be processed.</summary>
    public bool Succeeded => Outcome is AuthenticationOutcome.Authenticated or AuthenticationOutcome.AuthenticationDisabled;

    internal static AuthenticationResult Disabled { get; } = new(AuthenticationOutcome.AuthenticationDisabled, null, null);

    internal static AuthenticationResult Success(ClaimsIdentity identity) => new(AuthenticationOutcome.Authenticated, null, identity);

    internal static AuthenticationResult Unauthorized(string reason) => new(AuthenticationOutcome.Unauthorized, reason, null);

    internal static AuthenticationResult Forbidden(string reason) => new(AuthenticationOutcome.Forbidden, reason, null);

    internal static AuthenticationResult Unavailable(string reason) => new(AuthenticationOutcome.Unavailable, reason, null);
}

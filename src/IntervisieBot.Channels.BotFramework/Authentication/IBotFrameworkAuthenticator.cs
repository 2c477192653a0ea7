namespace IntervisieBot.Channels.BotFramework.Authentication;

/// <summary>Checks that an activity POSTed to the bot was sent by the Bot Framework channel service (protocol.md §3).</summary>
public interface IBotFrameworkAuthenticator
{
    /// <summary>
    /// Takes the request's <c>Authorization</c> header as received, and the activity's <c>channelId</c> (the signing
    /// key must endorse it) and <c>serviceUrl</c> (the token's <c>serviceurl</c> claim must name it). Never throws for
    /// a bad token or an unreachable key endpoint (<see cref="AuthenticationOutcome.Unavailable"/>); only cancellation throws.
    /// </summary>
    Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader,
        string? channelId,
        string? serviceUrl,
        CancellationToken cancellationToken = default);
}

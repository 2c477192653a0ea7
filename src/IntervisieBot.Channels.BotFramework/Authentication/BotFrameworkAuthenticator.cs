using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IntervisieBot.Channels.BotFramework.Authentication;

/// <summary>
/// Validates the channel's JWT on an inbound activity: issuer, audience (our app id), lifetime, RSA signature by a
/// published key, the <c>serviceurl</c> claim, and the key's endorsement of the channel. With no MicrosoftAppId
/// configured it checks nothing and says so (<see cref="AuthenticationOutcome.AuthenticationDisabled"/>).
/// </summary>
public sealed class BotFrameworkAuthenticator : IBotFrameworkAuthenticator
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>The channel signs with RSA; anything else (HS256, none) is a forgery attempt.</summary>
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new();
    private readonly string? _appId;
    private readonly ChannelSigningKeys _keys;
    private readonly TimeProvider _timeProvider;

    /// <summary>Does no I/O: the OpenID metadata and keys are fetched with <paramref name="httpClient"/> on first use.</summary>
    public BotFrameworkAuthenticator(
        IOptions<BotFrameworkOptions> options,
        HttpClient httpClient,
        TimeProvider timeProvider,
        ILogger<BotFrameworkAuthenticator> logger)
    {
        var settings = options.Value;
        _appId = settings.AuthenticationEnabled ? settings.MicrosoftAppId : null;
        _timeProvider = timeProvider;
        _keys = new ChannelSigningKeys(
            httpClient, new Uri(settings.OpenIdMetadataUrl), settings.OpenIdMetadataRefreshInterval, timeProvider, logger);
    }

    public async Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader,
        string? channelId,
        string? serviceUrl,
        CancellationToken cancellationToken = default)
    {
        if (_appId is null)
        {
            return AuthenticationResult.Disabled;
        }

        if (!TryReadBearerToken(authorizationHeader, out var rawToken))
        {
            return AuthenticationResult.Unauthorized("missing or non-Bearer Authorization header");
        }

        if (ReadUnvalidated(rawToken) is not { } token)
        {
            return AuthenticationResult.Unauthorized("malformed token");
        }

        // Cheap checks before the key lookup, so that foreign tokens cannot make us fetch keys.
        if (!AllowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return AuthenticationResult.Unauthorized("signing algorithm not allowed");
        }

        if (!string.Equals(token.Issuer, ChannelIssuer, StringComparison.Ordinal))
        {
            return AuthenticationResult.Unauthorized("wrong issuer");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return AuthenticationResult.Unauthorized("token names no signing key");
        }

        var (key, keysAvailable) = await _keys.FindAsync(token.Kid, cancellationToken);
        if (!keysAvailable)
        {
            return AuthenticationResult.Unavailable("signing keys unavailable: OpenID metadata could not be fetched");
        }

        if (key is null)
        {
            return AuthenticationResult.Unauthorized("unknown signing key");
        }

        var validation = await _handler.ValidateTokenAsync(token, Parameters(key));
        if (!validation.IsValid)
        {
            return AuthenticationResult.Unauthorized(Describe(validation.Exception));
        }

        if (LifetimeProblem(token) is { } problem)
        {
            return AuthenticationResult.Unauthorized(problem);
        }

        var identity = validation.ClaimsIdentity;
        if (!SameServiceUrl(identity.FindFirst(ServiceUrlClaim)?.Value, serviceUrl))
        {
            return AuthenticationResult.Unauthorized("serviceurl claim does not match the activity's serviceUrl");
        }

        // Last, because it is not about who sent the token but what that sender may do: 403, not 401.
        if (string.IsNullOrEmpty(channelId) || !key.Endorsements.Contains(channelId))
        {
            return AuthenticationResult.Forbidden("signing key does not endorse the activity's channel");
        }

        return AuthenticationResult.Success(identity);
    }

    private static bool TryReadBearerToken(string? header, out string token)
    {
        const string Scheme = "Bearer ";
        token = string.Empty;
        // The scheme name is case-insensitive (RFC 9110 §11.1); the token itself is not.
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = header[Scheme.Length..].Trim();
        return token.Length > 0;
    }

    private static JsonWebToken? ReadUnvalidated(string rawToken)
    {
        try
        {
            var token = new JsonWebToken(rawToken);
            return token.IsEncrypted ? null : token;
        }
        catch (ArgumentException)
        {
            return null; // SecurityTokenMalformedException is one of these
        }
    }

    private TokenValidationParameters Parameters(ChannelSigningKey key) => new()
    {
        ValidIssuer = ChannelIssuer,
        ValidAudience = _appId,
        // IdentityModel 8 reads the system clock (its TimeProvider property is internal), so lifetime is checked
        // against the injected clock in LifetimeProblem instead.
        ValidateLifetime = false,
        ValidAlgorithms = AllowedAlgorithms,
        IssuerSigningKey = key.Key,
        // The key was chosen by kid; a token must not be checked against any other key.
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        AuthenticationType = "BotFramework",
    };

    private string? LifetimeProblem(JsonWebToken token)
    {
        // JsonWebToken reports a missing exp or nbf as DateTime.MinValue.
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (token.ValidTo == DateTime.MinValue)
        {
            return "token has no expiry";
        }

        if (now > token.ValidTo + ClockSkew)
        {
            return "token expired";
        }

        return token.ValidFrom != DateTime.MinValue && now < token.ValidFrom - ClockSkew ? "token not yet valid" : null;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAlgorithmException => "signing algorithm not allowed",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "invalid signature",
        _ => "invalid token",
    };

    /// <summary>Case-insensitive and ignoring a trailing slash, as the channel is not consistent about either.</summary>
    private static bool SameServiceUrl(string? claimed, string? actual) =>
        !string.IsNullOrWhiteSpace(claimed)
        && !string.IsNullOrWhiteSpace(actual)
        && string.Equals(claimed.TrimEnd('/'), actual.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}

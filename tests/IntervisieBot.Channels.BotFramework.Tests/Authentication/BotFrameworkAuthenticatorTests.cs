using System.IdentityModel.Tokens.Jwt;
using System.Text;
using IntervisieBot.Channels.BotFramework.Authentication;
using IntervisieBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IntervisieBot.Channels.BotFramework.Tests.Authentication;

public sealed class BotFrameworkAuthenticatorTests : IAsyncLifetime, IDisposable
{
    private const string AppId = "5f0e2c3a-1b7d-4e8f-9a6b-2c4d6e8f0a1b";
    private const string Issuer = "https://api.botframework.com";
    private const string ChannelId = "msteams";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly FakeTimeProvider _clock = new();
    private readonly HttpClient _http = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ChannelKey _key = TestKeys.Teams;
    private FakeOpenIdEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await FakeOpenIdEndpoint.StartAsync(_key);

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task Authenticate_ValidToken_IsAuthenticated()
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(Token()), ChannelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
        Assert.True(result.Succeeded);
        Assert.Null(result.Reason);
        Assert.Equal(AppId, result.Identity!.FindFirst("aud")!.Value);
        Assert.Equal(ServiceUrl, result.Identity.FindFirst("serviceurl")!.Value);
    }

    [Fact]
    public async Task Authenticate_NoAppIdConfigured_IsAuthenticationDisabledWithoutFetchingKeys()
    {
        var result = await Authenticator(appId: null).AuthenticateAsync(null, ChannelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.AuthenticationDisabled, result.Outcome);
        Assert.True(result.Succeeded);
        Assert.Equal(0, _endpoint.Requests);
    }

    [Fact]
    public async Task Authenticate_ExpiredToken_IsUnauthorized()
    {
        var token = Token(lifetime: TimeSpan.FromMinutes(10));
        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var result = await Authenticator().AuthenticateAsync(Bearer(token), ChannelId, ServiceUrl);

        AssertRefused(AuthenticationOutcome.Unauthorized, "token expired", result);
    }

    [Fact]
    public async Task Authenticate_TokenExpiredWithinFiveMinuteSkew_IsAuthenticated()
    {
        var token = Token(lifetime: TimeSpan.FromMinutes(10));
        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromMinutes(4));

        var result = await Authenticator().AuthenticateAsync(Bearer(token), ChannelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
    }

    [Fact]
    public async Task Authenticate_TokenNotYetValid_IsUnauthorized()
    {
        var token = Token(notBefore: _clock.GetUtcNow().AddMinutes(6));

        var result = await Authenticator().AuthenticateAsync(Bearer(token), ChannelId, ServiceUrl);

        AssertRefused(AuthenticationOutcome.Unauthorized, "token not yet valid", result);
    }

    [Fact]
    public async Task Authenticate_TokenValidWithinFiveMinuteSkew_IsAuthenticated()
    {
        var token = Token(notBefore: _clock.GetUtcNow().AddMinutes(4));

        var result = await Authenticator().AuthenticateAsync(Bearer(token), ChannelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
    }

    [Fact]
    public async Task Authenticate_TokenWithoutExpiry_IsUnauthorized()
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(Token(expires: false)), ChannelId, ServiceUrl);

        AssertRefused(AuthenticationOutcome.Unauthorized, "token has no expiry", result);
    }

    [Fact]
    public async Task Authenticate_WrongAudience_IsUnauthorized()
    {
        var token = Token(audience: "another-bot");

        var result = await Authenticator().AuthenticateAsync(Bearer(token), ChannelId, ServiceUrl);

        AssertRefused(AuthenticationOutcome.Unauthorized, "wrong audience", result);
    }

    [Fact]
    public async Task Authenticate_WrongIssuer_IsUnauthorized()
    {
        var token = Token(issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/");

        var result = await Authenticator().AuthenticateAsync(Bearer(token), ChannelId, ServiceUrl);

        AssertRefused(AuthenticationOutcome.Unauthorized, "wrong issuer", result);
    }

    [Fact]
    public async Task Authenticate_SignedByAnotherKeyWithSameKeyId_IsUnauthorized()
    {
        var forger = TestKeys.Forger;

        var result = await Authenticator().AuthenticateAsync(Bearer(Token(signer: forger)), ChannelId, ServiceUrl);

        AssertRefused(AuthenticationOutcome.Unauthorized, "invalid signature", result);
    }

    [Fact]
    public async Task Authenticate_SymmetricAlgorithm_IsUnauthorizedWithoutFetchingKeys()
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a shared secret of at least 256 bits")) { KeyId = _key.KeyId };
        var token = Token(credentials: new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));

        var result = await Authenticator().AuthenticateAsync(Bearer(token), ChannelId, ServiceUrl);

        AssertRefused(AuthenticationOutcome.Unauthorized, "signing algorithm not allowed", result);
        Assert.Equal(0, _endpoint.Requests);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task Authenticate_OtherRsaAlgorithms_AreAuthenticated(string algorithm)
    {
        var token = Token(credentials: _key.Credentials(algorithm));

        var result = await Authenticator().AuthenticateAsync(Bearer(token), ChannelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
    }

    [Fact]
    public async Task Authenticate_UnknownKeyId_RefreshesOnceAndIsUnauthorized()
    {
        var authenticator = Authenticator();
        await authenticator.AuthenticateAsync(Bearer(Token()), ChannelId, ServiceUrl);
        Assert.Equal(2, _endpoint.Requests);
        _clock.Advance(TimeSpan.FromMinutes(6));
        var stranger = TestKeys.Unpublished;

        var first = await authenticator.AuthenticateAsync(Bearer(Token(signer: stranger)), ChannelId, ServiceUrl);
        var second = await authenticator.AuthenticateAsync(Bearer(Token(signer: stranger)), ChannelId, ServiceUrl);

        AssertRefused(AuthenticationOutcome.Unauthorized, "unknown signing key", first);
        AssertRefused(AuthenticationOutcome.Unauthorized, "unknown signing key", second);
        Assert.Equal(4, _endpoint.Requests); // one refresh for the unknown key; the second is within the rate limit
    }

    [Fact]
    public async Task Authenticate_KeyRotatedIn_IsAuthenticatedAfterRefresh()
    {
        var authenticator = Authenticator();
        await authenticator.AuthenticateAsync(Bearer(Token()), ChannelId, ServiceUrl);
        var rotated = TestKeys.Rotated;
        _endpoint.Publish(_key, rotated);
        _clock.Advance(TimeSpan.FromMinutes(6));

        var result = await authenticator.AuthenticateAsync(Bearer(Token(signer: rotated)), ChannelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Equal(4, _endpoint.Requests);
    }

    [Fact]
    public async Task Authenticate_KeyRotatedInMomentsAfterLastFetch_WaitsForTheRateLimit()
    {
        var authenticator = Authenticator();
        await authenticator.AuthenticateAsync(Bearer(Token()), ChannelId, ServiceUrl);
        var rotated = TestKeys.Rotated;
        _endpoint.Publish(_key, rotated);

        var early = await authenticator.AuthenticateAsync(Bearer(Token(signer: rotated)), ChannelId, ServiceUrl);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var later = await authenticator.AuthenticateAsync(Bearer(Token(signer: rotated)), ChannelId, ServiceUrl);

        AssertRefused(AuthenticationOutcome.Unauthorized, "unknown signing key", early);
        Assert.Equal(AuthenticationOutcome.Authenticated, later.Outcome);
    }

    [Fact]
    public async Task Authenticate_ChannelNotEndorsed_IsForbidden()
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(Token()), "slack", ServiceUrl);

        AssertRefused(AuthenticationOutcome.Forbidden, "signing key does not endorse the activity's channel", result);
    }

    [Fact]
    public async Task Authenticate_KeyWithoutEndorsements_IsForbidden()
    {
        var bare = TestKeys.WithoutEndorsements;
        _endpoint.Publish(_key, bare);

        var result = await Authenticator().AuthenticateAsync(Bearer(Token(signer: bare)), ChannelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Forbidden, result.Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Authenticate_ActivityWithoutChannelId_IsForbidden(string? channelId)
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(Token()), channelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Forbidden, result.Outcome);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://evil.example/emea/")]
    [InlineData(null)]
    [InlineData("")]
    public async Task Authenticate_ServiceUrlMismatch_IsUnauthorized(string? activityServiceUrl)
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(Token()), ChannelId, activityServiceUrl);

        AssertRefused(AuthenticationOutcome.Unauthorized, "serviceurl claim does not match the activity's serviceUrl", result);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea")]
    [InlineData("HTTPS://SMBA.TrafficManager.net/EMEA/")]
    public async Task Authenticate_ServiceUrlDiffersInCaseOrTrailingSlash_IsAuthenticated(string activityServiceUrl)
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(Token()), ChannelId, activityServiceUrl);

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
    }

    [Fact]
    public async Task Authenticate_TokenWithoutServiceUrlClaim_IsUnauthorized()
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(Token(serviceUrl: null)), ChannelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer    ")]
    public async Task Authenticate_NoToken_IsUnauthorized(string? header)
    {
        var result = await Authenticator().AuthenticateAsync(header, ChannelId, ServiceUrl);

        AssertRefused(AuthenticationOutcome.Unauthorized, "missing or non-Bearer Authorization header", result);
    }

    [Theory]
    [InlineData("Basic ")]
    [InlineData("Token ")]
    [InlineData("")]
    public async Task Authenticate_NonBearerScheme_IsUnauthorized(string prefix)
    {
        var result = await Authenticator().AuthenticateAsync(prefix + Token(), ChannelId, ServiceUrl);

        AssertRefused(AuthenticationOutcome.Unauthorized, "missing or non-Bearer Authorization header", result);
    }

    [Fact]
    public async Task Authenticate_LowercaseBearerScheme_IsAuthenticated()
    {
        var result = await Authenticator().AuthenticateAsync("bearer " + Token(), ChannelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.!!!.signature")]
    [InlineData("a.b.c.d.e")]
    public async Task Authenticate_MalformedToken_IsUnauthorized(string token)
    {
        var result = await Authenticator().AuthenticateAsync(Bearer(token), ChannelId, ServiceUrl);

        AssertRefused(AuthenticationOutcome.Unauthorized, "malformed token", result);
        Assert.Equal(0, _endpoint.Requests);
    }

    [Fact]
    public async Task Authenticate_TokenWithSignatureRemoved_IsUnauthorized()
    {
        var unsigned = string.Join('.', Token().Split('.')[..2]) + ".";

        var result = await Authenticator().AuthenticateAsync(Bearer(unsigned), ChannelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
    }

    [Fact]
    public async Task Authenticate_MetadataEndpointDown_IsUnavailableAndLoggedWithoutToken()
    {
        var deadUrl = $"http://127.0.0.1:{LoopbackPort.Free()}/v1/.well-known/openidconfiguration";
        var token = Token();

        var result = await Authenticator(metadataUrl: deadUrl).AuthenticateAsync(Bearer(token), ChannelId, ServiceUrl);

        AssertRefused(AuthenticationOutcome.Unavailable, "signing keys unavailable: OpenID metadata could not be fetched", result);
        var error = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(deadUrl, error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Entries, e => e.Text.Contains(token.Split('.')[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Authenticate_MetadataEndpointBackAfterFailure_IsAuthenticatedAfterRetryInterval()
    {
        var authenticator = Authenticator();
        _endpoint.Available = false;
        var down = await authenticator.AuthenticateAsync(Bearer(Token()), ChannelId, ServiceUrl);
        _endpoint.Available = true;

        var tooSoon = await authenticator.AuthenticateAsync(Bearer(Token()), ChannelId, ServiceUrl);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var retried = await authenticator.AuthenticateAsync(Bearer(Token()), ChannelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Unavailable, down.Outcome);
        Assert.Equal(AuthenticationOutcome.Unavailable, tooSoon.Outcome);
        Assert.Equal(AuthenticationOutcome.Authenticated, retried.Outcome);
        Assert.Equal(3, _endpoint.Requests); // the refused metadata request, then one full fetch
    }

    [Fact]
    public async Task Authenticate_ManyRequests_FetchMetadataOnce()
    {
        var authenticator = Authenticator();

        for (var i = 0; i < 10; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(30));
            var result = await authenticator.AuthenticateAsync(Bearer(Token()), ChannelId, ServiceUrl);
            Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
        }

        Assert.Equal(2, _endpoint.Requests);
    }

    [Fact]
    public async Task Authenticate_ConcurrentRequestsOnColdCache_ShareOneFetch()
    {
        var authenticator = Authenticator();
        var token = Bearer(Token());

        var results = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(_ => Task.Run(() => authenticator.AuthenticateAsync(token, ChannelId, ServiceUrl))));

        Assert.All(results, r => Assert.Equal(AuthenticationOutcome.Authenticated, r.Outcome));
        Assert.Equal(2, _endpoint.Requests);
    }

    [Fact]
    public async Task Authenticate_KeysOlderThan24Hours_AreFetchedAgain()
    {
        var authenticator = Authenticator();
        await authenticator.AuthenticateAsync(Bearer(Token()), ChannelId, ServiceUrl);
        _clock.Advance(TimeSpan.FromHours(24));

        var result = await authenticator.AuthenticateAsync(Bearer(Token()), ChannelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Equal(4, _endpoint.Requests);
    }

    [Fact]
    public async Task Authenticate_RefreshFailsAfter24Hours_KeepsUsingCachedKeys()
    {
        var authenticator = Authenticator();
        await authenticator.AuthenticateAsync(Bearer(Token()), ChannelId, ServiceUrl);
        _clock.Advance(TimeSpan.FromHours(25));
        _endpoint.Available = false;

        var result = await authenticator.AuthenticateAsync(Bearer(Token()), ChannelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("keeping the keys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Authenticate_JwksWithoutUsableKeys_KeepsPreviousKeys()
    {
        var authenticator = Authenticator();
        await authenticator.AuthenticateAsync(Bearer(Token()), ChannelId, ServiceUrl);
        _endpoint.Publish();
        _clock.Advance(TimeSpan.FromHours(24));

        var result = await authenticator.AuthenticateAsync(Bearer(Token()), ChannelId, ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Equal(4, _endpoint.Requests);
    }

    private static string Bearer(string token) => $"Bearer {token}";

    private static void AssertRefused(AuthenticationOutcome expected, string reason, AuthenticationResult result)
    {
        Assert.Equal(expected, result.Outcome);
        Assert.Equal(reason, result.Reason);
        Assert.Null(result.Identity);
        Assert.False(result.Succeeded);
    }

    private BotFrameworkAuthenticator Authenticator(string? appId = AppId, string? metadataUrl = null) => new(
        Options.Create(new BotFrameworkOptions { MicrosoftAppId = appId, OpenIdMetadataUrl = metadataUrl ?? _endpoint.MetadataUrl }),
        _http,
        _clock,
        _logs.CreateLogger<BotFrameworkAuthenticator>());

    /// <summary>A token as the channel issues it, valid from now for an hour unless told otherwise.</summary>
    private string Token(
        ChannelKey? signer = null,
        SigningCredentials? credentials = null,
        string issuer = Issuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        DateTimeOffset? notBefore = null,
        TimeSpan? lifetime = null,
        bool expires = true)
    {
        var now = _clock.GetUtcNow();
        var start = notBefore ?? now;
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = start.UtcDateTime,
            Expires = expires ? start.Add(lifetime ?? TimeSpan.FromHours(1)).UtcDateTime : null,
            Claims = claims,
            SigningCredentials = credentials ?? (signer ?? _key).Credentials(),
        };
        return new JwtSecurityTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateEncodedJwt(descriptor);
    }
}

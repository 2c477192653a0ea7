using System.IdentityModel.Tokens.Jwt;
using System.Net;
using IntervisieBot.Channels.BotFramework.Tests.Authentication;
using IntervisieBot.Testing;
using IntervisieBot.Tests.Host;
using Microsoft.IdentityModel.Tokens;

namespace IntervisieBot.Tests.BotFramework;

/// <summary>With an app id configured, /api/messages admits only activities the channel really signed.</summary>
public sealed class AuthenticationOverHttpTests : IAsyncLifetime
{
    private const string AppId = "5f0e2c3a-1b7d-4e8f-9a6b-2c4d6e8f0a1b";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private FakeOpenIdEndpoint _openId = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _openId = await FakeOpenIdEndpoint.StartAsync(TestKeys.Teams);
        _bot = new BotFactory()
            .With("MicrosoftAppId", AppId)
            .With("MicrosoftAppPassword", "not-used-here")
            .With("MicrosoftAppTenantId", "72f988bf-86f1-41af-91ab-2d7cd011db47")
            .With("BotFramework:OpenIdMetadataUrl", _openId.MetadataUrl);
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _openId.DisposeAsync();
    }

    /// <summary>A reaction: the bot reads it but sends nothing, so no outbound token is needed in these tests.</summary>
    private static string Activity(string channelId = "msteams", string serviceUrl = ServiceUrl) => $$"""
        {"type":"messageReaction","channelId":"{{channelId}}","serviceUrl":"{{serviceUrl}}",
         "conversation":{"id":"19:abc@thread.v2","conversationType":"groupChat"},"from":{"id":"29:anna"},"recipient":{"id":"28:{{AppId}}"},
         "reactionsAdded":[{"type":"like"}]}
        """;

    private static string Token(ChannelKey key, string audience = AppId, string serviceUrl = ServiceUrl, TimeSpan? offset = null)
    {
        var now = TimeProvider.System.GetUtcNow() + (offset ?? TimeSpan.Zero);
        return new JwtSecurityTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateEncodedJwt(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddHours(1).UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = key.Credentials(),
        });
    }

    [Fact]
    public async Task ActivityWithAValidChannelToken_IsAccepted()
    {
        using var response = await TeamsFixture.PostAsync(_client, Activity(), Token(TestKeys.Teams));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ActivityWithoutAToken_Is401()
    {
        using var response = await TeamsFixture.PostAsync(_client, Activity());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ActivitySignedByAnUnknownKey_Is401()
    {
        using var response = await TeamsFixture.PostAsync(_client, Activity(), Token(TestKeys.Unpublished));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ActivityForAnotherBot_Is401()
    {
        using var response = await TeamsFixture.PostAsync(_client, Activity(), Token(TestKeys.Teams, audience: "another-bot"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ActivityWhoseServiceUrlDiffersFromTheToken_Is401()
    {
        using var response = await TeamsFixture.PostAsync(_client, Activity(serviceUrl: "https://evil.example/"), Token(TestKeys.Teams));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ActivityFromAChannelTheKeyDoesNotEndorse_Is403()
    {
        using var response = await TeamsFixture.PostAsync(_client, Activity(channelId: "skype"), Token(TestKeys.Teams));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("slack")]
    [InlineData("playground")]
    public async Task ActivityNamingAnotherAdaptersChannel_EvenWithAValidToken_Is400(string channelId)
    {
        using var response = await TeamsFixture.PostAsync(_client, Activity(channelId: channelId), Token(TestKeys.Teams));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StoredRows.ReadAsync(_bot.DatabasePath));
    }

    [Fact]
    public async Task ActivityFromAnotherMachine_WithAValidToken_IsAccepted()
    {
        await using var remote = new BotFactory()
            .FromPeer(IPAddress.Parse("52.114.0.10"))
            .With("MicrosoftAppId", AppId)
            .With("MicrosoftAppPassword", "not-used-here")
            .With("MicrosoftAppTenantId", "72f988bf-86f1-41af-91ab-2d7cd011db47")
            .With("BotFramework:OpenIdMetadataUrl", _openId.MetadataUrl);
        using var client = remote.CreateClient();

        using var response = await TeamsFixture.PostAsync(client, Activity(), Token(TestKeys.Teams));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SigningKeysThatCannotBeFetched_Answer503WithRetryAfter_SoTheChannelRetries()
    {
        await using var cut = new BotFactory()
            .With("MicrosoftAppId", AppId)
            .With("MicrosoftAppPassword", "not-used-here")
            .With("MicrosoftAppTenantId", "72f988bf-86f1-41af-91ab-2d7cd011db47")
            .With("BotFramework:OpenIdMetadataUrl", $"http://127.0.0.1:{LoopbackPort.Free()}/v1/.well-known/openidconfiguration");
        using var client = cut.CreateClient();

        using var response = await TeamsFixture.PostAsync(client, Activity(), Token(TestKeys.Teams));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Empty(await StoredRows.ReadAsync(cut.DatabasePath));
    }
}

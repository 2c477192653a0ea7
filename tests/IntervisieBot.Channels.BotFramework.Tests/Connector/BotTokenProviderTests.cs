using System.Net;
using System.Text;
using IntervisieBot.Channels.BotFramework.Connector;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Identity.Client;

namespace IntervisieBot.Channels.BotFramework.Tests.Connector;

public sealed class BotTokenProviderTests
{
    [Fact]
    public void SingleTenant_UsesTheTenantsAuthorityAndTheBotFrameworkScope()
    {
        var credential = BotCredential.From(Options("SingleTenant", "app-1", "secret", "tenant-9"));

        Assert.Equal(BotCredentialKind.ClientSecret, credential.Kind);
        Assert.Equal("app-1", credential.ClientId);
        Assert.Equal("https://login.microsoftonline.com/tenant-9", credential.Authority);
        Assert.Equal("https://api.botframework.com/.default", credential.Scope);
    }

    [Fact]
    public void MultiTenant_UsesTheBotFrameworkTenant()
    {
        var credential = BotCredential.From(Options("MultiTenant", "app-1", "secret", null));

        Assert.Equal(BotCredentialKind.ClientSecret, credential.Kind);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", credential.Authority);
    }

    [Fact]
    public void UserAssignedMsi_UsesTheManagedIdentityWhoseClientIdIsTheAppId()
    {
        var credential = BotCredential.From(Options("UserAssignedMSI", "msi-client-1", null, "tenant-9"));

        Assert.Equal(BotCredentialKind.ManagedIdentity, credential.Kind);
        Assert.Equal("msi-client-1", credential.ClientId);
        Assert.Equal("https://api.botframework.com", credential.Resource);
    }

    [Fact]
    public void AuthorityHost_CanBeChanged_ForSovereignClouds()
    {
        var options = Options("SingleTenant", "app-1", "secret", "tenant-9");
        options.OAuthAuthorityHost = "https://login.microsoftonline.us/";

        Assert.Equal("https://login.microsoftonline.us/tenant-9", BotCredential.From(options).Authority);
    }

    [Fact]
    public async Task NoAppId_GivesNoToken()
    {
        var provider = new MsalBotTokenProvider(Microsoft.Extensions.Options.Options.Create(new BotFrameworkOptions()));

        Assert.Equal(BotCredentialKind.None, provider.Credential.Kind);
        Assert.Null(await provider.GetTokenAsync());
    }

    [Fact]
    public async Task ClientSecret_AsksTheTenantForAClientCredentialsToken_AndServesItFromMsalsCache()
    {
        var identity = new FakeIdentityHandler("""{"token_type":"Bearer","expires_in":3599,"access_token":"token-from-entra"}""");
        var provider = new MsalBotTokenProvider(
            Microsoft.Extensions.Options.Options.Create(Options("SingleTenant", "app-1", "s3cret", "tenant-9")), identity);

        Assert.Equal("token-from-entra", await provider.GetTokenAsync());
        Assert.Equal("token-from-entra", await provider.GetTokenAsync());

        var request = Assert.Single(identity.TokenRequests);
        Assert.Equal("https://login.microsoftonline.com/tenant-9/oauth2/v2.0/token", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Contains("grant_type=client_credentials", request.Body, StringComparison.Ordinal);
        Assert.Contains("client_id=app-1", request.Body, StringComparison.Ordinal);
        Assert.Contains("client_secret=s3cret", request.Body, StringComparison.Ordinal);
        Assert.Contains("scope=" + Uri.EscapeDataString("https://api.botframework.com/.default"), request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MultiTenant_AsksTheBotFrameworkTenant()
    {
        var identity = new FakeIdentityHandler("""{"token_type":"Bearer","expires_in":3599,"access_token":"t"}""");
        var provider = new MsalBotTokenProvider(Microsoft.Extensions.Options.Options.Create(Options("MultiTenant", "app-1", "s3cret", null)), identity);

        await provider.GetTokenAsync();

        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", Assert.Single(identity.TokenRequests).Uri.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task ManagedIdentity_AsksForTheBotFrameworkResourceAsTheUserAssignedIdentity()
    {
        // MSAL judges expiry on the real clock.
        var expiresOn = TimeProvider.System.GetUtcNow().AddHours(1).ToUnixTimeSeconds();
        var identity = new FakeIdentityHandler(
            $$"""{"access_token":"token-from-imds","expires_in":"3599","expires_on":"{{expiresOn}}","resource":"https://api.botframework.com","token_type":"Bearer"}""");
        var provider = new MsalBotTokenProvider(
            Microsoft.Extensions.Options.Options.Create(Options("UserAssignedMSI", "msi-client-1", null, null)), identity);

        Assert.Equal("token-from-imds", await provider.GetTokenAsync());

        var query = QueryHelpers.ParseQuery(Assert.Single(identity.Requests).Uri.Query);
        Assert.Equal("msi-client-1", query["client_id"]);
        Assert.Equal("https://api.botframework.com", query["resource"]);
    }

    private static BotFrameworkOptions Options(string type, string appId, string? password, string? tenant) => new()
    {
        MicrosoftAppType = type,
        MicrosoftAppId = appId,
        MicrosoftAppPassword = password,
        MicrosoftAppTenantId = tenant,
    };

    /// <summary>
    /// Microsoft Entra ID as MSAL sees it through its HTTP client factory: every request answered with one token.
    /// MSAL may first ask for instance discovery (once per process); that answer is useless to it and it falls back
    /// to what it knows of the public cloud.
    /// </summary>
    private sealed class FakeIdentityHandler(string tokenJson) : HttpMessageHandler, IMsalHttpClientFactory
    {
        public List<(Uri Uri, string Body)> Requests { get; } = [];

        public IReadOnlyList<(Uri Uri, string Body)> TokenRequests =>
            Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal)).ToList();

        public HttpClient GetHttpClient() => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Requests)
            {
                Requests.Add((request.RequestUri!, body));
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(tokenJson, Encoding.UTF8, "application/json") };
        }
    }
}

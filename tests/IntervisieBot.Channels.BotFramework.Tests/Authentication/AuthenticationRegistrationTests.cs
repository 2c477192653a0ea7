using System.IdentityModel.Tokens.Jwt;
using IntervisieBot.Channels.BotFramework.Authentication;
using IntervisieBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IntervisieBot.Channels.BotFramework.Tests.Authentication;

public sealed class AuthenticationRegistrationTests : IAsyncLifetime, IDisposable
{
    private const string AppId = "0b6c7a52-9f3e-4d21-8a5b-7c1e2d3f4a5b";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly FakeTimeProvider _clock = new();
    private readonly CapturingLoggerProvider _logs = new();
    private FakeOpenIdEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await FakeOpenIdEndpoint.StartAsync(TestKeys.Teams);

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task AddBotFrameworkAuthentication_TopLevelAppIdAndSection_AuthenticatesChannelTokens()
    {
        using var services = Services(new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-used-here",
            ["MicrosoftAppTenantId"] = "d6d49420-f39b-4df7-a1dc-d59a935871db",
            ["BotFramework:OpenIdMetadataUrl"] = _endpoint.MetadataUrl,
            ["BotFramework:AllowedServiceUrlHosts:0"] = "localhost",
        });

        var options = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        var result = await services.GetRequiredService<IBotFrameworkAuthenticator>()
            .AuthenticateAsync($"Bearer {Token()}", "msteams", ServiceUrl);

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Equal("d6d49420-f39b-4df7-a1dc-d59a935871db", options.MicrosoftAppTenantId);
        Assert.Equal(["localhost"], options.AllowedServiceUrlHosts);
    }

    [Fact]
    public async Task AddBotFrameworkAuthentication_NoAppId_LogsLoudlyThatAuthenticationIsOff()
    {
        using var services = Services(new() { ["BotFramework:OpenIdMetadataUrl"] = _endpoint.MetadataUrl });

        await StartHostedServicesAsync(services);
        var result = await services.GetRequiredService<IBotFrameworkAuthenticator>().AuthenticateAsync(null, "msteams", ServiceUrl);

        Assert.Equal(AuthenticationOutcome.AuthenticationDisabled, result.Outcome);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("authentication is OFF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddBotFrameworkAuthentication_WithAppId_LogsThatAuthenticationIsOnWithoutThePassword()
    {
        using var services = Services(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "s3cr3t-client-secret",
            ["MicrosoftAppTenantId"] = "d6d49420-f39b-4df7-a1dc-d59a935871db",
            ["BotFramework:OpenIdMetadataUrl"] = _endpoint.MetadataUrl,
        });

        await StartHostedServicesAsync(services);

        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Information && e.Text.Contains("authentication is ON", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Text.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("BotFramework:OpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("BotFramework:OpenIdMetadataUrl", "not a url")]
    [InlineData("BotFramework:OpenIdMetadataRefreshInterval", "2.00:00:00")]
    [InlineData("BotFramework:OpenIdMetadataRefreshInterval", "00:00:00")]
    public void AddBotFrameworkAuthentication_InvalidSetting_FailsValidationNamingTheSetting(string key, string value)
    {
        using var services = Services(new() { ["MicrosoftAppId"] = AppId, [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging => logging.AddProvider(_logs));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddBotFrameworkAuthentication();
        return services.BuildServiceProvider();
    }

    private static async Task StartHostedServicesAsync(IServiceProvider services)
    {
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            if (hosted is IHostedLifecycleService lifecycle)
            {
                await lifecycle.StartedAsync(CancellationToken.None);
            }
        }
    }

    private string Token()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return new JwtSecurityTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateEncodedJwt(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = TestKeys.Teams.Credentials(),
        });
    }
}

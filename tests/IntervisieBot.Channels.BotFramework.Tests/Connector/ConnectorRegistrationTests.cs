using IntervisieBot.Channels.BotFramework.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.BotFramework.Tests.Connector;

public sealed class ConnectorRegistrationTests
{
    [Theory]
    [InlineData("SingleTenant", "app-1", "secret", null, "MicrosoftAppTenantId")]
    [InlineData("SingleTenant", "app-1", null, "tenant-9", "MicrosoftAppPassword")]
    [InlineData("MultiTenant", "app-1", "", null, "MicrosoftAppPassword")]
    [InlineData("SystemAssignedMSI", "app-1", null, null, "MicrosoftAppType")]
    public void Settings_ThatNameNoUsableCredential_FailAtStart(string type, string appId, string? password, string? tenant, string named)
    {
        using var services = Services(new()
        {
            ["MicrosoftAppType"] = type,
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_AreReadFromAzuresTopLevelKeysAndTheBotFrameworkSection()
    {
        using var services = Services(new()
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "app-1",
            ["MicrosoftAppPassword"] = "s3cret",
            ["BotFramework:AllowedServiceUrlHosts:0"] = "127.0.0.1",
            ["BotFramework:Outbound:MaxRetryAttempts"] = "2",
        });

        var options = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        Assert.Equal("app-1", options.MicrosoftAppId);
        Assert.Equal(["127.0.0.1"], options.AllowedServiceUrlHosts);
        Assert.Equal(2, services.GetRequiredService<IOptions<OutboundSenderOptions>>().Value.MaxRetryAttempts);
        var provider = Assert.IsType<MsalBotTokenProvider>(services.GetRequiredService<IBotTokenProvider>());
        Assert.Equal("https://login.microsoftonline.com/botframework.com", provider.Credential.Authority);
    }

    [Fact]
    public void Settings_AreBoundOnce_WhenSeveralPartsOfTheChannelAskForThem()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["BotFramework:AllowedServiceUrlHosts:0"] = "127.0.0.1" })
            .Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddBotFrameworkOptions()
            .AddBotFrameworkConnector()
            .BuildServiceProvider();

        Assert.Equal(["127.0.0.1"], services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.AllowedServiceUrlHosts);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddBotFrameworkConnector()
            .BuildServiceProvider();
}

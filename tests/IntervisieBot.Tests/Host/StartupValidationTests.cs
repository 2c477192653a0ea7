using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Tests.Host;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Storage:Provider", "Mongo", "Storage:Provider")]
    [InlineData("Storage:TablePrefix", "bad-prefix!", "Storage:TablePrefix")]
    [InlineData("Storage:SqlitePath", " ", "Storage:SqlitePath")]
    public void Startup_WithAnInvalidSetting_StopsWithAMessageNamingTheKey(string key, string value, string named)
    {
        using var factory = new BotFactory().With(key, value);

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_WithAzureTablesButNoConnection_NamesBothWaysToConnect()
    {
        using var factory = new BotFactory().With("Storage:Provider", "AzureTables");

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:TableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_WithAMalformedConnectionString_NamesTheKeyAndHidesTheSecret()
    {
        const string secret = "c2VjcmV0LWtleS10aGF0LW11c3Qtbm90LWxlYWs=";
        using var factory = new BotFactory()
            .With("Storage:Provider", "AzureTables")
            .With("Storage:ConnectionString", $"AccountName=x;AccountKey={secret};Nonsense");

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_ComeFromTheRepositoryAppSettings_ListeningOnTheBotFrameworkPort()
    {
        using var factory = new BotFactory();

        var configuration = factory.Services.GetRequiredService<IConfiguration>();

        Assert.Equal("http://localhost:3978", configuration["Urls"]);
    }
}

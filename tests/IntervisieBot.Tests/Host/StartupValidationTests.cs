using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Tests.Host;

/// <summary>
/// Bad settings stop start-up with a message that names the key. The host is built as Program.cs builds it, in
/// process (WebApplicationFactory reports start-up failures unreliably).
/// </summary>
public sealed class StartupValidationTests
{
    private static Task<OptionsValidationException> StartupFailureAsync(params (string Key, string Value)[] settings) =>
        StartupFailureAsync<OptionsValidationException>(settings);

    private static async Task<TException> StartupFailureAsync<TException>(params (string Key, string Value)[] settings)
        where TException : Exception
    {
        using var folder = new TempDirectory();
        await using var app = Host(folder, "Testing", "http://127.0.0.1:0", settings);

        return await Assert.ThrowsAsync<TException>(() => app.StartAsync());
    }

    /// <summary>The host as Program.cs builds it, in <paramref name="environment"/>, listening on <paramref name="urls"/>.</summary>
    private static WebApplication Host(TempDirectory folder, string environment, string urls, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddRepositorySettings();
        var values = new Dictionary<string, string?> { ["Storage:SqlitePath"] = folder.File("bot.db"), ["Privacy:LocalKeyPath"] = folder.File("keys") };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.WebHost.UseUrls(urls);
        builder.AddIntervisieBot();
        var app = builder.Build();
        app.MapIntervisieBot();
        return app;
    }

    /// <summary>Where a started host can be reached from this machine (a wildcard binding through 127.0.0.1).</summary>
    private static Uri Reachable(WebApplication app)
    {
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return new UriBuilder(bound) { Host = "127.0.0.1" }.Uri;
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://127.0.0.1:0;http://0.0.0.0:0")]
    public async Task Startup_WithAuthenticationOff_OnAnAddressOtherMachinesReach_OutsideDevelopment_StopsNamingWhatToSet(string urls)
    {
        using var folder = new TempDirectory();
        await using var app = Host(folder, "Production", urls);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("MicrosoftAppId", error.Message, StringComparison.Ordinal);
        Assert.Contains("BotFramework:Enabled=false", error.Message, StringComparison.Ordinal);
        Assert.Contains("Urls", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", "http://localhost:{port}")]
    [InlineData("Production", "http://127.0.0.1:0")]
    [InlineData("Development", "http://0.0.0.0:0")]
    public async Task Startup_WithAuthenticationOff_OnThisMachineOnlyOrInDevelopment_Starts(string environment, string urls)
    {
        using var folder = new TempDirectory();
        await using var app = Host(folder, environment, urls.Replace("{port}", LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        await app.StartAsync();

        Assert.True(app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested);
        await app.StopAsync();
    }

    [Fact]
    public async Task Startup_SlackOnly_WithTheBotFrameworkChannelOff_OnAnyAddress_InProduction_Starts_AndApiMessagesIsNotThere()
    {
        using var folder = new TempDirectory();
        await using var app = Host(
            folder,
            "Production",
            "http://0.0.0.0:0",
            ("BotFramework:Enabled", "false"),
            ("Slack:SigningSecret", "8f742231b10e8888abcd99yyyzzz85a5"),
            ("Slack:BotToken", "xoxb-1-2-3"),
            ("Privacy:ExportBaseUrl", "https://bot.example.test"));

        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = Reachable(app) };
        using var response = await http.PostAsync(
            new Uri("/api/messages", UriKind.Relative),
            new StringContent("""{"type":"message","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c"},"from":{"id":"u"}}""", System.Text.Encoding.UTF8, "application/json"));
        await app.StopAsync();

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("Storage:Provider", "Mongo", "Storage:Provider")]
    [InlineData("Storage:TablePrefix", "bad-prefix!", "Storage:TablePrefix")]
    [InlineData("Storage:SqlitePath", " ", "Storage:SqlitePath")]
    [InlineData("Scheduler:TickInterval", "00:00:00", "Scheduler:TickInterval")]
    [InlineData("Scheduler:LeaseLength", "00:00:01", "Scheduler:LeaseLength")]
    [InlineData("Scheduler:MaxAttempts", "0", "Scheduler:MaxAttempts")]
    [InlineData("Outbound:Instances", "-1", "Outbound:Instances")]
    [InlineData("Outbound:HeartbeatInterval", "00:00:00", "Outbound:HeartbeatInterval")]
    public async Task Startup_WithAnInvalidSetting_StopsWithAMessageNamingTheKey(string key, string value, string named)
    {
        var error = await StartupFailureAsync((key, value));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_WithAzureTablesButNoConnection_NamesBothWaysToConnect()
    {
        var error = await StartupFailureAsync(("Storage:Provider", "AzureTables"));

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:TableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_WithAMalformedConnectionString_NamesTheKeyAndHidesTheSecret()
    {
        const string secret = "c2VjcmV0LWtleS10aGF0LW11c3Qtbm90LWxlYWs=";

        var error = await StartupFailureAsync(("Storage:Provider", "AzureTables"), ("Storage:ConnectionString", $"AccountName=x;AccountKey={secret};Nonsense"));

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_WithAzureTablesButNoEncryptionKey_StopsAndNamesTheKey()
    {
        var error = await StartupFailureAsync<InvalidOperationException>(
            ("Storage:Provider", "AzureTables"), ("Storage:ConnectionString", "UseDevelopmentStorage=true"));

        Assert.Contains("Privacy:EncryptionKey is required when Storage:Provider is AzureTables", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Privacy:EncryptionKey", "not-a-key", "Privacy:EncryptionKey")]
    [InlineData("Privacy:ExportBaseUrl", "localhost", "Privacy:ExportBaseUrl")]
    [InlineData("Privacy:ExportBaseUrl", "http://intervisiebot.example.com", "Privacy:ExportBaseUrl")]
    [InlineData("Privacy:ExportBaseUrl", "http://192.168.1.20:3978", "Privacy:ExportBaseUrl")]
    [InlineData("Privacy:ExportBaseUrl", "ftp://intervisiebot.example.com", "Privacy:ExportBaseUrl")]
    [InlineData("Privacy:ForgetGracePeriod", "00:00:10", "Privacy:ForgetGracePeriod")]
    [InlineData("Privacy:ForgetGracePeriod", "8.00:00:00", "Privacy:ForgetGracePeriod")]
    [InlineData("Privacy:ExportLinkLifetime", "00:00:10", "Privacy:ExportLinkLifetime")]
    public async Task Startup_WithABadPrivacySetting_StopsWithAMessageNamingTheKey(string key, string value, string named)
    {
        var error = await StartupFailureAsync((key, value));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://intervisiebot.example.com")]
    [InlineData("http://localhost:3978")]
    [InlineData("http://127.0.0.1:3978")]
    [InlineData("http://[::1]:3978")]
    public void Startup_WithAnHttpsOrLoopbackExportBaseUrl_Starts(string value)
    {
        using var factory = new BotFactory().With("Privacy:ExportBaseUrl", value);

        Assert.Equal(value, factory.Services.GetRequiredService<IOptions<ExportOptions>>().Value.ExportBaseUrl);
    }

    [Fact]
    public async Task Startup_WithAnAppIdButNoPassword_NamesThePassword()
    {
        var error = await StartupFailureAsync(("MicrosoftAppId", "5f0e2c3a-1b7d-4e8f-9a6b-2c4d6e8f0a1b"), ("MicrosoftAppTenantId", "72f988bf-86f1-41af-91ab-2d7cd011db47"));

        Assert.Contains("MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_ComeFromTheRepositoryAppSettings_ListeningOnTheBotFrameworkPort()
    {
        using var factory = new BotFactory();

        var configuration = factory.Services.GetRequiredService<IConfiguration>();

        Assert.Equal("http://localhost:3978", configuration["Urls"]);
    }

    [Fact]
    public async Task Startup_WithABrokenCustomMethodFile_StopsAndNamesTheFile()
    {
        using var methods = new TempDirectory();
        await File.WriteAllTextAsync(methods.File("our-method.json"), """{ "id": "our-method", "version": 1, "name": { "nl": "Onze methode" } }""");

        var error = await StartupFailureAsync<MethodDefinitionException>(("Methods:DefinitionsPath", methods.Path));

        Assert.Contains("our-method.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomMethodFiles_AreAddedToTheLibrary_WithoutCode()
    {
        using var methods = new TempDirectory();
        var starr = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "src", "IntervisieBot.Domain", "Methods", "Definitions", "starr.json"));
        var custom = System.Text.RegularExpressions.Regex.Replace(starr, "\"aliases\"\\s*:\\s*\\[[^\\]]*\\]", "\"aliases\": [\"korte starr\"]")
            .Replace("\"id\": \"starr\"", "\"id\": \"starr-short\"", StringComparison.Ordinal)
            .Replace("\"STARR-methode\"", "\"Korte STARR\"", StringComparison.Ordinal)
            .Replace("\"STARR method\"", "\"Short STARR\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(methods.File("starr-short.json"), custom);
        using var factory = new BotFactory().With("Methods:DefinitionsPath", methods.Path);

        var library = factory.Services.GetRequiredService<MethodLibrary>();

        Assert.Equal(10, library.All.Count);
        Assert.Equal("starr-short", library.Find("korte starr")?.Id);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IntervisieBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found.");
    }
}

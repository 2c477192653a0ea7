using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Tests.AzureTables;
using IntervisieBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Storage.Tests.Protection;

/// <summary>Where the key comes from: the settings, or (embedded store only) a file generated next to the database.</summary>
public sealed class KeyRingSetupTests : IDisposable
{
    private static readonly string AKey = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());
    private readonly TempDirectory _folder = new();
    private readonly CapturingLogger _log = new();

    public void Dispose() => _folder.Dispose();

    private ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["Storage:SqlitePath"] = _folder.File("data/bot.db") };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddSingleton<IHostEnvironment>(new Environment(_folder.Path));
        services.AddSingleton<ILoggerFactory>(new CapturingLoggerFactory(_log));
        services.AddStorage();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void WithoutAKey_OnTheEmbeddedStore_GeneratesOneNextToTheDatabase_AndSaysSo()
    {
        using var services = Services();

        var ring = services.GetRequiredService<KeyRing>();

        var file = _folder.File("data/" + LocalKeyFile.FileName);
        Assert.True(File.Exists(file));
        Assert.Equal("local", ring.Current.Id);
        var line = Assert.Single(_log.Lines);
        Assert.Contains("Generated a new local encryption key in " + file, line, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllText(file).Trim(), line, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void WithoutAKey_ASecondStart_UsesTheSameLocalKey()
    {
        const string context = "ConversationState|test~group-a";
        string stored;
        using (var first = Services())
        {
            stored = first.GetRequiredService<PrivacyProtector>().Protect("Een casus", context);
        }

        using var second = Services();

        Assert.Equal("Een casus", second.GetRequiredService<PrivacyProtector>().Unprotect(stored, context));
        Assert.Contains("Using the local encryption key", _log.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void WithAzureTablesAndNoKey_StopsWithAMessageNamingTheKey()
    {
        using var services = Services(("Storage:Provider", "AzureTables"), ("Storage:ConnectionString", "UseDevelopmentStorage=true"));

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<KeyRing>());

        Assert.Contains("Privacy:EncryptionKey is required when Storage:Provider is AzureTables", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("data/" + LocalKeyFile.FileName)));
    }

    [Fact]
    public void WithAKeyAndPreviousKeys_TheConfiguredKeyEncrypts_AndTheOldOnesDecrypt()
    {
        using var services = Services(("Privacy:EncryptionKey", AKey), ("Privacy:EncryptionKeyId", "2026-12"), ("Privacy:PreviousKeys:local", AKey.Replace('B', 'C')));

        var ring = services.GetRequiredService<KeyRing>();

        Assert.Equal("2026-12", ring.Current.Id);
        Assert.NotNull(ring.Find("local"));
        Assert.Empty(_log.Lines);
    }

    [Theory]
    [InlineData("Privacy:EncryptionKey", "dGVzdA==", "Privacy:EncryptionKey must be 32 random bytes")]
    [InlineData("Privacy:EncryptionKeyId", "no spaces please", "Privacy:EncryptionKeyId")]
    [InlineData("Privacy:PreviousKeys:old", "short", "Privacy:PreviousKeys:old must be 32 bytes")]
    [InlineData("Privacy:PreviousKeys:k1", "", "Privacy:PreviousKeys:k1 has the id of the current key")]
    public void ABadSetting_IsRefused_WithAMessageNamingIt_NeverTheValue(string key, string value, string message)
    {
        var settings = key == "Privacy:PreviousKeys:k1" ? new[] { (key, AKey), ("Privacy:EncryptionKey", AKey) } : new[] { (key, value) };
        using var services = Services(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PrivacyOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AKey, error.Message, StringComparison.Ordinal);
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private sealed class CapturingLoggerFactory(CapturingLogger logger) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}

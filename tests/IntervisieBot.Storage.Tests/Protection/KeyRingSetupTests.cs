using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Tests.AzureTables;
using IntervisieBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Storage.Tests.Protection;

/// <summary>Where the key comes from: the settings, or (embedded store only) a file generated in a private per-user folder.</summary>
public sealed class KeyRingSetupTests : IDisposable
{
    private static readonly string AKey = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());
    private readonly TempDirectory _folder = new();
    private readonly CapturingLogger _log = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Stands for the per-user folder (the tests never write into the real one).</summary>
    private string KeyFolder => _folder.File("home/keys");

    private ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["Storage:SqlitePath"] = _folder.File("data/bot.db"), ["Privacy:LocalKeyPath"] = KeyFolder };
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
    public void WithoutAKey_OnTheEmbeddedStore_GeneratesOneInAPrivateFolderOutsideTheDataFolder_AndSaysSo()
    {
        using var services = Services();

        var ring = services.GetRequiredService<KeyRing>();

        var file = LocalKeyFile.PathFor(KeyFolder, _folder.File("data/bot.db"));
        Assert.True(File.Exists(file));
        Assert.Equal(KeyFolder, Path.GetDirectoryName(file));
        Assert.False(File.Exists(_folder.File("data/" + LocalKeyFile.FileName)));
        Assert.Equal("local", ring.Current.Id);
        var line = Assert.Single(_log.Lines);
        Assert.Contains("Generated a new local encryption key in " + file, line, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllText(file).Trim(), line, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(KeyFolder));
        }
    }

    [Fact]
    public void TwoDatabases_GetTwoKeys()
    {
        var first = LocalKeyFile.LoadOrCreate(KeyFolder, _folder.File("one/bot.db"));
        var second = LocalKeyFile.LoadOrCreate(KeyFolder, _folder.File("two/bot.db"));

        Assert.NotEqual(first.Path, second.Path);
        Assert.Equal(LocalKeyOrigin.Created, second.Origin);
        Assert.Equal(first.Path, LocalKeyFile.LoadOrCreate(KeyFolder, _folder.File("one/../one/bot.db")).Path);
    }

    [Fact]
    public void AKeyFolderOthersCouldRead_IsMadePrivate()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateDirectory(KeyFolder);
        File.SetUnixFileMode(KeyFolder, (UnixFileMode)Convert.ToInt32("755", 8));

        LocalKeyFile.LoadOrCreate(KeyFolder, _folder.File("data/bot.db"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(KeyFolder));
    }

    [Fact]
    public void AKeyNextToTheDatabase_FromAnEarlierVersion_IsMovedToTheKeyFolder_AndWhatItEncryptedStillOpens()
    {
        const string context = "ConversationState|test~group-a";
        Directory.CreateDirectory(_folder.File("data"));
        var oldKey = new EncryptionKey(LocalKeyFile.KeyId, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        File.WriteAllText(_folder.File("data/" + LocalKeyFile.FileName), Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()) + "\n");
        var stored = new PrivacyProtector(new KeyRing(oldKey)).Protect("Een casus", context);

        using var services = Services();

        Assert.Equal("Een casus", services.GetRequiredService<PrivacyProtector>().Unprotect(stored, context));
        var file = LocalKeyFile.PathFor(KeyFolder, _folder.File("data/bot.db"));
        Assert.False(File.Exists(_folder.File("data/" + LocalKeyFile.FileName)));
        Assert.True(File.Exists(file));
        Assert.Contains(_log.Lines, l => l.Contains("Moved the local encryption key from " + _folder.File("data/" + LocalKeyFile.FileName) + ", next to the database, to " + file, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void WithoutLocalKeyPath_TheKeyGoesToThePerUserFolder()
    {
        var root = System.Environment.GetFolderPath(System.Environment.SpecialFolder.LocalApplicationData, System.Environment.SpecialFolderOption.DoNotVerify);

        Assert.Equal(Path.Combine(root, "IntervisieBot", "keys"), LocalKeyFile.DefaultFolder());
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
        Assert.False(Directory.Exists(KeyFolder));
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

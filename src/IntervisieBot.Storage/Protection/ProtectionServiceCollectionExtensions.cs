using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Storage.Protection;

public static class ProtectionServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="PrivacyProtector"/> with the key ring from the <c>Privacy</c> settings, checked at start-up: with
    /// Azure Table Storage a key is required; with the embedded store a missing key is generated in a per-user folder, one per database.
    /// </summary>
    public static IServiceCollection AddPrivacyProtection(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton(CreateKeyRing);
        services.TryAddSingleton<PrivacyProtector>();
        services.AddHostedService<KeyRingCheck>();
        return services;
    }

    private static KeyRing CreateKeyRing(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<PrivacyOptions>>().Value;
        var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var previous = options.PreviousKeys.Select(p => new EncryptionKey(p.Key, EncryptionKey.TryParse(p.Value)!)).ToList();
        if (options.HasKey)
        {
            return new KeyRing(new EncryptionKey(options.EncryptionKeyId, EncryptionKey.TryParse(options.EncryptionKey!)!), previous);
        }

        if (storage.IsAzureTables)
        {
            throw new InvalidOperationException(
                $"{PrivacyOptions.SectionName}:EncryptionKey is required when {StorageOptions.SectionName}:Provider is AzureTables: what members say is " +
                $"encrypted at rest with it. Make one with `openssl rand -base64 32` and set it (and {PrivacyOptions.SectionName}:EncryptionKeyId) " +
                "as a secret setting, e.g. the environment variable Privacy__EncryptionKey.");
        }

        var root = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var database = Path.GetFullPath(storage.SqlitePath, root);
        var folder = string.IsNullOrWhiteSpace(options.LocalKeyPath) ? LocalKeyFile.DefaultFolder() : Path.GetFullPath(options.LocalKeyPath, root);
        var local = LocalKeyFile.LoadOrCreate(folder, database);
        var log = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PrivacyProtector).FullName!);
        if (local.MovedFrom is not null)
        {
            LocalKeyLog.Moved(log, local.MovedFrom, local.Path);
        }

        LocalKeyLog.Used(log, local.Origin == LocalKeyOrigin.Created ? "Generated a new" : "Using the", local.Path, database);
        if (local.LeftBehind is not null)
        {
            LocalKeyLog.LeftBehind(log, local.LeftBehind, local.Path);
        }

        return new KeyRing(local.Key, previous);
    }

    /// <summary>Builds the key ring at start-up, so a missing key stops the host and a generated one is announced at once.</summary>
    private sealed class KeyRingCheck(IServiceProvider provider) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            provider.GetRequiredService<KeyRing>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

internal static partial class LocalKeyLog
{
    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Privacy:EncryptionKey is not set: {What} local encryption key in {Path} (key id 'local') for the database {Database}. " +
                  "Back that file up with the database, apart from it; for production set Privacy:EncryptionKey (and keep this one as " +
                  "Privacy:PreviousKeys:local to read what it encrypted)")]
    public static partial void Used(ILogger logger, string what, string path, string database);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Moved the local encryption key from {From}, next to the database, to {Path}, outside the data folder (Privacy:LocalKeyPath chooses the folder)")]
    public static partial void Moved(ILogger logger, string from, string path);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "A different local encryption key still lies next to the database in {Old}; the one in {Path} is used and the other was left in place. " +
                  "Data that does not open may have been encrypted with the other one: keep both until you know which one the data needs")]
    public static partial void LeftBehind(ILogger logger, string old, string path);
}

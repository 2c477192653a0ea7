using Azure.Identity;
using IntervisieBot.Storage.AzureTables;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Resilience;
using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Storage;

public static class StorageServiceCollectionExtensions
{
    public const string AzureTablesHttpClient = "AzureTables";

    /// <summary>
    /// The table store chosen by the <c>Storage</c> settings, validated at start-up, and the encryption of what is
    /// stored (the <c>Privacy</c> settings).
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.AddHttpClient(AzureTablesHttpClient, http => http.Timeout = Timeout.InfiniteTimeSpan);
        // Every table call goes through one circuit breaker: while the store is down, calls fail at once.
        services.AddSingleton<ITableServiceClient>(sp => new CircuitBreakingTableServiceClient(
            CreateTableService(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("IntervisieBot.Storage.CircuitBreaker")));
        services.AddPrivacyProtection();
        return services;
    }

    private static ITableServiceClient CreateTableService(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var time = provider.GetRequiredService<TimeProvider>();
        if (!options.IsAzureTables)
        {
            var root = provider.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new SqliteTableServiceClient(Path.GetFullPath(options.SqlitePath, root), options.TablePrefix, time);
        }

        // The retry policy owns timeouts per attempt, so the HttpClient's own timeout is off.
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(AzureTablesHttpClient);
        var clientOptions = new AzureTableClientOptions
        {
            TablePrefix = options.TablePrefix,
            TimeProvider = time,
            Logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("IntervisieBot.Storage.AzureTables"),
        };
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? AzureTableServiceClient.FromTokenCredential(new Uri(options.TableServiceUri!), new DefaultAzureCredential(), http, clientOptions)
            : AzureTableServiceClient.FromConnectionString(options.ConnectionString, http, clientOptions);
    }
}

using IntervisieBot.Storage.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntervisieBot.Health;

/// <summary>Healthy when the configured store answers a cheap request with our credentials.</summary>
internal sealed class StorageHealthCheck(ITableServiceClient tables) : IHealthCheck
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = tables.ProviderName };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Budget);
        try
        {
            await tables.PingAsync(timeout.Token);
            return HealthCheckResult.Healthy($"{tables.ProviderName} answers.", data);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{tables.ProviderName} did not answer within {Budget.TotalSeconds:0} s.", data: data);
        }
        catch (Exception e) when (e is TableStorageException or HttpRequestException or IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            // The message of a storage error names the failing request, never a key or a secret.
            return HealthCheckResult.Unhealthy($"{tables.ProviderName} failed: {e.Message}", data: data);
        }
    }
}

using IntervisieBot.Storage.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;

namespace IntervisieBot.Storage.Resilience;

/// <summary>
/// The store behind a circuit breaker (Polly), so that while it is down the bot fails in milliseconds instead of
/// waiting out every call's retries. A transient failure (5xx, 408, a network error or a time-out, after the store's
/// own retries) becomes a <see cref="StoreUnavailableException"/>; when at least half of
/// <see cref="MinimumThroughput"/> or more calls in <see cref="SamplingDuration"/> failed so, the circuit opens and
/// every call fails at once with that exception for <see cref="BreakDuration"/>; then one call is let through as a
/// probe (half-open), and its success closes the circuit. Answers that prove the store works (a conflict, a missing
/// entity) count as successes. <see cref="ITableServiceClient.PingAsync"/> bypasses the breaker, so health reports
/// the store itself.
/// </summary>
public sealed partial class CircuitBreakingTableServiceClient : ITableServiceClient
{
    public const int MinimumThroughput = 4;
    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(2);

    private readonly ITableServiceClient _inner;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;

    public CircuitBreakingTableServiceClient(ITableServiceClient inner, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _logger = logger ?? NullLogger.Instance;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = MinimumThroughput,
                SamplingDuration = SamplingDuration,
                BreakDuration = BreakDuration,
                ShouldHandle = new PredicateBuilder().Handle<StoreUnavailableException>(),
                OnOpened = _ =>
                {
                    IsOpen = true;
                    LogOpened(_logger, BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    IsOpen = false;
                    LogClosed(_logger);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Whether calls are refused right now without trying the store.</summary>
    public bool IsOpen { get; private set; }

    public string ProviderName => _inner.ProviderName;

    public ITableClient GetTableClient(string tableName) => new Guarded(this, _inner.GetTableClient(tableName));

    public Task PingAsync(CancellationToken cancellationToken = default) => _inner.PingAsync(cancellationToken);

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (call, token) =>
                {
                    try
                    {
                        return await call(token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (IsTransient(e, token))
                    {
                        throw new StoreUnavailableException("The store did not answer.", e);
                    }
                },
                call,
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            throw new StoreUnavailableException("The store failed repeatedly just now; it is not tried for a moment.", e);
        }
    }

    private Task<bool> RunAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(
            async token =>
            {
                await call(token).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    private static bool IsTransient(Exception e, CancellationToken token) => e switch
    {
        StoreUnavailableException => false,
        TableStorageException s => s.Status >= 500 || s.Status == 408,
        HttpRequestException or TimeoutException => true,
        OperationCanceledException => !token.IsCancellationRequested,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store keeps failing: calls are refused for {Seconds} s, then one is tried")]
    private static partial void LogOpened(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store answers again")]
    private static partial void LogClosed(ILogger logger);

    private sealed class Guarded(CircuitBreakingTableServiceClient owner, ITableClient table) : ITableClient
    {
        public string Name => table.Name;

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
            owner.RunAsync(table.CreateIfNotExistsAsync, cancellationToken);

        public Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
            owner.RunAsync(ct => table.GetEntityIfExistsAsync(partitionKey, rowKey, ct), cancellationToken);

        public Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) =>
            owner.RunAsync(ct => table.AddEntityAsync(entity, ct), cancellationToken);

        public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
            owner.RunAsync(ct => table.UpsertEntityAsync(entity, mode, ct), cancellationToken);

        public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
            owner.RunAsync(ct => table.UpdateEntityAsync(entity, ifMatch, mode, ct), cancellationToken);

        public Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default) =>
            owner.RunAsync(ct => table.DeleteEntityAsync(partitionKey, rowKey, ifMatch, ct), cancellationToken);

        public Task<TablePage> QueryAsync(
            string partitionKey, string? filter = null, int? maxPerPage = null, string? continuationToken = null, CancellationToken cancellationToken = default) =>
            owner.RunAsync(ct => table.QueryAsync(partitionKey, filter, maxPerPage, continuationToken, ct), cancellationToken);

        public Task<IReadOnlyList<ETag?>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default) =>
            owner.RunAsync(ct => table.SubmitTransactionAsync(actions, ct), cancellationToken);
    }
}

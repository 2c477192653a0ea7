using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Tests.Reliability;

/// <summary>
/// A real store that can be taken down at the port: while <see cref="IsDown"/> says so for a table, every call on it
/// fails as an unreachable Table service does (503, after its retries).
/// </summary>
public sealed class FailingStore(ITableServiceClient inner) : ITableServiceClient
{
    private volatile Func<string, bool> _isDown = static _ => false;

    /// <summary>Which tables are down (by name without prefix); <c>_ => true</c> is the whole store.</summary>
    public Func<string, bool> IsDown
    {
        get => _isDown;
        set => _isDown = value;
    }

    private int _failures;

    /// <summary>How many calls reached the store while it was down.</summary>
    public int Failures => Volatile.Read(ref _failures);

    public string ProviderName => inner.ProviderName;

    public ITableClient GetTableClient(string tableName) => new Table(this, tableName, inner.GetTableClient(tableName));

    public Task PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

    private void ThrowIfDown(string table)
    {
        if (_isDown(table))
        {
            Interlocked.Increment(ref _failures);
            throw new TableStorageException(503, "ServerBusy", "The table service is unavailable.");
        }
    }

    private sealed class Table(FailingStore owner, string name, ITableClient table) : ITableClient
    {
        public string Name => table.Name;

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
        {
            owner.ThrowIfDown(name);
            return table.CreateIfNotExistsAsync(cancellationToken);
        }

        public Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        {
            owner.ThrowIfDown(name);
            return table.GetEntityIfExistsAsync(partitionKey, rowKey, cancellationToken);
        }

        public Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
        {
            owner.ThrowIfDown(name);
            return table.AddEntityAsync(entity, cancellationToken);
        }

        public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        {
            owner.ThrowIfDown(name);
            return table.UpsertEntityAsync(entity, mode, cancellationToken);
        }

        public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        {
            owner.ThrowIfDown(name);
            return table.UpdateEntityAsync(entity, ifMatch, mode, cancellationToken);
        }

        public Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default)
        {
            owner.ThrowIfDown(name);
            return table.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken);
        }

        public Task<TablePage> QueryAsync(string partitionKey, string? filter = null, int? maxPerPage = null, string? continuationToken = null, CancellationToken cancellationToken = default)
        {
            owner.ThrowIfDown(name);
            return table.QueryAsync(partitionKey, filter, maxPerPage, continuationToken, cancellationToken);
        }

        public Task<IReadOnlyList<ETag?>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
        {
            owner.ThrowIfDown(name);
            return table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }
}

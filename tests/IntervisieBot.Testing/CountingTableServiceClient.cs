using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Testing;

/// <summary>A real store that counts the reads and writes that reach it (table creation is not counted).</summary>
public sealed class CountingTableServiceClient(ITableServiceClient inner) : ITableServiceClient
{
    private int _reads;
    private int _writes;

    public int Reads => Volatile.Read(ref _reads);

    public int Writes => Volatile.Read(ref _writes);

    public string ProviderName => inner.ProviderName;

    public ITableClient GetTableClient(string tableName) => new Counting(this, inner.GetTableClient(tableName));

    public Task PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

    public void Reset()
    {
        Interlocked.Exchange(ref _reads, 0);
        Interlocked.Exchange(ref _writes, 0);
    }

    private sealed class Counting(CountingTableServiceClient owner, ITableClient table) : ITableClient
    {
        public string Name => table.Name;

        public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => table.CreateIfNotExistsAsync(cancellationToken);

        public Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref owner._reads);
            return table.GetEntityIfExistsAsync(partitionKey, rowKey, cancellationToken);
        }

        public Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) =>
            Write(() => table.AddEntityAsync(entity, cancellationToken));

        public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
            Write(() => table.UpsertEntityAsync(entity, mode, cancellationToken));

        public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
            Write(() => table.UpdateEntityAsync(entity, ifMatch, mode, cancellationToken));

        public Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default) =>
            Write(async () =>
            {
                await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken);
                return ifMatch;
            });

        public Task<TablePage> QueryAsync(string partitionKey, string? filter = null, int? maxPerPage = null, string? continuationToken = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref owner._reads);
            return table.QueryAsync(partitionKey, filter, maxPerPage, continuationToken, cancellationToken);
        }

        public Task<IReadOnlyList<ETag?>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref owner._writes);
            return table.SubmitTransactionAsync(actions, cancellationToken);
        }

        private Task<ETag> Write(Func<Task<ETag>> write)
        {
            Interlocked.Increment(ref owner._writes);
            return write();
        }
    }
}

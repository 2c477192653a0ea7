namespace IntervisieBot.Storage.Tables;

/// <summary>
/// A table that is created on first use, once. A failed creation (store down) is tried again on the next use
/// instead of being remembered, so a store that comes back is used without a restart.
/// </summary>
public sealed class LazyTable(ITableServiceClient service, string tableName) : IDisposable
{
    private readonly ITableClient _client = service.GetTableClient(tableName);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    public async ValueTask<ITableClient> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_created)
        {
            return _client;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                await _client.CreateIfNotExistsAsync(cancellationToken);
                _created = true;
            }
        }
        finally
        {
            _gate.Release();
        }

        return _client;
    }

    public void Dispose() => _gate.Dispose();
}

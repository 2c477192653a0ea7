using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Storage.Sqlite;

/// <summary>Placeholder: the embedded SQLite store is being written.</summary>
public sealed class SqliteTableServiceClient : ITableServiceClient, IDisposable
{
    public SqliteTableServiceClient(string databasePath, string tablePrefix, TimeProvider timeProvider)
    {
        _ = databasePath;
        _ = tablePrefix;
        _ = timeProvider;
    }

    public string ProviderName => "Sqlite";

    public ITableClient GetTableClient(string tableName) => throw new NotImplementedException();

    public Task PingAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public void Dispose()
    {
    }
}

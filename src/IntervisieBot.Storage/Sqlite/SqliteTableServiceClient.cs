using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Storage.Sqlite;

/// <summary>
/// The embedded table store: every table in one SQLite file, with the semantics of Azure Table Storage, for
/// running the bot without an Azure account. Several instances and processes may share the file. Touches the
/// disk only on first use (creating the file and its folder then).
/// </summary>
public sealed class SqliteTableServiceClient : ITableServiceClient, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly string _tablePrefix;

    public SqliteTableServiceClient(string databasePath, string tablePrefix, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = new SqliteDatabase(databasePath, timeProvider);
        _tablePrefix = tablePrefix;
    }

    public string ProviderName => "Sqlite";

    public ITableClient GetTableClient(string tableName)
    {
        var fullName = _tablePrefix + tableName;
        TableRules.ValidateTableName(fullName);
        return new SqliteTableClient(_database, fullName);
    }

    public Task PingAsync(CancellationToken cancellationToken = default) => _database.PingAsync(cancellationToken);

    public void Dispose() => _database.Dispose();
}

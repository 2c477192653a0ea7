using System.Collections.Concurrent;
using System.Globalization;
using IntervisieBot.Storage.Tables;
using Microsoft.Data.Sqlite;

namespace IntervisieBot.Storage.Sqlite;

/// <summary>
/// The database file: opens pooled connections, creates the schema on first use, keeps the table registry and
/// runs writes in immediate transactions. Shared by every table client of one <see cref="SqliteTableServiceClient"/>;
/// other instances and processes may use the same file at the same time.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private const int SchemaVersion = 1;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // How long a write waits for another connection's (or process's) write to finish before it gives up.
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private const string SchemaSql = """
        CREATE TABLE IF NOT EXISTS tables (
            id   INTEGER PRIMARY KEY,
            -- Azure table names are case-insensitive (and ASCII letters and digits only).
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        );
        CREATE TABLE IF NOT EXISTS entities (
            table_id      INTEGER NOT NULL REFERENCES tables (id),
            partition_key TEXT NOT NULL COLLATE BINARY,
            row_key       TEXT NOT NULL COLLATE BINARY,
            etag          TEXT NOT NULL,
            timestamp     INTEGER NOT NULL, -- UTC ticks
            properties    TEXT NOT NULL,    -- see PropertyCodec
            UNIQUE (table_id, partition_key, row_key)
        );
        -- One counter for the whole file, so every write gets a new ETag even within one clock tick.
        CREATE TABLE IF NOT EXISTS etag_sequence (
            id    INTEGER PRIMARY KEY CHECK (id = 1),
            value INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO etag_sequence (id, value) VALUES (1, 0);
        """;

    private readonly string _path;
    private readonly string _connectionString;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);

    // Writers of this instance queue here without blocking threads; SQLite's busy timeout handles other instances.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // Tables are never dropped, so an id once found stays right.
    private readonly ConcurrentDictionary<string, long> _tableIds = new(StringComparer.OrdinalIgnoreCase);
    private volatile bool _schemaReady;
    private volatile bool _disposed;

    public SqliteDatabase(string path, TimeProvider timeProvider)
    {
        _path = Path.GetFullPath(path);
        _timeProvider = timeProvider;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    public async Task CreateTableAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var insert = Command(connection, null, "INSERT INTO tables (name) VALUES ($name) ON CONFLICT (name) DO NOTHING");
        insert.Parameters.AddWithValue("$name", name);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await GetTableIdAsync(connection, null, name, cancellationToken);
    }

    /// <summary>Runs a read on its own connection; throws <see cref="TableNotFoundException"/> for a table never created.</summary>
    public async Task<T> ReadAsync<T>(string table, Func<SqliteConnection, long, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var tableId = await GetTableIdAsync(connection, null, table, cancellationToken);
        return await read(connection, tableId);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one immediate transaction (it holds the file's write lock from the start,
    /// so what it reads cannot change under it) and commits if it returns; anything it throws rolls it all back.
    /// </summary>
    public async Task<T> WriteAsync<T>(string table, Func<SqliteWrite, Task<T>> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            var tableId = await GetTableIdAsync(connection, null, table, cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE
            var result = await write(new SqliteWrite(connection, transaction, tableId, _timeProvider.GetUtcNow()));
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT count(*) FROM tables");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // Pooled connections hold the file open; release them so it can be reopened, moved or deleted.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _schemaGate.Dispose();
        _writeGate.Dispose();
    }

    private async Task<long> GetTableIdAsync(SqliteConnection connection, SqliteTransaction? transaction, string name, CancellationToken cancellationToken)
    {
        if (_tableIds.TryGetValue(name, out var id))
        {
            return id;
        }

        // Another instance or process may have created it since.
        await using var select = Command(connection, transaction, "SELECT id FROM tables WHERE name = $name");
        select.Parameters.AddWithValue("$name", name);
        var found = await select.ExecuteScalarAsync(cancellationToken)
            ?? throw new TableNotFoundException($"The table '{name}' does not exist; create it with CreateIfNotExistsAsync first.");
        return _tableIds.GetOrAdd(name, (long)found);
    }

    // A pooled connection, after making sure the file and its schema exist.
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureSchemaAsync(cancellationToken);
        return await OpenConnectionAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Per connection, not stored in the file: wait for other writers instead of failing with SQLITE_BUSY.
            var busyTimeout = ((long)BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await using var pragma = Command(connection, null, "PRAGMA busy_timeout = " + busyTimeout);
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates the database file readable by its owner only (0600) before SQLite opens it, in a folder made 0700 when
    /// the store creates it; SQLite gives its -wal and -shm files the database file's mode. A file an earlier version
    /// created readable by others is made private too.
    /// </summary>
    private static void CreatePrivateFile(string path)
    {
        var folder = Path.GetDirectoryName(path);
        if (OperatingSystem.IsWindows())
        {
            if (folder is { Length: > 0 })
            {
                Directory.CreateDirectory(folder);
            }

            return;
        }

        if (folder is { Length: > 0 })
        {
            PrivateFolder.Create(folder);
        }

        try
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.ReadWrite, UnixCreateMode = PrivateFile,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // It exists already (an earlier run, or another process made it first).
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            MakePrivate(file);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakePrivate(string file)
    {
        try
        {
            if (File.Exists(file) && (File.GetUnixFileMode(file) & ~PrivateFile) != 0)
            {
                File.SetUnixFileMode(file, PrivateFile);
            }
        }
        catch (UnauthorizedAccessException)
        {
            // Another user's file, shared on purpose: theirs to restrict.
        }
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            CreatePrivateFile(_path);
            await using var connection = await OpenConnectionAsync(cancellationToken);

            // WAL lets readers and one writer work at once, across processes; the mode is stored in the file.
            await using (var wal = Command(connection, null, "PRAGMA journal_mode = WAL"))
            {
                await wal.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var transaction = connection.BeginTransaction(deferred: false);
            await using (var version = Command(connection, transaction, "PRAGMA user_version"))
            {
                var found = (long)(await version.ExecuteScalarAsync(cancellationToken))!;
                if (found > SchemaVersion)
                {
                    throw new InvalidOperationException(
                        $"The database '{_path}' has schema version {found}, made by a newer IntervisieBot; this one knows up to {SchemaVersion}.");
                }
            }

            await using (var schema = Command(connection, transaction, SchemaSql + $"PRAGMA user_version = {SchemaVersion};"))
            {
                await schema.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }
}

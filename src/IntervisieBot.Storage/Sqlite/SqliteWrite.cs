using System.Globalization;
using IntervisieBot.Storage.Tables;
using Microsoft.Data.Sqlite;

namespace IntervisieBot.Storage.Sqlite;

/// <summary>One open write transaction on one table, and the time it writes as every entity's Timestamp.</summary>
internal sealed class SqliteWrite(SqliteConnection connection, SqliteTransaction transaction, long tableId, DateTimeOffset timestamp)
{
    public long TableId => tableId;

    public DateTimeOffset Timestamp => timestamp;

    public SqliteCommand Command(string sql) => SqliteDatabase.Command(connection, transaction, sql);

    /// <summary>
    /// A version no write to this file has had: the file-wide counter (unique even within one clock tick) and
    /// the time (so a database file made anew does not repeat an old ETag). Opaque to callers.
    /// </summary>
    public async Task<ETag> NextETagAsync(CancellationToken cancellationToken)
    {
        await using var next = Command("UPDATE etag_sequence SET value = value + 1 WHERE id = 1 RETURNING value");
        var sequence = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
        return new ETag(string.Create(CultureInfo.InvariantCulture, $"W/\"{sequence}.{timestamp.UtcTicks}\""));
    }
}

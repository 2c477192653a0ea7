using IntervisieBot.Storage.Tables;
using Microsoft.Data.Sqlite;

namespace IntervisieBot.Storage.Sqlite;

/// <summary>
/// The entity writes, each inside a <see cref="SqliteWrite"/> transaction. Conditions sit in the statement's
/// WHERE clause and the row count tells whether they held; because the transaction holds the write lock, the
/// follow-up look that tells "gone" from "changed" sees the same state.
/// </summary>
internal static class SqliteEntityWriter
{
    private const string Key = "table_id = $table AND partition_key = $pk AND row_key = $rk";
    private const string IfMatch = "($ifMatch IS NULL OR etag = $ifMatch)";
    private const string InsertValues = """
        INSERT INTO entities (table_id, partition_key, row_key, etag, timestamp, properties)
        VALUES ($table, $pk, $rk, $etag, $timestamp, $properties)
        ON CONFLICT (table_id, partition_key, row_key)
        """;

    private const string InsertSql = InsertValues + " DO NOTHING";
    private const string UpsertMergeSql = InsertValues +
        " DO UPDATE SET etag = excluded.etag, timestamp = excluded.timestamp, properties = json_patch(properties, excluded.properties)";
    private const string UpsertReplaceSql = InsertValues +
        " DO UPDATE SET etag = excluded.etag, timestamp = excluded.timestamp, properties = excluded.properties";
    private const string UpdateMergeSql =
        "UPDATE entities SET etag = $etag, timestamp = $timestamp, properties = json_patch(properties, $properties) WHERE " + Key + " AND " + IfMatch;
    private const string UpdateReplaceSql =
        "UPDATE entities SET etag = $etag, timestamp = $timestamp, properties = $properties WHERE " + Key + " AND " + IfMatch;
    private const string DeleteSql = "DELETE FROM entities WHERE " + Key + " AND " + IfMatch;
    private const string ExistsSql = "SELECT EXISTS (SELECT 1 FROM entities WHERE " + Key + ")";

    /// <summary>
    /// Applies one operation; returns the new ETag (null for a delete). <paramref name="ifMatch"/> is the
    /// condition for updates and deletes (<see cref="ETag.All"/>: any version). A delete of a missing entity is
    /// an error only when <paramref name="deleteMissingFails"/> (as in a batch on the Table service).
    /// </summary>
    public static async Task<ETag?> ApplyAsync(
        SqliteWrite write,
        TableTransactionActionType action,
        TableEntity entity,
        ETag ifMatch,
        bool deleteMissingFails,
        CancellationToken cancellationToken)
    {
        if (action == TableTransactionActionType.Delete)
        {
            await DeleteAsync(write, entity.PartitionKey, entity.RowKey, ifMatch, deleteMissingFails, cancellationToken);
            return null;
        }

        var sql = action switch
        {
            TableTransactionActionType.Add => InsertSql,
            TableTransactionActionType.UpsertMerge => UpsertMergeSql,
            TableTransactionActionType.UpsertReplace => UpsertReplaceSql,
            TableTransactionActionType.UpdateMerge => UpdateMergeSql,
            TableTransactionActionType.UpdateReplace => UpdateReplaceSql,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a table operation."),
        };
        var etag = await write.NextETagAsync(cancellationToken);
        await using var command = write.Command(sql);
        AddKey(command, write, entity.PartitionKey, entity.RowKey);
        command.Parameters.AddWithValue("$etag", etag.Value);
        command.Parameters.AddWithValue("$timestamp", write.Timestamp.UtcTicks);
        command.Parameters.AddWithValue("$properties", PropertyCodec.Encode(entity));
        if (action is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace)
        {
            AddCondition(command, ifMatch);
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return etag;
        }

        if (action == TableTransactionActionType.Add)
        {
            throw new EntityAlreadyExistsException($"An entity with PartitionKey '{entity.PartitionKey}' and RowKey '{entity.RowKey}' already exists.");
        }

        throw await ExistsAsync(write, entity.PartitionKey, entity.RowKey, cancellationToken)
            ? Changed(entity.PartitionKey, entity.RowKey)
            : Missing(entity.PartitionKey, entity.RowKey);
    }

    private static async Task DeleteAsync(
        SqliteWrite write, string partitionKey, string rowKey, ETag ifMatch, bool missingFails, CancellationToken cancellationToken)
    {
        await using var command = write.Command(DeleteSql);
        AddKey(command, write, partitionKey, rowKey);
        AddCondition(command, ifMatch);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return;
        }

        if (await ExistsAsync(write, partitionKey, rowKey, cancellationToken))
        {
            throw Changed(partitionKey, rowKey);
        }

        if (missingFails)
        {
            throw Missing(partitionKey, rowKey);
        }
    }

    private static async Task<bool> ExistsAsync(SqliteWrite write, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        await using var command = write.Command(ExistsSql);
        AddKey(command, write, partitionKey, rowKey);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    private static void AddKey(SqliteCommand command, SqliteWrite write, string partitionKey, string rowKey)
    {
        command.Parameters.AddWithValue("$table", write.TableId);
        command.Parameters.AddWithValue("$pk", partitionKey);
        command.Parameters.AddWithValue("$rk", rowKey);
    }

    private static void AddCondition(SqliteCommand command, ETag ifMatch) =>
        command.Parameters.AddWithValue("$ifMatch", ifMatch.IsAll ? DBNull.Value : ifMatch.Value);

    private static ETagMismatchException Changed(string partitionKey, string rowKey) =>
        new($"The entity with PartitionKey '{partitionKey}' and RowKey '{rowKey}' has changed since the version given.");

    private static EntityNotFoundException Missing(string partitionKey, string rowKey) =>
        new($"There is no entity with PartitionKey '{partitionKey}' and RowKey '{rowKey}'.");
}

using System.Text;
using IntervisieBot.Storage.Tables;
using Microsoft.Data.Sqlite;

namespace IntervisieBot.Storage.Sqlite;

/// <summary>One table in the SQLite file, with the semantics of Azure Table Storage (see <see cref="ITableClient"/>).</summary>
internal sealed class SqliteTableClient(SqliteDatabase database, string name) : ITableClient
{
    /// <summary>
    /// At most this many rows are read for one page. A selective filter may then return a short (even empty) page
    /// with a continuation token, as the Table service does, rather than read a whole large partition at once.
    /// </summary>
    internal const int MaxRowsScannedPerPage = 10_000;

    private const string SelectColumns = "SELECT row_key, etag, timestamp, properties FROM entities";
    private const string Key = " WHERE table_id = $table AND partition_key = $pk";

    public string Name => name;

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => database.CreateTableAsync(name, cancellationToken);

    public Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        TableRules.ValidateKeys(partitionKey, rowKey);
        return database.ReadAsync(name, async (connection, tableId) =>
        {
            await using var command = SqliteDatabase.Command(connection, null, SelectColumns + Key + " AND row_key = $rk");
            command.Parameters.AddWithValue("$table", tableId);
            command.Parameters.AddWithValue("$pk", partitionKey);
            command.Parameters.AddWithValue("$rk", rowKey);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadEntity(reader, partitionKey) : null;
        }, cancellationToken);
    }

    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) =>
        await WriteOneAsync(TableTransactionActionType.Add, entity, ETag.All, cancellationToken);

    public async Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        var action = mode == TableUpdateMode.Merge ? TableTransactionActionType.UpsertMerge : TableTransactionActionType.UpsertReplace;
        return await WriteOneAsync(action, entity, ETag.All, cancellationToken);
    }

    public async Task<ETag> UpdateEntityAsync(
        TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        // As Azure.Data.Tables: an update states the version it is based on, or ETag.All; never nothing by accident.
        if (string.IsNullOrEmpty(ifMatch.Value))
        {
            throw new ArgumentException("An update needs the ETag it is based on, or ETag.All to overwrite any version.", nameof(ifMatch));
        }

        var action = mode == TableUpdateMode.Merge ? TableTransactionActionType.UpdateMerge : TableTransactionActionType.UpdateReplace;
        return await WriteOneAsync(action, entity, ifMatch, cancellationToken);
    }

    public Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        TableRules.ValidateKeys(partitionKey, rowKey);

        // As Azure.Data.Tables: no ETag means any version.
        var condition = string.IsNullOrEmpty(ifMatch.Value) ? ETag.All : ifMatch;
        return database.WriteAsync(name, write => SqliteEntityWriter.ApplyAsync(
            write, TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), condition, deleteMissingFails: false, cancellationToken),
            cancellationToken);
    }

    public Task<TablePage> QueryAsync(
        string partitionKey,
        string? filter = null,
        int? maxPerPage = null,
        string? continuationToken = null,
        CancellationToken cancellationToken = default)
    {
        TableRules.ValidateKey(partitionKey, TableEntity.PartitionKeyName);
        TableRules.ValidatePageSize(maxPerPage);
        var pageSize = maxPerPage ?? TableRules.MaxPageSize;
        var parsed = string.IsNullOrWhiteSpace(filter) ? null : ODataFilter.Parse(filter);
        var range = parsed?.RowKeyRange ?? KeyRange.All;
        if (continuationToken is not null)
        {
            range = range.Intersect(KeyRange.After(ContinuationToken.Decode(continuationToken)));
        }

        return database.ReadAsync(name, async (connection, tableId) =>
        {
            await using var command = SqliteDatabase.Command(connection, null, QuerySql(range));
            command.Parameters.AddWithValue("$table", tableId);
            command.Parameters.AddWithValue("$pk", partitionKey);
            command.Parameters.AddWithValue("$lower", (object?)range.Lower?.Key ?? DBNull.Value);
            command.Parameters.AddWithValue("$upper", (object?)range.Upper?.Key ?? DBNull.Value);
            command.Parameters.AddWithValue("$limit", MaxRowsScannedPerPage + 1);

            var entities = new List<TableEntity>();
            string? lastScanned = null;
            var scanned = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // There is a row after a full page (or after the scan budget): the caller continues from the last one read.
                if (entities.Count == pageSize || scanned == MaxRowsScannedPerPage)
                {
                    return new TablePage(entities, ContinuationToken.Encode(lastScanned!));
                }

                var entity = ReadEntity(reader, partitionKey);
                scanned++;
                lastScanned = entity.RowKey;
                if (parsed is null || parsed.Matches(entity))
                {
                    entities.Add(entity);
                }
            }

            return new TablePage(entities, null);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ETag?>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        var batch = TableRules.ValidateBatch(actions);
        return await database.WriteAsync<IReadOnlyList<ETag?>>(name, async write =>
        {
            var etags = new ETag?[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var action = batch[i];
                try
                {
                    etags[i] = await SqliteEntityWriter.ApplyAsync(
                        write, action.ActionType, action.Entity, action.EffectiveETag, deleteMissingFails: true, cancellationToken);
                }
                catch (TableStorageException failure)
                {
                    // Thrown out of the transaction, which rolls back everything done before.
                    throw new TableTransactionFailedException(i, failure);
                }
            }

            return etags;
        }, cancellationToken);
    }

    private Task<ETag> WriteOneAsync(TableTransactionActionType action, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken)
    {
        TableRules.ValidateEntity(entity);
        return database.WriteAsync(name, async write =>
            (await SqliteEntityWriter.ApplyAsync(write, action, entity, ifMatch, deleteMissingFails: false, cancellationToken))!.Value,
            cancellationToken);
    }

    // Only fixed fragments are joined here; every value is a parameter.
    private static string QuerySql(KeyRange range)
    {
        var sql = new StringBuilder(SelectColumns + Key);
        if (range.Lower is { } lower)
        {
            sql.Append(lower.Inclusive ? " AND row_key >= $lower" : " AND row_key > $lower");
        }

        if (range.Upper is { } upper)
        {
            sql.Append(upper.Inclusive ? " AND row_key <= $upper" : " AND row_key < $upper");
        }

        return sql.Append(" ORDER BY row_key LIMIT $limit").ToString();
    }

    private static TableEntity ReadEntity(SqliteDataReader reader, string partitionKey)
    {
        var entity = new TableEntity(partitionKey, reader.GetString(0))
        {
            ETag = new ETag(reader.GetString(1)),
            Timestamp = new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
        };
        PropertyCodec.Decode(reader.GetFieldValue<byte[]>(3), entity);
        return entity;
    }
}

namespace IntervisieBot.Storage.Tables;

/// <summary>How a write treats the properties already stored: keep those not named (merge) or drop them (replace).</summary>
public enum TableUpdateMode
{
    Merge,
    Replace,
}

/// <summary>One page of a query: the entities, and a token for the next page (null when this was the last).</summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Entities, string? ContinuationToken);

/// <summary>
/// One table, with the semantics of Azure Table Storage. The port through which all storage goes; both the
/// Azure Table REST client and the embedded SQLite store implement it, and one contract suite checks both.
/// Shaped like Azure.Data.Tables' <c>TableClient</c> so that package can stand in for it.
/// </summary>
public interface ITableClient
{
    string Name { get; }

    Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>The entity, or null when there is none with these keys.</summary>
    Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>Inserts; throws <see cref="EntityAlreadyExistsException"/> when the keys are taken.</summary>
    Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default);

    /// <summary>Inserts, or merges into / replaces the stored entity, whatever its version.</summary>
    Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates an existing entity if its version is still <paramref name="ifMatch"/> (<see cref="ETag.All"/>: any);
    /// throws <see cref="ETagMismatchException"/> when it changed and <see cref="EntityNotFoundException"/> when it is gone.
    /// </summary>
    Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the entity if its version is still <paramref name="ifMatch"/>; throws <see cref="ETagMismatchException"/>
    /// when it changed. Deleting an entity that is not there is not an error.
    /// </summary>
    Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the entities of one partition that match <paramref name="filter"/> (an OData filter as the Table
    /// service takes it, see <see cref="TableFilter"/>; null for all), in row key order.
    /// </summary>
    Task<TablePage> QueryAsync(
        string partitionKey,
        string? filter = null,
        int? maxPerPage = null,
        string? continuationToken = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs up to 100 operations on one partition atomically: all succeed, or none does and
    /// <see cref="TableTransactionFailedException"/> names the operation that failed. Returns each operation's new ETag
    /// (null for deletes).
    /// </summary>
    Task<IReadOnlyList<ETag?>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default);
}

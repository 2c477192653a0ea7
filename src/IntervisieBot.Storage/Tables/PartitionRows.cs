namespace IntervisieBot.Storage.Tables;

/// <summary>The rows of one partition as a whole: what "forget" and the stores' clean-ups delete.</summary>
public static class PartitionRows
{
    /// <summary>
    /// Deletes every row of <paramref name="partitionKey"/> that matches <paramref name="filter"/> (an OData filter,
    /// see <see cref="TableFilter"/>; null for all) and <paramref name="where"/> (null for all); returns how many.
    /// </summary>
    public static async Task<int> DeleteAsync(
        ITableClient table,
        string partitionKey,
        string? filter = null,
        Func<TableEntity, bool>? where = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);

        // Gather first, then delete one by one: a delete of a row that another turn removed meanwhile is no error, where
        // it would fail a whole batch. A group has tens of rows, not thousands.
        var rows = new List<string>();
        await foreach (var entity in table.QueryAllAsync(partitionKey, filter, cancellationToken: cancellationToken))
        {
            if (where is null || where(entity))
            {
                rows.Add(entity.RowKey);
            }
        }

        foreach (var row in rows)
        {
            await table.DeleteEntityAsync(partitionKey, row, ETag.All, cancellationToken);
        }

        return rows.Count;
    }
}

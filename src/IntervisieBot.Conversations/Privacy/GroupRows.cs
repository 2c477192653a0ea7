using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>Deletes the rows of one partition (that match a filter), for "forget".</summary>
internal static class GroupRows
{
    public static async Task<int> DeleteAsync(ITableClient table, string partitionKey, string? filter, CancellationToken cancellationToken)
    {
        // Gather first, then delete one by one: a delete of a row that another turn removed meanwhile is no error, where
        // it would fail a whole batch. A group has tens of rows, not thousands.
        var rows = new List<string>();
        await foreach (var entity in table.QueryAllAsync(partitionKey, filter, cancellationToken: cancellationToken))
        {
            rows.Add(entity.RowKey);
        }

        foreach (var row in rows)
        {
            await table.DeleteEntityAsync(partitionKey, row, ETag.All, cancellationToken);
        }

        return rows.Count;
    }
}

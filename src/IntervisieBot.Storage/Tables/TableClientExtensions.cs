using System.Runtime.CompilerServices;

namespace IntervisieBot.Storage.Tables;

public static class TableClientExtensions
{
    /// <summary>Every matching entity of a partition, page after page.</summary>
    public static async IAsyncEnumerable<TableEntity> QueryAllAsync(
        this ITableClient table,
        string partitionKey,
        string? filter = null,
        int? maxPerPage = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await table.QueryAsync(partitionKey, filter, maxPerPage, token, cancellationToken);
            foreach (var entity in page.Entities)
            {
                yield return entity;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }
}

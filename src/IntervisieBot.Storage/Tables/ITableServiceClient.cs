namespace IntervisieBot.Storage.Tables;

/// <summary>The storage account (or embedded database) that holds the tables.</summary>
public interface ITableServiceClient
{
    /// <summary>The provider's name as configured (<c>Sqlite</c> or <c>AzureTables</c>), for health reports.</summary>
    string ProviderName { get; }

    /// <summary>A client for one table; <paramref name="tableName"/> is given without the configured prefix.</summary>
    ITableClient GetTableClient(string tableName);

    /// <summary>Checks that the store answers and accepts our credentials; throws when it does not.</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}

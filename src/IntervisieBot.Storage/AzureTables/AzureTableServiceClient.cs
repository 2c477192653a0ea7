using Azure.Core;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Storage.AzureTables;

/// <summary>Placeholder: the Azure Table REST client is being written.</summary>
public sealed class AzureTableServiceClient : ITableServiceClient
{
    private AzureTableServiceClient()
    {
    }

    public string ProviderName => "AzureTables";

    public static AzureTableServiceClient FromConnectionString(string connectionString, HttpClient httpClient, AzureTableClientOptions? options = null) =>
        throw new NotImplementedException();

    public static AzureTableServiceClient FromTokenCredential(Uri tableServiceUri, TokenCredential credential, HttpClient httpClient, AzureTableClientOptions? options = null) =>
        throw new NotImplementedException();

    public ITableClient GetTableClient(string tableName) => throw new NotImplementedException();

    public Task PingAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
}

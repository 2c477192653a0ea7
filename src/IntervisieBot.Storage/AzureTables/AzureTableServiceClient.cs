using Azure.Core;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Storage.AzureTables;

/// <summary>
/// An Azure Storage account's table service (or Azurite), over its REST API. Thread-safe and cheap to keep: it
/// holds the endpoint, the credentials and the retry policy, and does no I/O until a request is made.
/// </summary>
public sealed class AzureTableServiceClient : ITableServiceClient
{
    private readonly TableHttpSender _sender;
    private readonly string _tablePrefix;

    private AzureTableServiceClient(TableHttpSender sender, string tablePrefix)
    {
        _sender = sender;
        _tablePrefix = tablePrefix;
    }

    public string ProviderName => "AzureTables";

    /// <summary>
    /// From a storage connection string: an account key (signed with <see cref="AzureTableClientOptions.SharedKeyScheme"/>),
    /// a shared access signature, or <c>UseDevelopmentStorage=true</c>.
    /// </summary>
    public static AzureTableServiceClient FromConnectionString(string connectionString, HttpClient httpClient, AzureTableClientOptions? options = null)
    {
        var parsed = AzureTableConnectionString.Parse(connectionString);
        options ??= new AzureTableClientOptions();
        IRequestAuthorizer authorizer = parsed.SharedAccessSignature is { } sas
            ? new SharedAccessSignatureAuthorizer(sas)
            : new SharedKeyAuthorizer(parsed.AccountName!, parsed.AccountKey!, options.SharedKeyScheme);
        return Create(parsed.TableEndpoint, authorizer, httpClient, options);
    }

    /// <summary>With an Entra ID identity (managed identity, workload identity, developer login) that holds a Table data role.</summary>
    public static AzureTableServiceClient FromTokenCredential(Uri tableServiceUri, TokenCredential credential, HttpClient httpClient, AzureTableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tableServiceUri);
        ArgumentNullException.ThrowIfNull(credential);
        if (!tableServiceUri.IsAbsoluteUri || tableServiceUri.Scheme != Uri.UriSchemeHttps)
        {
            // A bearer token must never travel in clear text.
            throw new ArgumentException("The table service address must be an absolute https address.", nameof(tableServiceUri));
        }

        options ??= new AzureTableClientOptions();
        return Create(tableServiceUri, new BearerTokenAuthorizer(credential, options.TimeProvider), httpClient, options);
    }

    public ITableClient GetTableClient(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        var fullName = _tablePrefix + tableName;
        TableRules.ValidateTableName(fullName);
        return new AzureTableClient(fullName, _sender);
    }

    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        // The cheapest authorised read: it proves the address, the network and the credentials in one request.
        var response = await _sender.SendAsync(new TableRequest(HttpMethod.Get, "QueryTables", null, "Tables?$top=1"), cancellationToken);
        if (!response.IsSuccess)
        {
            throw TableErrors.ToException(response);
        }
    }

    private static AzureTableServiceClient Create(Uri endpoint, IRequestAuthorizer authorizer, HttpClient httpClient, AzureTableClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        options.Validate();
        return new AzureTableServiceClient(new TableHttpSender(endpoint, authorizer, httpClient, options), options.TablePrefix);
    }
}

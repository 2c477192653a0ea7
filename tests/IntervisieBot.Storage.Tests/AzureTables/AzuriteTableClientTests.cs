using IntervisieBot.Storage.AzureTables;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Storage.Tests.Contract;
using IntervisieBot.Testing;

namespace IntervisieBot.Storage.Tests.AzureTables;

/// <summary>What the REST client must do beyond the shared contract: addressing, credentials, the prefix.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteTableClientTests(AzuriteFixture azurite)
{
    private static readonly AzureTableClientOptions NoRetries = new() { MaxRetryAttempts = 0 };

    private AzureTableServiceClient Service(string? connectionString = null, AzureTableClientOptions? options = null) =>
        AzureTableServiceClient.FromConnectionString(connectionString ?? azurite.Server.ConnectionString, azurite.Http, options);

    private async Task<ITableClient> NewTableAsync()
    {
        var table = Service().GetTableClient("t" + Guid.NewGuid().ToString("N"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Theory]
    [InlineData("O'Brien", "it's")]
    [InlineData("''", "'")]
    [InlineData("50% off", "a+b=c&d")]
    [InlineData("spaces and (parens)", "comma,semicolon;colon:")]
    [InlineData("groep één", "ünïcødé 🙂")]
    [InlineData("*", "$")]
    public async Task Keys_WithQuotesAndReservedCharacters_WorkInEveryOperation(string pk, string rk)
    {
        var table = await NewTableAsync();

        var added = await table.AddEntityAsync(new TableEntity(pk, rk) { ["V"] = 1 });
        var updated = await table.UpdateEntityAsync(new TableEntity(pk, rk) { ["V"] = 2 }, added);
        var fetched = await table.GetEntityIfExistsAsync(pk, rk);
        var queried = Assert.Single((await table.QueryAsync(pk)).Entities);
        await table.SubmitTransactionAsync([new(TableTransactionActionType.UpdateMerge, new TableEntity(pk, rk) { ["V"] = 3 }, updated)]);
        var afterBatch = await table.GetEntityIfExistsAsync(pk, rk);
        await table.DeleteEntityAsync(pk, rk, afterBatch!.ETag);

        Assert.Equal((pk, rk, 2), (fetched!.PartitionKey, fetched.RowKey, fetched.GetInt32("V")));
        Assert.Equal((pk, rk), (queried.PartitionKey, queried.RowKey));
        Assert.Equal(3, afterBatch.GetInt32("V"));
        Assert.Null(await table.GetEntityIfExistsAsync(pk, rk));
    }

    [Fact]
    public async Task ReadingFromATableThatDoesNotExist_ThrowsTableNotFound()
    {
        var table = Service().GetTableClient("missing" + Guid.NewGuid().ToString("N")[..12]);

        await Assert.ThrowsAsync<TableNotFoundException>(() => table.GetEntityIfExistsAsync("g", "r"));
        await Assert.ThrowsAsync<TableNotFoundException>(() => table.QueryAsync("g"));
    }

    [Fact]
    public async Task GetTableClient_WithAPrefix_UsesPrefixedTables()
    {
        var prefix = "p" + Guid.NewGuid().ToString("N")[..8];
        var prefixed = Service(options: new AzureTableClientOptions { TablePrefix = prefix }).GetTableClient("Meetings");
        await prefixed.CreateIfNotExistsAsync();
        await prefixed.AddEntityAsync(new TableEntity("g", "r"));

        var direct = Service().GetTableClient(prefix + "Meetings");

        Assert.Equal(prefix + "Meetings", prefixed.Name);
        Assert.NotNull(await direct.GetEntityIfExistsAsync("g", "r"));
    }

    [Fact]
    public void GetTableClient_WhenPrefixAndNameMakeAnInvalidName_Throws()
    {
        var service = Service(options: new AzureTableClientOptions { TablePrefix = "bot" });

        Assert.Throws<ArgumentException>(() => service.GetTableClient("my-table"));
        Assert.Throws<ArgumentException>(() => Service().GetTableClient("ab"));
    }

    [Fact]
    public async Task Ping_WithAWrongAccountKey_ThrowsAuthorisationFailure()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var service = Service(
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={wrongKey};TableEndpoint={azurite.Server.TableEndpoint}",
            NoRetries);

        var error = await Assert.ThrowsAsync<TableStorageException>(() => service.PingAsync());

        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task Ping_WithAForgedSas_ThrowsAuthorisationFailure()
    {
        var otherKey = Convert.ToBase64String(new byte[64]);
        var forged = AccountSas.Create(AzuriteServer.AccountName, otherKey, TimeProvider.System.GetUtcNow().AddHours(1));
        var service = Service($"TableEndpoint={azurite.Server.TableEndpoint};SharedAccessSignature={forged}", NoRetries);

        var error = await Assert.ThrowsAsync<TableStorageException>(() => service.PingAsync());

        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task Write_WithAReadOnlySas_IsRefused_ButReadsWork()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("g", "r"));
        var readOnly = AccountSas.Create(AzuriteServer.AccountName, AzuriteServer.AccountKey, TimeProvider.System.GetUtcNow().AddHours(1), "rl");
        var reader = Service($"TableEndpoint={azurite.Server.TableEndpoint};SharedAccessSignature={readOnly}", NoRetries).GetTableClient(table.Name);

        var error = await Assert.ThrowsAsync<TableStorageException>(() => reader.AddEntityAsync(new TableEntity("g", "other")));

        Assert.Equal(403, error.Status);
        Assert.NotNull(await reader.GetEntityIfExistsAsync("g", "r"));
    }

    [Fact]
    public async Task Ping_WhenNothingListens_ThrowsServiceUnreachable()
    {
        var closedPort = azurite.Server.Port + 1 > 65535 ? 1 : azurite.Server.Port + 1;
        var service = Service(
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};TableEndpoint=http://127.0.0.1:{closedPort}/{AzuriteServer.AccountName}",
            new AzureTableClientOptions { MaxRetryAttempts = 1, RetryBaseDelay = TimeSpan.Zero });

        var error = await Assert.ThrowsAsync<TableStorageException>(() => service.PingAsync());

        Assert.Equal("ServiceUnreachable", error.ErrorCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }
}

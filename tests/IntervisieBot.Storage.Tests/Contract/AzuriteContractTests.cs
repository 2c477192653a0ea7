using IntervisieBot.Storage.AzureTables;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Storage.Tests.AzureTables;
using IntervisieBot.Testing;

namespace IntervisieBot.Storage.Tests.Contract;

/// <summary>One Azurite process for every test in the collection; each test uses a table of its own.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteServer Server { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync() => Server = await AzuriteServer.StartAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteSharedKeyContractTests(AzuriteFixture azurite) : TableStoreContractTests
{
    protected override ITableServiceClient Service { get; } =
        AzureTableServiceClient.FromConnectionString(azurite.Server.ConnectionString, azurite.Http);
}

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteSharedKeyLiteContractTests(AzuriteFixture azurite) : TableStoreContractTests
{
    protected override ITableServiceClient Service { get; } = AzureTableServiceClient.FromConnectionString(
        azurite.Server.ConnectionString, azurite.Http, new AzureTableClientOptions { SharedKeyScheme = SharedKeyScheme.SharedKeyLite });
}

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteSasContractTests(AzuriteFixture azurite) : TableStoreContractTests
{
    protected override ITableServiceClient Service { get; } = AzureTableServiceClient.FromConnectionString(
        $"TableEndpoint={azurite.Server.TableEndpoint};SharedAccessSignature="
        + AccountSas.Create(AzuriteServer.AccountName, AzuriteServer.AccountKey, TimeProvider.System.GetUtcNow().AddHours(1)),
        azurite.Http);
}

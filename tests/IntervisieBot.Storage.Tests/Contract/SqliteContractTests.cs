using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;

namespace IntervisieBot.Storage.Tests.Contract;

public sealed class SqliteContractTests : TableStoreContractTests, IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqliteTableServiceClient _service;

    public SqliteContractTests()
    {
        _service = new SqliteTableServiceClient(_folder.File("store.db"), tablePrefix: "", TimeProvider.System);
    }

    protected override ITableServiceClient Service => _service;

    public void Dispose()
    {
        _service.Dispose();
        _folder.Dispose();
    }
}

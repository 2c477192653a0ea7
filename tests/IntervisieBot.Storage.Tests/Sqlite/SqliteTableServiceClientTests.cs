using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;

namespace IntervisieBot.Storage.Tests.Sqlite;

public sealed class SqliteTableServiceClientTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Constructor_TouchesNoDisk_FirstUseCreatesTheFolderAndFile()
    {
        var path = Path.Combine(_folder.Path, "data", "local", "bot.db");
        using var service = new SqliteTableServiceClient(path, "", TimeProvider.System);
        service.GetTableClient("groups");

        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));

        await service.PingAsync();

        Assert.True(File.Exists(path));
        Assert.Equal("Sqlite", service.ProviderName);
    }

    [Fact]
    public async Task TheDatabaseAndItsWalAndShmFiles_AreReadableByTheirOwnerOnly_InAFolderOnlyTheOwnerCanOpen()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(_folder.Path, "data", "local", "bot.db");
        using var service = new SqliteTableServiceClient(path, "", TimeProvider.System);
        var table = service.GetTableClient("groups");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("g", "member-1") { ["Name"] = "Anna" });

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(ownerOnly, File.GetUnixFileMode(path));
        Assert.Equal(ownerOnly, File.GetUnixFileMode(path + "-wal"));
        Assert.Equal(ownerOnly, File.GetUnixFileMode(path + "-shm"));
        Assert.Equal(ownerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        Assert.Equal(ownerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_folder.Path, "data")));
    }

    [Fact]
    public async Task ADatabaseAnEarlierVersionLeftReadableByOthers_IsMadePrivate_AndAnExistingFolderIsLeftAsItWas()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = _folder.File("bot.db");
        using (var before = new SqliteTableServiceClient(path, "", TimeProvider.System))
        {
            var table = before.GetTableClient("groups");
            await table.CreateIfNotExistsAsync();
            await table.AddEntityAsync(new TableEntity("g", "member-1") { ["Name"] = "Anna" });
        }

        var readable = (UnixFileMode)Convert.ToInt32("644", 8);
        File.SetUnixFileMode(path, readable);
        var folderMode = File.GetUnixFileMode(_folder.Path);

        using var after = new SqliteTableServiceClient(path, "", TimeProvider.System);
        Assert.Equal("Anna", (await after.GetTableClient("groups").GetEntityIfExistsAsync("g", "member-1"))!.GetString("Name"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(folderMode, File.GetUnixFileMode(_folder.Path));
    }

    [Fact]
    public async Task Reopen_AfterDispose_FindsTablesEntitiesAndVersionsAsLeft()
    {
        var path = _folder.File("bot.db");
        ETag etag;
        using (var service = new SqliteTableServiceClient(path, "", TimeProvider.System))
        {
            var table = service.GetTableClient("groups");
            await table.CreateIfNotExistsAsync();
            etag = await table.AddEntityAsync(new TableEntity("g", "member-1") { ["Name"] = "Anna" });
        }

        using var reopened = new SqliteTableServiceClient(path, "", TimeProvider.System);
        var again = reopened.GetTableClient("groups");
        var stored = await again.GetEntityIfExistsAsync("g", "member-1");

        Assert.NotNull(stored);
        Assert.Equal("Anna", stored.GetString("Name"));
        Assert.Equal(etag, stored.ETag);
        var newer = await again.UpdateEntityAsync(new TableEntity("g", "member-1") { ["Name"] = "Anna B." }, etag);
        Assert.NotEqual(etag, newer);
        await Assert.ThrowsAsync<ETagMismatchException>(() => again.UpdateEntityAsync(new TableEntity("g", "member-1"), etag));
    }

    [Fact]
    public async Task Operations_AfterDispose_ThrowObjectDisposed()
    {
        var service = new SqliteTableServiceClient(_folder.File("bot.db"), "", TimeProvider.System);
        var table = service.GetTableClient("groups");
        await table.CreateIfNotExistsAsync();

        service.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => table.GetEntityIfExistsAsync("g", "r"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => table.AddEntityAsync(new TableEntity("g", "r")));
    }

    [Fact]
    public async Task GetTableClient_SameNameUnderTwoPrefixes_GivesSeparateTables()
    {
        using var botA = new SqliteTableServiceClient(_folder.File("shared.db"), "bota", TimeProvider.System);
        using var botB = new SqliteTableServiceClient(_folder.File("shared.db"), "botb", TimeProvider.System);
        var tableA = botA.GetTableClient("Groups");
        var tableB = botB.GetTableClient("Groups");
        await tableA.CreateIfNotExistsAsync();
        await tableB.CreateIfNotExistsAsync();

        await tableA.AddEntityAsync(new TableEntity("g", "r") { ["Bot"] = "A" });

        Assert.Equal("botaGroups", tableA.Name);
        Assert.Null(await tableB.GetEntityIfExistsAsync("g", "r"));
        await tableB.AddEntityAsync(new TableEntity("g", "r") { ["Bot"] = "B" });
        Assert.Equal("A", (await tableA.GetEntityIfExistsAsync("g", "r"))!.GetString("Bot"));
    }

    [Fact]
    public async Task GetTableClient_NamesDifferingOnlyInCase_ShareOneTable()
    {
        using var service = new SqliteTableServiceClient(_folder.File("bot.db"), "", TimeProvider.System);
        await service.GetTableClient("Meetings").CreateIfNotExistsAsync();

        await service.GetTableClient("meetings").AddEntityAsync(new TableEntity("g", "r"));

        Assert.NotNull(await service.GetTableClient("MEETINGS").GetEntityIfExistsAsync("g", "r"));
    }

    [Theory]
    [InlineData("", "ab")]
    [InlineData("", "has-dash")]
    [InlineData("1bot", "Groups")]
    [InlineData("bot_", "Groups")]
    public void GetTableClient_NameInvalidWithItsPrefix_IsRefused(string prefix, string name)
    {
        using var service = new SqliteTableServiceClient(_folder.File("bot.db"), prefix, TimeProvider.System);

        Assert.Throws<ArgumentException>(() => service.GetTableClient(name));
    }

    [Fact]
    public async Task Reads_FromATableNeverCreated_ThrowTableNotFound()
    {
        using var service = new SqliteTableServiceClient(_folder.File("bot.db"), "", TimeProvider.System);
        var table = service.GetTableClient("nothere");

        await Assert.ThrowsAsync<TableNotFoundException>(() => table.GetEntityIfExistsAsync("g", "r"));
        await Assert.ThrowsAsync<TableNotFoundException>(() => table.QueryAsync("g"));
        await Assert.ThrowsAsync<TableNotFoundException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("g", "r"))]));
    }
}

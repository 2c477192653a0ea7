using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;

namespace IntervisieBot.Storage.Tests.Tables;

/// <summary>The cached single-row store the conversation stores of both channels use, on a real SQLite file.</summary>
public sealed class CachedRowTests : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly SqliteTableServiceClient _service;
    private readonly LazyTable _table;
    private readonly CachedRow<string, Place> _places;

    public CachedRowTests()
    {
        _service = new SqliteTableServiceClient(_folder.File("bot.db"), "", _clock);
        _table = new LazyTable(_service, "Places");
        _places = new CachedRow<string, Place>(
            _table,
            "place",
            static key => "p-" + key,
            static (key, entity) => new Place(key, entity.GetString("City")!),
            static (place, entity) => entity["City"] = place.City,
            _clock,
            Lifetime);
    }

    public void Dispose()
    {
        _table.Dispose();
        _service.Dispose();
        _folder.Dispose();
    }

    private sealed record Place(string Key, string City);

    private async Task<TableEntity?> StoredAsync(string key) =>
        await (await _table.GetAsync()).GetEntityIfExistsAsync("p-" + key, "place");

    [Fact]
    public async Task Save_ThenGet_ReadsTheRowBack_AndSaveReturnsWhatWasThereBefore()
    {
        Assert.Null(await _places.SaveAsync("a", new Place("a", "Utrecht")));
        var before = await _places.SaveAsync("a", new Place("a", "Zwolle"));

        Assert.Equal(new Place("a", "Utrecht"), before);
        Assert.Equal(new Place("a", "Zwolle"), await _places.GetAsync("a"));
        Assert.Equal("Zwolle", (await StoredAsync("a"))!.GetString("City"));
        Assert.Null(await _places.GetAsync("b"));
    }

    [Fact]
    public async Task Save_OfTheSameValue_DoesNotWriteAgain()
    {
        await _places.SaveAsync("a", new Place("a", "Utrecht"));
        var version = (await StoredAsync("a"))!.ETag;

        var before = await _places.SaveAsync("a", new Place("a", "Utrecht"));

        Assert.Equal(new Place("a", "Utrecht"), before);
        Assert.Equal(version, (await StoredAsync("a"))!.ETag);
    }

    [Fact]
    public async Task Get_WithinTheLifetime_ComesFromMemory_AndAfterItFromTheTable()
    {
        await _places.SaveAsync("a", new Place("a", "Utrecht"));

        // Another instance of the bot writes the row meanwhile.
        await (await _table.GetAsync()).UpsertEntityAsync(new TableEntity("p-a", "place") { ["City"] = "Zwolle" }, TableUpdateMode.Replace);

        _clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal("Utrecht", (await _places.GetAsync("a"))!.City);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Zwolle", (await _places.GetAsync("a"))!.City);
    }

    [Fact]
    public async Task Delete_RemovesTheRowAndWhatMemoryHeld_SoTheSameValueIsWrittenAgain()
    {
        await _places.SaveAsync("a", new Place("a", "Utrecht"));

        await _places.DeleteAsync("a");

        Assert.Null(await StoredAsync("a"));
        Assert.Null(await _places.GetAsync("a"));
        Assert.Null(await _places.SaveAsync("a", new Place("a", "Utrecht")));
        Assert.NotNull(await StoredAsync("a"));
    }

    [Fact]
    public async Task Forget_AfterThePartitionWentAnotherWay_MakesTheNextSaveWriteAgain()
    {
        await _places.SaveAsync("a", new Place("a", "Utrecht"));
        await PartitionRows.DeleteAsync(await _table.GetAsync(), "p-a");

        _places.Forget("a");

        Assert.Null(await _places.SaveAsync("a", new Place("a", "Utrecht")));
        Assert.Equal("Utrecht", (await StoredAsync("a"))!.GetString("City"));
    }
}

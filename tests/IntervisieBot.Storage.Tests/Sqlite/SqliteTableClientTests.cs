using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;

namespace IntervisieBot.Storage.Tests.Sqlite;

/// <summary>What the SQLite store does beyond the shared contract suite, or where only it can be observed.</summary>
public sealed class SqliteTableClientTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 19, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly SqliteTableServiceClient _service;

    public SqliteTableClientTests()
    {
        _service = new SqliteTableServiceClient(_folder.File("bot.db"), "", _clock);
    }

    public void Dispose()
    {
        _service.Dispose();
        _folder.Dispose();
    }

    private async Task<ITableClient> NewTableAsync()
    {
        var table = _service.GetTableClient("t" + Guid.NewGuid().ToString("N"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Writes_WithinOneClockTick_GetTheInjectedTimeAndEachANewETag()
    {
        var table = await NewTableAsync();

        var first = await table.AddEntityAsync(new TableEntity("g", "r") { ["Step"] = 1 });
        var second = await table.UpsertEntityAsync(new TableEntity("g", "r") { ["Step"] = 2 });

        Assert.NotEqual(first, second);
        Assert.Equal(Start, (await table.GetEntityIfExistsAsync("g", "r"))!.Timestamp);
        await Assert.ThrowsAsync<ETagMismatchException>(() => table.UpdateEntityAsync(new TableEntity("g", "r") { ["Step"] = 3 }, first));
    }

    [Fact]
    public async Task Query_OnTimestamp_FindsWhatWasWrittenSinceThen()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("g", "old"));
        _clock.Advance(TimeSpan.FromMinutes(5));
        await table.AddEntityAsync(new TableEntity("g", "new"));

        var since = await table.QueryAllAsync("g", TableFilter.Create($"Timestamp gt {Start}")).ToListAsync();

        var entity = Assert.Single(since);
        Assert.Equal("new", entity.RowKey);
        Assert.Equal(Start.AddMinutes(5), entity.Timestamp);
    }

    [Fact]
    public async Task Merge_OfEveryPropertyType_KeepsEachValueAndTypeExact()
    {
        var table = await NewTableAsync();
        var values = new Dictionary<string, object>
        {
            ["Text"] = "‘waarom’ → 🙂 \"quoted\" \\ \n",
            ["Bool"] = true,
            ["Int32Min"] = int.MinValue,
            ["Int64Min"] = long.MinValue,
            ["Int64Max"] = long.MaxValue,
            ["WholeDouble"] = 2.0,
            ["TinyDouble"] = -1.5e-300,
            ["BigDouble"] = double.MaxValue,
            ["Guid"] = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            ["When"] = new DateTimeOffset(2026, 10, 25, 2, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234567),
            ["Bytes"] = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(),
        };
        var etag = await table.AddEntityAsync(new TableEntity("g", "upsert") { ["Kept"] = "yes" });
        await table.AddEntityAsync(new TableEntity("g", "update") { ["Kept"] = "yes" });
        var upsert = new TableEntity("g", "upsert");
        var update = new TableEntity("g", "update");
        foreach (var (name, value) in values)
        {
            upsert[name] = value;
            update[name] = value;
        }

        await table.UpsertEntityAsync(upsert, TableUpdateMode.Merge);
        await table.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge);

        foreach (var merged in await table.QueryAllAsync("g").ToListAsync())
        {
            Assert.Equal("yes", merged.GetString("Kept"));
            foreach (var (name, value) in values)
            {
                Assert.Equal(value.GetType(), merged[name]!.GetType());
                Assert.Equal(value, merged[name]);
            }
        }

        Assert.NotEqual(etag, (await table.GetEntityIfExistsAsync("g", "upsert"))!.ETag);
    }

    [Fact]
    public async Task Write_NullProperty_IsNotStored_AndAMergeWithNullKeepsTheValue()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("g", "r") { ["Note"] = null, ["Title"] = "Kick-off" });

        await table.UpsertEntityAsync(new TableEntity("g", "r") { ["Title"] = null }, TableUpdateMode.Merge);

        var stored = (await table.GetEntityIfExistsAsync("g", "r"))!;
        Assert.False(stored.ContainsKey("Note"));
        Assert.Equal("Kick-off", stored.GetString("Title"));
    }

    [Fact]
    public async Task UpdateEntity_WithoutAnETag_IsRefused_DeleteWithoutOneTakesAnyVersion()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("g", "r"));

        await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(new TableEntity("g", "r"), default));
        await table.DeleteEntityAsync("g", "r", default);

        Assert.Null(await table.GetEntityIfExistsAsync("g", "r"));
    }

    [Fact]
    public async Task SubmitTransaction_DeletingAMissingEntity_FailsTheBatchLikeTheTableService()
    {
        var table = await NewTableAsync();

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("g", "new")),
            new(TableTransactionActionType.Delete, new TableEntity("g", "ghost")),
        ]));

        Assert.Equal(1, error.FailedIndex);
        Assert.IsType<EntityNotFoundException>(error.Failure);
        Assert.Null(await table.GetEntityIfExistsAsync("g", "new"));
    }

    [Fact]
    public async Task Query_PartitionLargerThanOneScan_SeeksToARowKeyRange_AndPagesThroughOtherFilters()
    {
        var table = await NewTableAsync();
        const int Count = SqliteTableClient.MaxRowsScannedPerPage + 500;
        for (var start = 0; start < Count; start += TableRules.MaxBatchSize)
        {
            await table.SubmitTransactionAsync(Enumerable.Range(start, TableRules.MaxBatchSize).Select(i =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("big", $"r{i:D5}") { ["I"] = i, ["Round"] = i % 1000 == 0 })));
        }

        // The range lies past the first scan's worth of rows: only a seek finds it in one page.
        var range = await table.QueryAsync("big", TableFilter.Create($"RowKey ge {"r10490"} and RowKey lt {"r10495"}"));
        var rounds = await table.QueryAllAsync("big", TableFilter.Create($"Round eq {true}")).ToListAsync();
        var firstRounds = await table.QueryAsync("big", TableFilter.Create($"Round eq {true}"));

        Assert.Equal(["r10490", "r10491", "r10492", "r10493", "r10494"], range.Entities.Select(e => e.RowKey));
        Assert.Null(range.ContinuationToken);
        Assert.Equal(Enumerable.Range(0, 11).Select(i => i * 1000), rounds.Select(e => e.GetInt32("I")!.Value));
        Assert.NotNull(firstRounds.ContinuationToken);
    }

    [Fact]
    public async Task Query_KeysBeyondTheBasicPlane_ComeInCodePointOrder_AndFiltersAgreeWithIt()
    {
        var table = await NewTableAsync();
        string[] keys = ["a", "\uE000", "\uFFFD", "\U0001F600"];
        foreach (var key in keys)
        {
            await table.AddEntityAsync(new TableEntity("g", key) { ["Key"] = key });
        }

        async Task<string[]> Keys(string? filter, int? pageSize = null) =>
            (await table.QueryAllAsync("g", filter, pageSize).ToListAsync()).Select(e => e.RowKey).ToArray();

        Assert.Equal(keys, await Keys(null, pageSize: 1));
        Assert.Equal(keys[3..], await Keys(TableFilter.Create($"RowKey gt {"\uFFFD"}")));
        Assert.Equal(keys[3..], await Keys(TableFilter.Create($"Key gt {"\uFFFD"}")));
        Assert.Equal(keys[..3], await Keys(TableFilter.Create($"RowKey lt {"\U0001F600"}")));
    }

    [Fact]
    public async Task Query_WithAMalformedFilterOrAForeignToken_IsRefusedWithAClearError()
    {
        var table = await NewTableAsync();

        var filterError = await Assert.ThrowsAsync<ArgumentException>(() => table.QueryAsync("g", "Name eq 'x"));
        var tokenError = await Assert.ThrowsAsync<ArgumentException>(() => table.QueryAsync("g", continuationToken: "not-ours"));

        Assert.Contains("quoted value is not closed", filterError.Message, StringComparison.Ordinal);
        Assert.Contains("not one this store gave out", tokenError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_PageSizeOutOfRange_IsRefused()
    {
        var table = await NewTableAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => table.QueryAsync("g", maxPerPage: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => table.QueryAsync("g", maxPerPage: TableRules.MaxPageSize + 1));
    }
}

using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Storage.Tests.Contract;

/// <summary>
/// The semantics every table store must have. Runs once against Azurite (our Azure Table REST client) and once
/// against the embedded SQLite store; a store that passes can stand in for the other.
/// </summary>
public abstract class TableStoreContractTests
{
    protected abstract ITableServiceClient Service { get; }

    private async Task<ITableClient> NewTableAsync()
    {
        var table = Service.GetTableClient("t" + Guid.NewGuid().ToString("N"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static TableEntity Entity(string pk, string rk, params (string Name, object? Value)[] properties)
    {
        var entity = new TableEntity(pk, rk);
        foreach (var (name, value) in properties)
        {
            entity[name] = value;
        }

        return entity;
    }

    [Fact]
    public async Task GetEntity_WhenMissing_ReturnsNull()
    {
        var table = await NewTableAsync();

        Assert.Null(await table.GetEntityIfExistsAsync("group-1", "nothing"));
    }

    [Fact]
    public async Task AddEntity_ThenGet_ReturnsItWithVersionAndTimestamp()
    {
        var table = await NewTableAsync();

        var etag = await table.AddEntityAsync(Entity("group-1", "meeting-1", ("Title", "Kick-off"), ("Minutes", 90)));
        var stored = await table.GetEntityIfExistsAsync("group-1", "meeting-1");

        Assert.NotNull(stored);
        Assert.Equal("Kick-off", stored.GetString("Title"));
        Assert.Equal(90, stored.GetInt32("Minutes"));
        Assert.Equal(etag, stored.ETag);
        Assert.False(string.IsNullOrEmpty(etag.Value));
        Assert.NotNull(stored.Timestamp);
    }

    [Fact]
    public async Task AddEntity_WhenKeysTaken_ThrowsConflictAndKeepsTheFirst()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(Entity("g", "r", ("Who", "Anna")));

        var error = await Assert.ThrowsAsync<EntityAlreadyExistsException>(() => table.AddEntityAsync(Entity("g", "r", ("Who", "Bram"))));

        Assert.Equal(409, error.Status);
        Assert.Equal("Anna", (await table.GetEntityIfExistsAsync("g", "r"))!.GetString("Who"));
    }

    [Fact]
    public async Task Upsert_WhenMissing_Inserts()
    {
        var table = await NewTableAsync();

        await table.UpsertEntityAsync(Entity("g", "r", ("A", 1)), TableUpdateMode.Replace);

        Assert.Equal(1, (await table.GetEntityIfExistsAsync("g", "r"))!.GetInt32("A"));
    }

    [Fact]
    public async Task UpsertMerge_KeepsPropertiesNotNamed_ReplaceDropsThem()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(Entity("g", "merge", ("A", 1), ("B", "kept")));
        await table.AddEntityAsync(Entity("g", "replace", ("A", 1), ("B", "dropped")));

        await table.UpsertEntityAsync(Entity("g", "merge", ("A", 2)), TableUpdateMode.Merge);
        await table.UpsertEntityAsync(Entity("g", "replace", ("A", 2)), TableUpdateMode.Replace);

        var merged = (await table.GetEntityIfExistsAsync("g", "merge"))!;
        var replaced = (await table.GetEntityIfExistsAsync("g", "replace"))!;
        Assert.Equal(2, merged.GetInt32("A"));
        Assert.Equal("kept", merged.GetString("B"));
        Assert.Equal(2, replaced.GetInt32("A"));
        Assert.False(replaced.ContainsKey("B"));
    }

    [Fact]
    public async Task Update_WithCurrentETag_SucceedsAndChangesTheVersion()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(Entity("g", "r", ("Step", 1)));

        var second = await table.UpdateEntityAsync(Entity("g", "r", ("Step", 2)), first, TableUpdateMode.Replace);

        Assert.NotEqual(first, second);
        var stored = (await table.GetEntityIfExistsAsync("g", "r"))!;
        Assert.Equal(2, stored.GetInt32("Step"));
        Assert.Equal(second, stored.ETag);
    }

    [Fact]
    public async Task Update_WithStaleETag_ThrowsMismatchAndChangesNothing()
    {
        var table = await NewTableAsync();
        var stale = await table.AddEntityAsync(Entity("g", "r", ("Step", 1)));
        await table.UpdateEntityAsync(Entity("g", "r", ("Step", 2)), stale, TableUpdateMode.Merge);

        var error = await Assert.ThrowsAsync<ETagMismatchException>(
            () => table.UpdateEntityAsync(Entity("g", "r", ("Step", 3)), stale, TableUpdateMode.Merge));

        Assert.Equal(412, error.Status);
        Assert.Equal(2, (await table.GetEntityIfExistsAsync("g", "r"))!.GetInt32("Step"));
    }

    [Fact]
    public async Task Update_WithAnyETag_OverwritesWhateverVersion()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(Entity("g", "r", ("Step", 1)));

        await table.UpdateEntityAsync(Entity("g", "r", ("Step", 5)), ETag.All, TableUpdateMode.Replace);

        Assert.Equal(5, (await table.GetEntityIfExistsAsync("g", "r"))!.GetInt32("Step"));
    }

    [Fact]
    public async Task Update_WhenMissing_ThrowsNotFoundAndCreatesNothing()
    {
        var table = await NewTableAsync();

        await Assert.ThrowsAsync<EntityNotFoundException>(
            () => table.UpdateEntityAsync(Entity("g", "ghost", ("Step", 1)), ETag.All, TableUpdateMode.Merge));

        Assert.Null(await table.GetEntityIfExistsAsync("g", "ghost"));
    }

    [Fact]
    public async Task Delete_WithStaleETag_ThrowsMismatchAndKeepsTheEntity()
    {
        var table = await NewTableAsync();
        var stale = await table.AddEntityAsync(Entity("g", "r", ("Step", 1)));
        await table.UpsertEntityAsync(Entity("g", "r", ("Step", 2)));

        await Assert.ThrowsAsync<ETagMismatchException>(() => table.DeleteEntityAsync("g", "r", stale));

        Assert.NotNull(await table.GetEntityIfExistsAsync("g", "r"));
    }

    [Fact]
    public async Task Delete_WithCurrentOrAnyETag_Removes_AndDeletingTwiceIsNoError()
    {
        var table = await NewTableAsync();
        var current = await table.AddEntityAsync(Entity("g", "a"));
        await table.AddEntityAsync(Entity("g", "b"));

        await table.DeleteEntityAsync("g", "a", current);
        await table.DeleteEntityAsync("g", "b", ETag.All);
        await table.DeleteEntityAsync("g", "b", ETag.All);

        Assert.Null(await table.GetEntityIfExistsAsync("g", "a"));
        Assert.Null(await table.GetEntityIfExistsAsync("g", "b"));
    }

    [Fact]
    public async Task TwoWritersWithTheSameETag_ExactlyOneWins_TheOtherGetsAConflict()
    {
        var table = await NewTableAsync();
        var etag = await table.AddEntityAsync(Entity("g", "turn", ("Owner", "nobody")));

        // Task.Run: some drivers finish synchronously, and the writers must really overlap.
        var attempts = new[] { "Anna", "Bram" }.Select(name => Task.Run(async () =>
        {
            try
            {
                await table.UpdateEntityAsync(Entity("g", "turn", ("Owner", name)), etag, TableUpdateMode.Replace);
                return name;
            }
            catch (ETagMismatchException)
            {
                return (string?)null;
            }
        }));
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner, (await table.GetEntityIfExistsAsync("g", "turn"))!.GetString("Owner"));
    }

    [Fact]
    public async Task ManyWritersRacingOnOneETag_OnlyOneWinsEachRound()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(Entity("g", "counter", ("Value", 0)));

        for (var round = 1; round <= 5; round++)
        {
            var current = (await table.GetEntityIfExistsAsync("g", "counter"))!;
            var writers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                try
                {
                    await table.UpdateEntityAsync(Entity("g", "counter", ("Value", current.GetInt32("Value")!.Value + 1)), current.ETag, TableUpdateMode.Replace);
                    return 1;
                }
                catch (ETagMismatchException)
                {
                    return 0;
                }
            }));

            Assert.Equal(1, (await Task.WhenAll(writers)).Sum());
        }

        Assert.Equal(5, (await table.GetEntityIfExistsAsync("g", "counter"))!.GetInt32("Value"));
    }

    [Fact]
    public async Task Batch_AppliesEveryOperation_AndReturnsTheirVersions()
    {
        var table = await NewTableAsync();
        var updateMe = await table.AddEntityAsync(Entity("g", "update", ("V", 1)));
        await table.AddEntityAsync(Entity("g", "delete"));
        await table.AddEntityAsync(Entity("g", "merge", ("Keep", "yes")));

        var etags = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, Entity("g", "add", ("V", 1))),
            new(TableTransactionActionType.UpdateReplace, Entity("g", "update", ("V", 2)), updateMe),
            new(TableTransactionActionType.Delete, Entity("g", "delete"), ETag.All),
            new(TableTransactionActionType.UpsertMerge, Entity("g", "merge", ("V", 3))),
            new(TableTransactionActionType.UpsertReplace, Entity("g", "fresh", ("V", 4))),
        ]);

        Assert.Equal(5, etags.Count);
        Assert.Null(etags[2]);
        Assert.Equal(1, (await table.GetEntityIfExistsAsync("g", "add"))!.GetInt32("V"));
        var updated = (await table.GetEntityIfExistsAsync("g", "update"))!;
        Assert.Equal(2, updated.GetInt32("V"));
        Assert.Equal(etags[1], updated.ETag);
        Assert.Null(await table.GetEntityIfExistsAsync("g", "delete"));
        var merged = (await table.GetEntityIfExistsAsync("g", "merge"))!;
        Assert.Equal("yes", merged.GetString("Keep"));
        Assert.Equal(3, merged.GetInt32("V"));
        Assert.Equal(4, (await table.GetEntityIfExistsAsync("g", "fresh"))!.GetInt32("V"));
    }

    [Fact]
    public async Task Batch_WithOneFailingOperation_ChangesNothing_AndNamesTheCulprit()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(Entity("g", "taken", ("V", "original")));
        var etag = await table.AddEntityAsync(Entity("g", "existing", ("V", "original")));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, Entity("g", "new-1", ("V", "x"))),
            new(TableTransactionActionType.UpdateReplace, Entity("g", "existing", ("V", "changed")), etag),
            new(TableTransactionActionType.Add, Entity("g", "taken", ("V", "duplicate"))),
            new(TableTransactionActionType.Add, Entity("g", "new-2", ("V", "y"))),
        ]));

        Assert.Equal(2, error.FailedIndex);
        Assert.IsType<EntityAlreadyExistsException>(error.Failure);
        Assert.Null(await table.GetEntityIfExistsAsync("g", "new-1"));
        Assert.Null(await table.GetEntityIfExistsAsync("g", "new-2"));
        var existing = (await table.GetEntityIfExistsAsync("g", "existing"))!;
        Assert.Equal("original", existing.GetString("V"));
        Assert.Equal(etag, existing.ETag);
        Assert.Equal("original", (await table.GetEntityIfExistsAsync("g", "taken"))!.GetString("V"));
    }

    [Fact]
    public async Task Batch_WithAStaleETag_FailsWithAMismatch()
    {
        var table = await NewTableAsync();
        var stale = await table.AddEntityAsync(Entity("g", "r", ("V", 1)));
        await table.UpsertEntityAsync(Entity("g", "r", ("V", 2)));

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, Entity("g", "other")),
            new(TableTransactionActionType.UpdateMerge, Entity("g", "r", ("V", 3)), stale),
        ]));

        Assert.Equal(1, error.FailedIndex);
        Assert.IsType<ETagMismatchException>(error.Failure);
        Assert.Null(await table.GetEntityIfExistsAsync("g", "other"));
    }

    [Fact]
    public async Task Batch_OverOneHundredOrAcrossPartitions_IsRefusedBeforeSending()
    {
        var table = await NewTableAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, Entity("g", $"r{i:D3}")))));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, Entity("g1", "r")),
            new(TableTransactionActionType.Add, Entity("g2", "r")),
        ]));

        Assert.Empty((await table.QueryAsync("g")).Entities);
    }

    [Fact]
    public async Task Batch_OfOneHundred_IsApplied()
    {
        var table = await NewTableAsync();

        await table.SubmitTransactionAsync(
            Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, Entity("g", $"r{i:D3}", ("I", i)))));

        var all = await table.QueryAllAsync("g").ToListAsync();
        Assert.Equal(100, all.Count);
    }

    [Fact]
    public async Task Query_Over2500Entities_ReturnsAllOfThemAcrossPages_InRowKeyOrder_FromThatPartitionOnly()
    {
        var table = await NewTableAsync();
        const int count = 2500;
        for (var start = 0; start < count; start += 100)
        {
            await table.SubmitTransactionAsync(Enumerable.Range(start, 100)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, Entity("big", $"row-{i:D5}", ("I", i)))));
        }

        await table.AddEntityAsync(Entity("other", "row-00000", ("I", -1)));
        await table.AddEntityAsync(Entity("bif", "row-00000", ("I", -1)));

        var pages = 0;
        var seen = new List<TableEntity>();
        string? token = null;
        do
        {
            var page = await table.QueryAsync("big", continuationToken: token);
            Assert.True(page.Entities.Count <= TableRules.MaxPageSize);
            seen.AddRange(page.Entities);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.True(pages >= 3, $"2,500 entities came in {pages} page(s); a page holds at most 1,000.");
        Assert.Equal(Enumerable.Range(0, count), seen.Select(e => e.GetInt32("I")!.Value));
        Assert.All(seen, e => Assert.Equal("big", e.PartitionKey));
    }

    [Fact]
    public async Task Query_WithAFilterAndASmallPageSize_ReturnsOnlyMatches_InPagesOfThatSize()
    {
        var table = await NewTableAsync();
        await table.SubmitTransactionAsync(Enumerable.Range(0, 50)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, Entity("g", $"r{i:D2}", ("I", i), ("Even", i % 2 == 0)))));

        var filter = TableFilter.Create($"Even eq {true} and I ge {10} and RowKey lt {"r40"}");
        var first = await table.QueryAsync("g", filter, maxPerPage: 4);
        var all = await table.QueryAllAsync("g", filter, maxPerPage: 4).ToListAsync();

        Assert.True(first.Entities.Count <= 4);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(Enumerable.Range(10, 30).Where(i => i % 2 == 0), all.Select(e => e.GetInt32("I")!.Value));
    }

    [Fact]
    public async Task Query_FiltersOnEveryPropertyType()
    {
        var table = await NewTableAsync();
        var id = Guid.Parse("4b0ed8a5-5a4e-4f4b-9d1a-3f0f2a6f1c01");
        var when = new DateTimeOffset(2026, 3, 1, 19, 30, 0, TimeSpan.Zero);
        await table.AddEntityAsync(Entity("g", "match",
            ("Name", "O'Brien"), ("Big", 5_000_000_000L), ("Score", 7.5), ("Id", id), ("Due", when), ("Active", true)));
        await table.AddEntityAsync(Entity("g", "other",
            ("Name", "Other"), ("Big", 1L), ("Score", 1.5), ("Id", Guid.Empty), ("Due", when.AddDays(10)), ("Active", false)));

        async Task<string[]> Keys(FormattableString f) =>
            (await table.QueryAllAsync("g", TableFilter.Create(f)).ToListAsync()).Select(e => e.RowKey).ToArray();

        Assert.Equal(["match"], await Keys($"Name eq {"O'Brien"}"));
        Assert.Equal(["match"], await Keys($"Big gt {4_000_000_000L}"));
        Assert.Equal(["match"], await Keys($"Score ge {7.0}"));
        Assert.Equal(["match"], await Keys($"Id eq {id}"));
        Assert.Equal(["match"], await Keys($"Due le {when.AddDays(1)}"));
        Assert.Equal(["match"], await Keys($"Active eq {true}"));
        Assert.Equal(["match", "other"], await Keys($"Active eq {true} or Name ne {"O'Brien"}"));
        Assert.Equal(["other"], await Keys($"not (Active eq {true})"));
    }

    [Fact]
    public async Task EveryPropertyType_SurvivesARoundTripUnchanged()
    {
        var table = await NewTableAsync();
        var bytes = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var when = new DateTimeOffset(2026, 10, 25, 2, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234567);
        var entity = Entity("g", "all-types",
            ("Text", "Intervisie: ‘waarom’ → wat maakt dat? 🙂"),
            ("Empty", ""),
            ("Long32k", new string('x', TableRules.MaxStringLength)),
            ("True", true),
            ("False", false),
            ("Int32Min", int.MinValue),
            ("Int32Max", int.MaxValue),
            ("Int64Min", long.MinValue),
            ("Int64Max", long.MaxValue),
            ("Int64Small", 42L),
            ("Double", Math.PI),
            ("WholeDouble", 2.0),
            ("NegativeDouble", -1.5e-300),
            ("Guid", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")),
            ("When", when),
            ("Bytes", bytes),
            ("MaxBytes", new byte[TableRules.MaxBinaryLength]));

        await table.AddEntityAsync(entity);
        var stored = (await table.GetEntityIfExistsAsync("g", "all-types"))!;
        var queried = Assert.Single((await table.QueryAsync("g")).Entities);

        foreach (var copy in new[] { stored, queried })
        {
            foreach (var (name, value) in entity)
            {
                Assert.True(copy.TryGetValue(name, out var actual), $"Property {name} was lost.");
                Assert.Equal(value!.GetType(), actual!.GetType());
                Assert.Equal(value, actual);
            }

            Assert.Equal(entity.Count, copy.Count);
            Assert.Equal(when.UtcTicks, copy.GetDateTimeOffset("When")!.Value.UtcTicks);
        }
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    [InlineData("a\nb")]
    [InlineData("a\u0000b")]
    [InlineData("a\u007Fb")]
    public async Task BadKeys_AreRefusedWithAClearErrorBeforeAnyRequest(string bad)
    {
        var table = await NewTableAsync();

        var errors = new List<ArgumentException>
        {
            await Assert.ThrowsAnyAsync<ArgumentException>(() => table.AddEntityAsync(Entity(bad, "r"))),
            await Assert.ThrowsAnyAsync<ArgumentException>(() => table.AddEntityAsync(Entity("g", bad))),
            await Assert.ThrowsAnyAsync<ArgumentException>(() => table.UpsertEntityAsync(Entity("g", bad))),
            await Assert.ThrowsAnyAsync<ArgumentException>(() => table.GetEntityIfExistsAsync(bad, "r")),
            await Assert.ThrowsAnyAsync<ArgumentException>(() => table.DeleteEntityAsync("g", bad, ETag.All)),
            await Assert.ThrowsAnyAsync<ArgumentException>(() => table.QueryAsync(bad)),
            await Assert.ThrowsAnyAsync<ArgumentException>(() => table.SubmitTransactionAsync(
                [new(TableTransactionActionType.Add, Entity("g", bad))])),
        };

        Assert.All(errors, e => Assert.Contains("does not allow", e.Message, StringComparison.Ordinal));
        Assert.Empty((await table.QueryAsync("g")).Entities);
    }

    [Fact]
    public async Task OversizedValues_AreRefusedBeforeAnyRequest()
    {
        var table = await NewTableAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => table.AddEntityAsync(Entity("g", "r", ("Text", new string('x', TableRules.MaxStringLength + 1)))));
        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => table.AddEntityAsync(Entity("g", "r", ("Bytes", new byte[TableRules.MaxBinaryLength + 1]))));
        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => table.AddEntityAsync(Entity("g", new string('k', TableRules.MaxKeyLength + 1))));

        Assert.Null(await table.GetEntityIfExistsAsync("g", "r"));
    }

    [Fact]
    public async Task WritingToATableThatDoesNotExist_ThrowsTableNotFound()
    {
        var table = Service.GetTableClient("missing" + Guid.NewGuid().ToString("N")[..12]);

        await Assert.ThrowsAsync<TableNotFoundException>(() => table.AddEntityAsync(Entity("g", "r")));
    }

    [Fact]
    public async Task CreateIfNotExists_IsIdempotent_AndKeepsTheData()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(Entity("g", "r"));

        await table.CreateIfNotExistsAsync();

        Assert.NotNull(await table.GetEntityIfExistsAsync("g", "r"));
    }

    [Fact]
    public async Task Ping_SucceedsOnAReachableStore()
    {
        await Service.PingAsync();
    }
}

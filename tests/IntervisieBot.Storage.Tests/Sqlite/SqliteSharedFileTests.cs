using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;

namespace IntervisieBot.Storage.Tests.Sqlite;

/// <summary>Two store instances on one file, as two bot instances (or processes) on one machine would have.</summary>
public sealed class SqliteSharedFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqliteTableServiceClient _first;
    private readonly SqliteTableServiceClient _second;

    public SqliteSharedFileTests()
    {
        _first = new SqliteTableServiceClient(_folder.File("bot.db"), "", TimeProvider.System);
        _second = new SqliteTableServiceClient(_folder.File("bot.db"), "", TimeProvider.System);
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Write_FromOneInstance_IsReadByTheOther()
    {
        var mine = _first.GetTableClient("groups");
        var theirs = _second.GetTableClient("groups");
        await mine.CreateIfNotExistsAsync();

        var etag = await mine.AddEntityAsync(new TableEntity("g", "member-1") { ["Name"] = "Anna" });
        await theirs.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("g", "member-2") { ["Name"] = "Bram" }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("g", "member-1") { ["Role"] = "Facilitator" }, etag),
        ]);

        var seenByTheOther = (await theirs.GetEntityIfExistsAsync("g", "member-2"))!;
        var members = await mine.QueryAllAsync("g").ToListAsync();
        Assert.Equal("Bram", seenByTheOther.GetString("Name"));
        Assert.Equal(["Anna", "Bram"], members.Select(m => m.GetString("Name")));
        Assert.Equal("Facilitator", members[0].GetString("Role"));
    }

    [Fact]
    public async Task UpdateEntity_RacingFromTwoInstancesWithOneETag_ExactlyOneWinsEachRound()
    {
        var tables = new[] { _first.GetTableClient("turns"), _second.GetTableClient("turns") };
        await tables[0].CreateIfNotExistsAsync();
        await tables[0].AddEntityAsync(new TableEntity("g", "turn") { ["Owner"] = "nobody" });

        for (var round = 0; round < 10; round++)
        {
            var current = (await tables[1].GetEntityIfExistsAsync("g", "turn"))!;
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
            {
                await start.Task;
                var name = $"writer-{round}-{i}";
                try
                {
                    await tables[i % 2].UpdateEntityAsync(new TableEntity("g", "turn") { ["Owner"] = name }, current.ETag, TableUpdateMode.Replace);
                    return name;
                }
                catch (ETagMismatchException)
                {
                    return null;
                }
            })).ToList();
            start.SetResult();

            var winner = Assert.Single(await Task.WhenAll(attempts), name => name is not null);
            Assert.Equal(winner, (await tables[round % 2].GetEntityIfExistsAsync("g", "turn"))!.GetString("Owner"));
        }
    }

    [Fact]
    public async Task UpdateEntity_IncrementsRetriedOnConflictFromTwoInstances_LoseNoUpdate()
    {
        var tables = new[] { _first.GetTableClient("counters"), _second.GetTableClient("counters") };
        await tables[0].CreateIfNotExistsAsync();
        await tables[0].AddEntityAsync(new TableEntity("g", "counter") { ["Value"] = 0 });
        const int Workers = 6;
        const int IncrementsEach = 10;

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            await start.Task;
            var table = tables[w % 2];
            for (var done = 0; done < IncrementsEach;)
            {
                var current = (await table.GetEntityIfExistsAsync("g", "counter"))!;
                try
                {
                    var next = new TableEntity("g", "counter") { ["Value"] = current.GetInt32("Value")!.Value + 1 };
                    await table.UpdateEntityAsync(next, current.ETag, TableUpdateMode.Replace);
                    done++;
                }
                catch (ETagMismatchException)
                {
                    // Someone else incremented first: read again and retry, as a caller of the store should.
                }
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(workers);

        Assert.Equal(Workers * IncrementsEach, (await tables[0].GetEntityIfExistsAsync("g", "counter"))!.GetInt32("Value"));
    }
}

using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;

namespace IntervisieBot.Storage.Tests.Tables;

/// <summary>"Delete a partition", the one helper every store's forget and clean-up uses, on a real SQLite file.</summary>
public sealed class PartitionRowsTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqliteTableServiceClient _service;

    public PartitionRowsTests()
    {
        _service = new SqliteTableServiceClient(_folder.File("bot.db"), "", TimeProvider.System);
    }

    public void Dispose()
    {
        _service.Dispose();
        _folder.Dispose();
    }

    private async Task<ITableClient> TableWithAsync(string partition, int rows)
    {
        var table = _service.GetTableClient("t" + Guid.NewGuid().ToString("N"));
        await table.CreateIfNotExistsAsync();
        foreach (var chunk in Enumerable.Range(0, rows).Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(
                TableTransactionActionType.Add, new TableEntity(partition, $"row-{i:D5}") { ["Number"] = i })));
        }

        return table;
    }

    private static async Task<List<TableEntity>> RowsAsync(ITableClient table, string partition)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAllAsync(partition))
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task Delete_RemovesEveryRowOfThePartition_AcrossPages_AndNoOtherPartition()
    {
        var table = await TableWithAsync("group-a", 1_050);
        await table.AddEntityAsync(new TableEntity("group-b", "row-00000"));

        var deleted = await PartitionRows.DeleteAsync(table, "group-a");

        Assert.Equal(1_050, deleted);
        Assert.Empty(await RowsAsync(table, "group-a"));
        Assert.Single(await RowsAsync(table, "group-b"));
    }

    [Fact]
    public async Task Delete_WithAFilterAndACondition_RemovesOnlyTheRowsBothMatch()
    {
        var table = await TableWithAsync("group-a", 10);

        var deleted = await PartitionRows.DeleteAsync(
            table, "group-a", TableFilter.Create($"Number lt {6}"), where: row => row.GetInt32("Number") % 2 == 0);

        Assert.Equal(3, deleted);
        Assert.Equal([1, 3, 5, 6, 7, 8, 9], (await RowsAsync(table, "group-a")).Select(r => r.GetInt32("Number")!.Value));
    }

    [Fact]
    public async Task Delete_OfAnEmptyPartition_DeletesNothing()
    {
        var table = await TableWithAsync("group-a", 1);

        Assert.Equal(0, await PartitionRows.DeleteAsync(table, "nobody"));
        Assert.Single(await RowsAsync(table, "group-a"));
    }
}

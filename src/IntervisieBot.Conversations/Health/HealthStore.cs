using System.Globalization;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Health;

/// <summary>
/// What group health (J9) remembers: table <c>GroupHealth</c>, partition = the group's key; row <c>prep-{meeting}</c>
/// says whether that meeting's case was ready by the deadline (no names), row <c>told-{occurrence}</c> that the
/// facilitator was told about a concern, so each is told once.
/// </summary>
public sealed class HealthStore(ITableServiceClient tables) : IGroupDataStore, IDisposable
{
    public const string TableName = "GroupHealth";
    private const string PreparedPrefix = "prep-";
    private const string ToldPrefix = "told-";
    private readonly LazyTable _table = new(tables, TableName);

    public string Name => "health";

    public async Task RecordPreparationAsync(ConversationAddress group, DateOnly meeting, bool prepared, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var row = PreparedPrefix + meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await table.UpsertEntityAsync(new TableEntity(group.Key, row) { ["Prepared"] = prepared }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<CasePreparation>> PreparationAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var found = new List<CasePreparation>();
        await foreach (var row in table.QueryAllAsync(group.Key, cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith(PreparedPrefix, StringComparison.Ordinal))
            {
                found.Add(new CasePreparation(Meeting.ParseKey(row.RowKey[PreparedPrefix.Length..]), row.GetBoolean("Prepared") ?? false));
            }
        }

        return found;
    }

    /// <summary>Remembers that <paramref name="occurrence"/> was told; false when it already was.</summary>
    public async Task<bool> MarkToldAsync(ConversationAddress group, string occurrence, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(group.Key, ToldPrefix + occurrence) { ["At"] = at }, cancellationToken);
            return true;
        }
        catch (EntityAlreadyExistsException)
        {
            return false;
        }
    }

    public async Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var rows = new JsonArray();
        var table = await _table.GetAsync(cancellationToken);
        await foreach (var row in table.QueryAllAsync(group.Key, cancellationToken: cancellationToken))
        {
            rows.Add(row.RowKey.StartsWith(PreparedPrefix, StringComparison.Ordinal)
                ? new JsonObject { ["meeting"] = row.RowKey[PreparedPrefix.Length..], ["casePrepared"] = row.GetBoolean("Prepared") }
                : new JsonObject { ["told"] = row.RowKey[ToldPrefix.Length..], ["at"] = row.GetDateTimeOffset("At") });
        }

        return rows.Count == 0 ? null : rows;
    }

    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await PartitionRows.DeleteAsync(table, group.Key, cancellationToken: cancellationToken);
    }

    public void Dispose() => _table.Dispose();
}

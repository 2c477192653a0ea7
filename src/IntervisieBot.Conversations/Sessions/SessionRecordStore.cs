using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Sessions;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// The group's memory (J8): one row per session in table <c>SessionRecords</c>, partition = the group
/// conversation's key, row = newest first (inverted ticks), so "report" reads one row. The record holds the case
/// owner's insights and action, so it is stored encrypted, bound to its group and row (property <c>Data</c>); records
/// written before encryption (property <c>Json</c>) are still read.
/// </summary>
public sealed class SessionRecordStore(ITableServiceClient tables, PrivacyProtector protector) : IGroupExportPart, IDisposable
{
    public const string TableName = "SessionRecords";
    private readonly LazyTable _table = new(tables, TableName);

    public string Name => "sessionRecords";

    public async Task SaveAsync(ConversationAddress group, SessionRecord record, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        // Keyed by the start: a turn that runs again after losing a write race overwrites the same row.
        var row = (DateTimeOffset.MaxValue.UtcTicks - record.StartedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var json = JsonSerializer.Serialize(record, ConversationState.Json);
        await table.UpsertEntityAsync(
            new TableEntity(group.Key, row) { ["Data"] = protector.Protect(json, Context(group, row)) },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<SessionRecord?> LatestAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var page = await table.QueryAsync(group.Key, maxPerPage: 1, cancellationToken: cancellationToken);
        return page.Entities.Count > 0 ? await ReadAsync(table, group, page.Entities[0], cancellationToken) : null;
    }

    public async Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var records = await AllAsync(group, cancellationToken);
        return records.Count == 0 ? null : JsonSerializer.SerializeToNode(records, ConversationState.Json);
    }

    /// <summary>The records as the group saw them in "report": no questions, takeaways or single ratings are in them.</summary>
    public Task<JsonNode?> ExportToGroupAsync(ConversationAddress group, CancellationToken cancellationToken) => HeldAsync(group, cancellationToken);

    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await PartitionRows.DeleteAsync(table, group.Key, cancellationToken: cancellationToken);
    }

    /// <summary>Every session the group recorded, newest first (history and figures, J8), decrypted.</summary>
    public async Task<IReadOnlyList<SessionRecord>> AllAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var records = new List<SessionRecord>();

        // Gathered first: reading may rewrite an old row, which is not done while a query pages through the partition.
        var entities = new List<TableEntity>();
        await foreach (var entity in table.QueryAllAsync(group.Key, cancellationToken: cancellationToken))
        {
            entities.Add(entity);
        }

        foreach (var entity in entities)
        {
            if (await ReadAsync(table, group, entity, cancellationToken) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    public void Dispose() => _table.Dispose();

    private static string Context(ConversationAddress group, string row) => TableName + "|" + group.Key + "|" + row;

    /// <summary>
    /// Reads a record; one written before encryption (<c>Json</c>), or with each member's rating by member (<c>ratings</c>,
    /// before only the average was kept), is rewritten at once: encrypted, with the average and how many rated.
    /// </summary>
    private async Task<SessionRecord?> ReadAsync(ITableClient table, ConversationAddress group, TableEntity entity, CancellationToken cancellationToken)
    {
        var json = entity.GetString("Data") is { } data ? protector.Unprotect(data, Context(group, entity.RowKey)) : entity.GetString("Json");
        if (json is null || JsonNode.Parse(json) is not JsonObject node)
        {
            return null;
        }

        var legacy = entity.GetString("Data") is null;
        if (node["ratings"] is JsonObject ratings)
        {
            var values = ratings.Select(r => r.Value!.GetValue<int>()).ToList();
            node.Remove("ratings");
            node["averageRating"] = values.Count == 0 ? null : values.Average();
            node["ratedBy"] = values.Count;
            legacy = true;
        }

        var record = node.Deserialize<SessionRecord>(ConversationState.Json);
        if (record is not null && legacy)
        {
            await table.UpsertEntityAsync(
                new TableEntity(group.Key, entity.RowKey) { ["Data"] = protector.Protect(JsonSerializer.Serialize(record, ConversationState.Json), Context(group, entity.RowKey)) },
                TableUpdateMode.Replace,
                cancellationToken);
        }

        return record;
    }
}

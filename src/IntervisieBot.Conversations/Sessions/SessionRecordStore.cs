using System.Globalization;
using System.Text.Json;
using IntervisieBot.Conversations.Dialogs;
using IntervisieBot.Conversations.Messages;
using IntervisieBot.Domain.Sessions;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// The group's memory (J8): one row per session in table <c>SessionRecords</c>, partition = the group
/// conversation's key, row = newest first (inverted ticks), so "report" reads one row.
/// </summary>
public sealed class SessionRecordStore(ITableServiceClient tables) : IDisposable
{
    public const string TableName = "SessionRecords";
    private readonly LazyTable _table = new(tables, TableName);

    public async Task SaveAsync(ConversationAddress group, SessionRecord record, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        // Keyed by the start: a turn that runs again after losing a write race overwrites the same row.
        var row = (DateTimeOffset.MaxValue.UtcTicks - record.StartedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        await table.UpsertEntityAsync(
            new TableEntity(group.Key, row) { ["Json"] = JsonSerializer.Serialize(record, ConversationState.Json) },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<SessionRecord?> LatestAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var page = await table.QueryAsync(group.Key, maxPerPage: 1, cancellationToken: cancellationToken);
        return page.Entities.Count > 0 && page.Entities[0].GetString("Json") is { } json
            ? JsonSerializer.Deserialize<SessionRecord>(json, ConversationState.Json)
            : null;
    }

    /// <summary>Every session the group recorded, newest first (history and figures, J8).</summary>
    public async Task<IReadOnlyList<SessionRecord>> AllAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var records = new List<SessionRecord>();
        await foreach (var entity in table.QueryAllAsync(group.Key, cancellationToken: cancellationToken))
        {
            if (entity.GetString("Json") is { } json && JsonSerializer.Deserialize<SessionRecord>(json, ConversationState.Json) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    public void Dispose() => _table.Dispose();
}

/// <summary>
/// Which group session a member's private messages belong to while a collect step waits for them: table
/// <c>SessionRoutes</c>, partition <c>{channel}~{tenant}</c>, row = the member. Only the group's own session reads it.
/// </summary>
public sealed class SessionRoutes(ITableServiceClient tables) : IDisposable
{
    public const string TableName = "SessionRoutes";
    private readonly LazyTable _table = new(tables, TableName);

    public async Task RouteAsync(ConversationAddress group, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        foreach (var member in memberIds)
        {
            await table.UpsertEntityAsync(
                new TableEntity(Partition(group.ChannelId, group.TenantId), StorageKey.Escape(member))
                {
                    ["ConversationId"] = group.ConversationId,
                    ["Scope"] = group.Scope.ToString(),
                },
                TableUpdateMode.Replace,
                cancellationToken);
        }
    }

    public async Task<ConversationAddress?> FindAsync(string channelId, string? tenantId, string memberId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(Partition(channelId, tenantId), StorageKey.Escape(memberId), cancellationToken);
        return entity is null
            ? null
            : new ConversationAddress(channelId, entity.GetString("ConversationId")!, Enum.Parse<ConversationScope>(entity.GetString("Scope")!), tenantId);
    }

    public async Task ForgetAsync(string channelId, string? tenantId, string memberId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.DeleteEntityAsync(Partition(channelId, tenantId), StorageKey.Escape(memberId), ETag.All, cancellationToken);
    }

    public void Dispose() => _table.Dispose();

    private static string Partition(string channelId, string? tenantId) => StorageKey.Escape(channelId) + "~" + StorageKey.Escape(tenantId ?? "");
}

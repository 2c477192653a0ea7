using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// Which group session a member's private messages belong to while a collect step waits for them: table
/// <c>SessionRoutes</c>, partition <c>{adapter}~{channel}~{tenant}</c> (<see cref="ConversationAddress.TenantKey"/>), row = the member. Only the group's own session reads it.
/// A group's routes are the rows whose <c>ConversationId</c> is the group's.
/// </summary>
public sealed class SessionRoutes(ITableServiceClient tables) : IGroupDataStore, IDisposable
{
    public const string TableName = "SessionRoutes";
    private readonly LazyTable _table = new(tables, TableName);

    public string Name => "privateChatRoutes";

    public async Task RouteAsync(ConversationAddress group, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        foreach (var member in memberIds)
        {
            await table.UpsertEntityAsync(
                new TableEntity(group.TenantKey, StorageKey.Escape(member))
                {
                    ["ConversationId"] = group.ConversationId,
                    ["Scope"] = group.Scope.ToString(),
                },
                TableUpdateMode.Replace,
                cancellationToken);
        }
    }

    /// <summary>The group whose session waits for <paramref name="memberId"/>, who wrote in <paramref name="personalChat"/>.</summary>
    public async Task<ConversationAddress?> FindAsync(ConversationAddress personalChat, string memberId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(personalChat.TenantKey, StorageKey.Escape(memberId), cancellationToken);
        return entity is null
            ? null
            : personalChat.Sibling(entity.GetString("ConversationId")!, Enum.Parse<ConversationScope>(entity.GetString("Scope")!));
    }

    public async Task ForgetAsync(ConversationAddress personalChat, string memberId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.DeleteEntityAsync(personalChat.TenantKey, StorageKey.Escape(memberId), ETag.All, cancellationToken);
    }

    /// <summary>The members whose private messages go to the group's session now.</summary>
    public async Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var members = new JsonArray();
        await foreach (var entity in table.QueryAllAsync(group.TenantKey, GroupFilter(group), cancellationToken: cancellationToken))
        {
            members.Add(Uri.UnescapeDataString(entity.RowKey));
        }

        return members.Count == 0 ? null : members;
    }

    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await PartitionRows.DeleteAsync(table, group.TenantKey, GroupFilter(group), cancellationToken: cancellationToken);
    }

    public void Dispose() => _table.Dispose();

    private static string GroupFilter(ConversationAddress group) => TableFilter.Create($"ConversationId eq {group.ConversationId}");
}

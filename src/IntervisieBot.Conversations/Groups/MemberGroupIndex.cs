using IntervisieBot.Conversations.Messages;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Groups;

/// <summary>A group a member is in, as the index knows it: where it is and what it is called.</summary>
public sealed record MemberGroup(ConversationAddress Group, string Name);

/// <summary>
/// Which groups a member is in, so a personal chat ("casus") finds the member's groups without looking at any other
/// group: table <c>MemberGroups</c>, partition = channel, tenant and member, row = the group's key. Finding a member's
/// groups is one query of one partition. <see cref="GroupStore"/> keeps it in step with the roster it saves.
/// </summary>
public sealed class MemberGroupIndex(ITableServiceClient tables) : IDisposable
{
    public const string TableName = "MemberGroups";
    private readonly LazyTable _table = new(tables, TableName);

    /// <summary>The groups whose roster has <paramref name="memberId"/>, in this channel and tenant.</summary>
    public async Task<IReadOnlyList<MemberGroup>> GroupsOfAsync(string channelId, string? tenantId, string memberId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var groups = new List<MemberGroup>();
        await foreach (var entity in table.QueryAllAsync(Partition(channelId, tenantId, memberId), cancellationToken: cancellationToken))
        {
            groups.Add(new MemberGroup(
                new ConversationAddress(channelId, entity.GetString("ConversationId")!, Enum.Parse<ConversationScope>(entity.GetString("Scope")!), tenantId),
                entity.GetString("Name") ?? ""));
        }

        return groups;
    }

    /// <summary>Makes the index say that exactly <paramref name="members"/> are in the group (called <paramref name="name"/>).</summary>
    public async Task SyncAsync(ConversationAddress group, string name, IEnumerable<string> before, IEnumerable<string> members, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var now = members.ToHashSet(StringComparer.Ordinal);
        foreach (var gone in before.Where(m => !now.Contains(m)))
        {
            await table.DeleteEntityAsync(Partition(group.ChannelId, group.TenantId, gone), group.Key, ETag.All, cancellationToken);
        }

        foreach (var member in now)
        {
            await table.UpsertEntityAsync(
                new TableEntity(Partition(group.ChannelId, group.TenantId, member), group.Key)
                {
                    ["ConversationId"] = group.ConversationId,
                    ["Scope"] = group.Scope.ToString(),
                    ["Name"] = name,
                },
                TableUpdateMode.Replace,
                cancellationToken);
        }
    }

    public void Dispose() => _table.Dispose();

    private static string Partition(string channelId, string? tenantId, string memberId) =>
        StorageKey.Escape(channelId) + "~" + StorageKey.Escape(tenantId ?? "") + "~" + StorageKey.Escape(memberId);
}

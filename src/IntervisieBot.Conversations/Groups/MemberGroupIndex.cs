using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Groups;

/// <summary>
/// Which groups a member is in, so a personal chat ("casus") finds the member's groups without looking at any other
/// group: table <c>MemberGroups</c>, partition = adapter, channel, tenant and member, row = the group's key; finding a member's
/// groups is one query of one partition. Each entry has a twin in the group's own partition (row <c>member~{id}</c>), so
/// the index knows whom it listed when the roster changes or the group is forgotten. Kept in step by hearing every
/// stored change of a group whose name or roster changed. The group's name is what a member typed, so it is stored
/// encrypted, bound to its row; a name stored before that is read as it is and encrypted when first read.
/// </summary>
public sealed class MemberGroupIndex(ITableServiceClient tables, PrivacyProtector protector) : IGroupObserver, IGroupDataStore, IDisposable
{
    public const string TableName = "MemberGroups";
    private const string MemberRow = "member~";
    private readonly LazyTable _table = new(tables, TableName);

    public string Name => "memberIndex";

    /// <summary>The groups whose roster had <paramref name="memberId"/> when last stored, in the tenant of <paramref name="personalChat"/>.</summary>
    public async Task<IReadOnlyList<MemberGroup>> GroupsOfAsync(ConversationAddress personalChat, string memberId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var groups = new List<MemberGroup>();
        var legacy = new List<TableEntity>();
        await foreach (var entity in table.QueryAllAsync(Partition(personalChat, memberId), cancellationToken: cancellationToken))
        {
            var name = entity.GetString("Name") ?? "";
            if (PrivacyProtector.IsProtected(name))
            {
                name = protector.Unprotect(name, Context(entity.PartitionKey, entity.RowKey));
            }
            else if (name.Length > 0)
            {
                legacy.Add(entity);
            }

            groups.Add(new MemberGroup(
                personalChat.Sibling(entity.GetString("ConversationId")!, Enum.Parse<ConversationScope>(entity.GetString("Scope")!)),
                name));
        }

        foreach (var entity in legacy)
        {
            await EncryptLegacyNameAsync(table, entity, cancellationToken);
        }

        return groups;
    }

    public async Task OnSavedAsync(ConversationAddress address, Group? before, Group after, CancellationToken cancellationToken)
    {
        if (before is not null && Fingerprint(before) == Fingerprint(after))
        {
            return;
        }

        var table = await _table.GetAsync(cancellationToken);
        var listed = await ListedAsync(table, address, cancellationToken);
        var now = after.Roster.Members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in listed.Where(m => !now.Contains(m)))
        {
            await RemoveAsync(table, address, gone, cancellationToken);
        }

        foreach (var member in now)
        {
            var partition = Partition(address, member);
            await table.UpsertEntityAsync(
                new TableEntity(partition, address.Key)
                {
                    ["ConversationId"] = address.ConversationId,
                    ["Scope"] = address.Scope.ToString(),
                    ["Name"] = protector.Protect(after.Settings.Name, Context(partition, address.Key)),
                },
                TableUpdateMode.Replace,
                cancellationToken);
            await table.UpsertEntityAsync(new TableEntity(address.Key, MemberRow + StorageKey.Escape(member)) { ["Member"] = member }, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>Drops a stale entry (a member who left, of a group stored before the index tracked it).</summary>
    public async Task RemoveAsync(ConversationAddress group, string memberId, CancellationToken cancellationToken = default) =>
        await RemoveAsync(await _table.GetAsync(cancellationToken), group, memberId, cancellationToken);

    /// <summary>The index is derived from the roster, which the group store counts.</summary>
    public Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken) => Task.FromResult<JsonNode?>(null);

    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        foreach (var member in await ListedAsync(table, group, cancellationToken))
        {
            await RemoveAsync(table, group, member, cancellationToken);
        }
    }

    public void Dispose() => _table.Dispose();

    private static async Task<List<string>> ListedAsync(ITableClient table, ConversationAddress group, CancellationToken cancellationToken)
    {
        var members = new List<string>();
        await foreach (var entity in table.QueryAllAsync(group.Key, cancellationToken: cancellationToken))
        {
            if (entity.GetString("Member") is { } member)
            {
                members.Add(member);
            }
        }

        return members;
    }

    private static async Task RemoveAsync(ITableClient table, ConversationAddress group, string memberId, CancellationToken cancellationToken)
    {
        await table.DeleteEntityAsync(Partition(group, memberId), group.Key, ETag.All, cancellationToken);
        await table.DeleteEntityAsync(group.Key, MemberRow + StorageKey.Escape(memberId), ETag.All, cancellationToken);
    }

    /// <summary>Encrypts a name stored before names were; when the row changed or went meanwhile, the newer write stands.</summary>
    private async Task EncryptLegacyNameAsync(ITableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        var updated = entity.Clone();
        updated["Name"] = protector.Protect(entity.GetString("Name")!, Context(entity.PartitionKey, entity.RowKey));
        try
        {
            await table.UpdateEntityAsync(updated, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (Exception e) when (e is ETagMismatchException or EntityNotFoundException)
        {
            // Someone wrote (encrypted) or removed the entry after it was read.
        }
    }

    private static string Context(string partition, string row) => TableName + "|" + partition + "|" + row;

    private static string Fingerprint(Group value) => value.Settings.Name + "\n" + string.Join("\n", value.Roster.Members.Select(m => m.Id));

    private static string Partition(ConversationAddress where, string memberId) => where.TenantKey + "~" + StorageKey.Escape(memberId);
}

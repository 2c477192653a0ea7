using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>
/// The links "export" posts: a 128-bit random token that works once, for a while. Table <c>ExportLinks</c>, partition
/// <c>link</c>, row = the SHA-256 of the token (the token itself is never stored), with what it opens (a group, or a
/// member's own data) and when it stops working. Opening a link uses it up, also when two open it at the same moment:
/// the row is claimed by a write conditional on its ETag, then deleted. A group's expired links are removed at its next
/// export (a member's at theirs), and all of a group's by "forget".
/// </summary>
public sealed class ExportLinkStore(ITableServiceClient tables, TimeProvider time) : IGroupDataStore, IDisposable
{
    public const string TableName = "ExportLinks";
    private const string Partition = "link";
    private const int TokenBytes = 16;
    private static readonly int TokenLength = Base64Url.GetEncodedLength(TokenBytes);

    private readonly LazyTable _table = new(tables, TableName);

    public string Name => "exportLinks";

    /// <summary>A new link token for <paramref name="group"/>'s export, valid for <paramref name="lifetime"/>.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> CreateAsync(ConversationAddress group, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        return await CreateAsync(
            TableFilter.Create($"GroupKey eq {group.Key}"),
            lifetime,
            new Dictionary<string, object?>
            {
                ["GroupKey"] = group.Key,
            },
            group,
            cancellationToken);
    }

    /// <summary>A new link token to the member's own data, asked for in <paramref name="personalChat"/>, valid for <paramref name="lifetime"/>.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> CreateForMemberAsync(ConversationAddress personalChat, string memberId, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(personalChat);
        var memberKey = personalChat.TenantKey + "~" + StorageKey.Escape(memberId);
        return await CreateAsync(
            TableFilter.Create($"MemberKey eq {memberKey}"),
            lifetime,
            new Dictionary<string, object?>
            {
                ["MemberKey"] = memberKey,
                ["MemberId"] = memberId,
            },
            personalChat,
            cancellationToken);
    }

    /// <summary>Whether a token would open something now, without using it up (for the page a link first shows).</summary>
    public async Task<bool> IsValidAsync(string token, CancellationToken cancellationToken = default) =>
        await UsableAsync(token, cancellationToken) is not null;

    /// <summary>
    /// What a token opens, using the link up: a second call with the same token answers null. Null too for a token that
    /// is malformed, unknown or expired.
    /// </summary>
    public async Task<ExportLink?> TakeAsync(string token, CancellationToken cancellationToken = default)
    {
        if (await UsableAsync(token, cancellationToken) is not { } entity)
        {
            return null;
        }

        var table = await _table.GetAsync(cancellationToken);
        var row = entity.RowKey;
        try
        {
            // Only one opener wins the claim; a second, even at the same moment, finds the ETag changed or the row gone.
            await table.UpdateEntityAsync(new TableEntity(Partition, row) { ["Used"] = true }, entity.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (Exception e) when (e is ETagMismatchException or EntityNotFoundException)
        {
            return null;
        }

        await table.DeleteEntityAsync(Partition, row, ETag.All, cancellationToken);
        var address = ConversationAddressColumns.ReadFrom(entity);
        return entity.GetString("MemberId") is { } memberId ? new ExportLink.Member(address, memberId) : new ExportLink.Group(address);
    }

    /// <summary>Links are keys to the data, not data: the erase receipt does not count them.</summary>
    public Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken) => Task.FromResult<JsonNode?>(null);

    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var table = await _table.GetAsync(cancellationToken);
        await PartitionRows.DeleteAsync(table, Partition, TableFilter.Create($"GroupKey eq {group.Key}"), cancellationToken: cancellationToken);
    }

    public void Dispose() => _table.Dispose();

    /// <summary>The link's row while the token still opens it: well formed, known, not used, not expired.</summary>
    private async Task<TableEntity?> UsableAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length != TokenLength || !Base64Url.IsValid(token))
        {
            return null;
        }

        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(Partition, Hash(token), cancellationToken);
        return entity is null || entity.GetBoolean("Used") == true || entity.GetDateTimeOffset("ExpiresAt") is not { } expiresAt || expiresAt <= time.GetUtcNow()
            ? null
            : entity;
    }

    private async Task<(string Token, DateTimeOffset ExpiresAt)> CreateAsync(string ownerFilter, TimeSpan lifetime, Dictionary<string, object?> opens, ConversationAddress conversation, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var now = time.GetUtcNow();
        await PartitionRows.DeleteAsync(table, Partition, ownerFilter + " and " + TableFilter.Create($"ExpiresAt le {now}"), cancellationToken: cancellationToken);

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var expiresAt = now + lifetime;
        var entity = new TableEntity(Partition, Hash(token)) { ["ExpiresAt"] = expiresAt };
        foreach (var (key, value) in opens)
        {
            entity[key] = value;
        }

        ConversationAddressColumns.WriteTo(conversation, entity);

        await table.AddEntityAsync(entity, cancellationToken);
        return (token, expiresAt);
    }

    // The token is 128 random bits, so a plain hash is enough: the stored row does not open the link.
    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}

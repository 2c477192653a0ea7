using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Messages;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>
/// The links "export" posts: a 128-bit random token that works for a while. Table <c>ExportLinks</c>, partition
/// <c>link</c>, row = the SHA-256 of the token (the token itself is never stored), with the group it opens and when it
/// stops working. Looking a token up only reads; a group's expired links are removed at its next export, and all of
/// them by "forget".
/// </summary>
public sealed class ExportLinkStore(ITableServiceClient tables, TimeProvider time) : IGroupDataStore, IDisposable
{
    public const string TableName = "ExportLinks";
    private const string Partition = "link";
    private const int TokenBytes = 16;
    private static readonly int TokenLength = Base64Url.GetEncodedLength(TokenBytes);

    private readonly LazyTable _table = new(tables, TableName);

    public string Name => "exportLinks";

    /// <summary>A new link token for <paramref name="group"/>, valid for <paramref name="lifetime"/>.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> CreateAsync(ConversationAddress group, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var now = time.GetUtcNow();
        await GroupRows.DeleteAsync(table, Partition, TableFilter.Create($"GroupKey eq {group.Key} and ExpiresAt le {now}"), cancellationToken);

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var expiresAt = now + lifetime;
        await table.AddEntityAsync(
            new TableEntity(Partition, Hash(token))
            {
                ["GroupKey"] = group.Key,
                ["Adapter"] = group.Adapter,
                ["ChannelId"] = group.ChannelId,
                ["ConversationId"] = group.ConversationId,
                ["Scope"] = group.Scope.ToString(),
                ["TenantId"] = group.TenantId,
                ["ExpiresAt"] = expiresAt,
            },
            cancellationToken);
        return (token, expiresAt);
    }

    /// <summary>The group a token opens now, or null for a token that is malformed, unknown or expired. Only reads.</summary>
    public async Task<ConversationAddress?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length != TokenLength || !Base64Url.IsValid(token))
        {
            return null;
        }

        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(Partition, Hash(token), cancellationToken);
        if (entity is null || entity.GetDateTimeOffset("ExpiresAt") is not { } expiresAt || expiresAt <= time.GetUtcNow())
        {
            return null;
        }

        return new ConversationAddress(
            entity.GetString("Adapter")!,
            entity.GetString("ChannelId")!,
            entity.GetString("ConversationId")!,
            Enum.Parse<ConversationScope>(entity.GetString("Scope")!),
            entity.GetString("TenantId"));
    }

    /// <summary>Links are keys to the data, not data: an export does not list them.</summary>
    public Task<JsonNode?> ExportAsync(ConversationAddress group, CancellationToken cancellationToken) => Task.FromResult<JsonNode?>(null);

    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await GroupRows.DeleteAsync(table, Partition, TableFilter.Create($"GroupKey eq {group.Key}"), cancellationToken);
    }

    public void Dispose() => _table.Dispose();

    // The token is 128 random bits, so a plain hash is enough: the stored row does not open the link.
    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}

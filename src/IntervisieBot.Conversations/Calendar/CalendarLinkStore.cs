using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Calendar;

/// <summary>
/// The group's calendar link (J4): a 128-bit random token in the URL. Table <c>CalendarLinks</c>: partition <c>feed</c>,
/// row = the SHA-256 of the token, naming the group, so opening the feed is one point read and the stored row does not
/// open it; and partition = the group's key, row <c>current</c>, with the hash and the token encrypted (so "agenda" can
/// show the same link again). Renewing replaces both, so the old link stops working; "forget" removes both.
/// </summary>
public sealed class CalendarLinkStore(ITableServiceClient tables, PrivacyProtector protector) : IGroupDataStore, IDisposable
{
    public const string TableName = "CalendarLinks";
    private const string FeedPartition = "feed";
    private const string CurrentRow = "current";
    private const int TokenBytes = 16;
    private static readonly int TokenLength = Base64Url.GetEncodedLength(TokenBytes);

    private readonly LazyTable _table = new(tables, TableName);

    public string Name => "calendarLink";

    /// <summary>The group's link token, made on first use.</summary>
    public async Task<string> GetOrCreateAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var current = await table.GetEntityIfExistsAsync(group.Key, CurrentRow, cancellationToken);
        if (current?.GetString("Token") is { } stored)
        {
            return protector.Unprotect(stored, Context(group));
        }

        return await RenewAsync(group, cancellationToken);
    }

    /// <summary>A new token for the group; the one before stops working.</summary>
    public async Task<string> RenewAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await RemoveAsync(table, group, cancellationToken);
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var hash = Hash(token);
        var feed = new TableEntity(FeedPartition, hash);
        ConversationAddressColumns.WriteTo(group, feed);
        await table.UpsertEntityAsync(feed, TableUpdateMode.Replace, cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(group.Key, CurrentRow) { ["Hash"] = hash, ["Token"] = protector.Protect(token, Context(group)) },
            TableUpdateMode.Replace,
            cancellationToken);
        return token;
    }

    /// <summary>The group a token opens, or null for one that is malformed, unknown or renewed since. Only reads.</summary>
    public async Task<ConversationAddress?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length != TokenLength || !Base64Url.IsValid(token))
        {
            return null;
        }

        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(FeedPartition, Hash(token), cancellationToken);
        return entity is null
            ? null
            : ConversationAddressColumns.ReadFrom(entity);
    }

    /// <summary>A link is a key to the schedule, not data of the group: the erase receipt does not count it.</summary>
    public Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken) => Task.FromResult<JsonNode?>(null);

    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await RemoveAsync(table, group, cancellationToken);
    }

    public void Dispose() => _table.Dispose();

    private static async Task RemoveAsync(ITableClient table, ConversationAddress group, CancellationToken cancellationToken)
    {
        if (await table.GetEntityIfExistsAsync(group.Key, CurrentRow, cancellationToken) is { } current)
        {
            if (current.GetString("Hash") is { } hash)
            {
                await table.DeleteEntityAsync(FeedPartition, hash, ETag.All, cancellationToken);
            }

            await table.DeleteEntityAsync(group.Key, CurrentRow, ETag.All, cancellationToken);
        }
    }

    private static string Context(ConversationAddress group) => TableName + "|" + group.Key;

    // 128 random bits: a plain hash is enough; the stored row does not open the link.
    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}

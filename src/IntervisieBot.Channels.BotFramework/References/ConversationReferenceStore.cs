using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Channels.BotFramework.References;

/// <summary>
/// Keeps conversation references in table storage (never only in memory), so the bot can write to a group or to a
/// member's personal chat after a restart. Table <c>BotConversations</c>:
/// a conversation is row <c>reference</c> of partition <see cref="ConversationAddress.Key"/> (adapter, channel,
/// conversation); the personal chat of a member is row <c>{member}</c> of partition <c>personal~{adapter}~{channel}~{tenant}</c>. A write happens only when something changed.
/// A group's reference is group data: "forget" deletes it (the next activity there records it anew); a member's
/// personal chat is the member's, not the group's, and stays.
/// </summary>
public sealed class ConversationReferenceStore : IGroupDataStore, IDisposable
{
    public const string TableName = "BotConversations";
    private const string ReferenceRow = "reference";
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(10);

    private readonly LazyTable _table;
    private readonly CachedRow<ConversationAddress, ConversationReference> _references;

    public ConversationReferenceStore(ITableServiceClient tables, TimeProvider time)
    {
        _table = new LazyTable(tables, TableName);
        _references = new CachedRow<ConversationAddress, ConversationReference>(
            _table, ReferenceRow, static address => address.Key, static (_, entity) => FromEntity(entity), ToEntity, time, CacheLifetime);
    }

    public Task<ConversationReference?> GetAsync(ConversationAddress address, CancellationToken cancellationToken = default) =>
        _references.GetAsync(address, cancellationToken);

    /// <summary>
    /// Records the reference an authenticated activity brought. Returns the reference as it was before, so the
    /// caller can tell a first installation from a repeated notice of the same one. For a personal chat, pass the
    /// member it is with: that is how the bot learns where to reach them privately.
    /// </summary>
    public async Task<ConversationReference?> SaveAsync(ConversationReference reference, string? personalMemberId = null, CancellationToken cancellationToken = default)
    {
        var before = await _references.SaveAsync(reference.Address, reference, cancellationToken);
        if (before == reference)
        {
            return before;
        }

        if (reference.Address.IsPersonal && before is null && !string.IsNullOrEmpty(personalMemberId))
        {
            await SavePersonalChatAsync(personalMemberId, reference.Address, cancellationToken);
        }

        return before;
    }

    public async Task MarkUnreachableAsync(ConversationAddress address, CancellationToken cancellationToken = default)
    {
        var reference = await GetAsync(address, cancellationToken);
        if (reference is { Unreachable: false })
        {
            await SaveAsync(reference with { Unreachable = true }, cancellationToken: cancellationToken);
        }
    }

    /// <summary>The personal chat of <paramref name="memberId"/> with the bot, in the adapter, channel and tenant of <paramref name="group"/>, if known.</summary>
    public async Task<ConversationAddress?> FindPersonalChatAsync(ConversationAddress group, string memberId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(PersonalPartition(group), StorageKey.Escape(memberId), cancellationToken);
        return entity?.GetString("ConversationId") is { } id
            ? group.Sibling(id, ConversationScope.Personal)
            : null;
    }

    public async Task SavePersonalChatAsync(string memberId, ConversationAddress personalChat, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = new TableEntity(PersonalPartition(personalChat), StorageKey.Escape(memberId))
        {
            ["ConversationId"] = personalChat.ConversationId,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public string Name => "conversationReference";

    public bool IsReach => true;

    public async Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var reference = await GetAsync(group, cancellationToken);
        return reference is null
            ? null
            : new JsonObject
            {
                ["channelId"] = reference.Address.ChannelId,
                ["conversationId"] = reference.Address.ConversationId,
                ["scope"] = reference.Address.Scope.ToString(),
                ["tenantId"] = reference.Address.TenantId,
                ["serviceUrl"] = reference.ServiceUrl,
                ["botId"] = reference.Bot.Id,
                ["unreachable"] = reference.Unreachable,
            };
    }

    /// <summary>Also from memory, or the next activity would find it cached and not record it again.</summary>
    public Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken) => _references.DeleteAsync(group, cancellationToken);

    public void Dispose() => _table.Dispose();

    private static string PersonalPartition(ConversationAddress where) => "personal~" + where.TenantKey;

    private static void ToEntity(ConversationReference reference, TableEntity entity)
    {
        ConversationAddressColumns.WriteTo(reference.Address, entity);
        entity["ServiceUrl"] = reference.ServiceUrl;
        entity["BotId"] = reference.Bot.Id;
        entity["BotName"] = reference.Bot.Name;
        entity["Unreachable"] = reference.Unreachable;
    }

    private static ConversationReference FromEntity(TableEntity entity) => new(
        ConversationAddressColumns.ReadFrom(entity),
        entity.GetString("ServiceUrl")!,
        new Participant(entity.GetString("BotId")!, entity.GetString("BotName") ?? ""))
    {
        Unreachable = entity.GetBoolean("Unreachable") ?? false,
    };
}

using System.Text.Json.Nodes;
using IntervisieBot.Channels.Slack.BlockKit;
using IntervisieBot.Channels.Slack.Installations;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Channels.Slack.References;

/// <summary>What the bot knows about a Slack conversation: where it is, and whether it can still write there.</summary>
public sealed record SlackConversation(ConversationAddress Address, string BotUserId)
{
    /// <summary>Set when the bot left or was removed, or Slack refused a write (archived, not in channel, uninstalled).</summary>
    public bool Unreachable { get; init; }
}

/// <summary>
/// Slack conversations the bot has seen, in table <c>SlackConversations</c> (never only in memory), so reminders reach
/// a channel or a member's DM after a restart: a conversation is row <c>conversation</c> of partition
/// <c>{channel}~{conversation}</c>; a member's DM is row <c>{member}</c> of partition <c>dm~{team}</c>; the form behind
/// a card's modal is row <c>form~{ts}</c> of the conversation's partition, encrypted (prefilled values may hold a case).
/// A conversation's partition is group data: "forget" deletes it all (the next request from there records it anew);
/// a member's DM row is the member's, not the group's, and stays.
/// </summary>
public sealed class SlackConversationStore : IGroupDataStore, IDisposable
{
    public const string TableName = "SlackConversations";
    private const string ConversationRow = "conversation";
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(10);

    private readonly ISlackTokenProtector _protector;
    private readonly TimeProvider _time;
    private readonly LazyTable _table;
    private readonly CachedRow<ConversationAddress, SlackConversation> _conversations;

    public SlackConversationStore(ITableServiceClient tables, ISlackTokenProtector protector, TimeProvider time)
    {
        _protector = protector;
        _time = time;
        _table = new LazyTable(tables, TableName);
        _conversations = new CachedRow<ConversationAddress, SlackConversation>(
            _table, ConversationRow, static address => address.Key, Read, Write, time, CacheLifetime);
    }

    public Task<SlackConversation?> GetAsync(ConversationAddress address, CancellationToken cancellationToken = default) =>
        _conversations.GetAsync(address, cancellationToken);

    /// <summary>Records a conversation an authenticated request came from; returns what was stored before (null: new).</summary>
    public Task<SlackConversation?> SaveAsync(SlackConversation conversation, CancellationToken cancellationToken = default) =>
        _conversations.SaveAsync(conversation.Address, conversation, cancellationToken);

    public async Task MarkUnreachableAsync(ConversationAddress address, CancellationToken cancellationToken = default)
    {
        var known = await GetAsync(address, cancellationToken) ?? new SlackConversation(address, "");
        if (!known.Unreachable)
        {
            await SaveAsync(known with { Unreachable = true }, cancellationToken);
        }
    }

    public async Task<string?> FindDirectMessageAsync(string teamId, string memberId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(DirectMessages(teamId), StorageKey.Escape(memberId), cancellationToken);
        return entity?.GetString("ChannelId");
    }

    public async Task SaveDirectMessageAsync(string teamId, string memberId, string channelId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(DirectMessages(teamId), StorageKey.Escape(memberId)) { ["ChannelId"] = channelId }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task SaveFormAsync(ConversationAddress address, string messageTs, SlackForm form, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(address.Key, FormRow(messageTs)) { ["Form"] = _protector.Protect(form.ToJson(), FormContext(address, messageTs)), ["SavedAt"] = _time.GetUtcNow() },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<SlackForm?> FindFormAsync(ConversationAddress address, string messageTs, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(address.Key, FormRow(messageTs), cancellationToken);
        return entity?.GetString("Form") is { } form ? SlackForm.FromJson(_protector.Unprotect(form, FormContext(address, messageTs))) : null;
    }

    /// <summary>The card was answered (or replaced): its form goes, so its modal cannot be submitted twice.</summary>
    public async Task DeleteFormAsync(ConversationAddress address, string messageTs, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.DeleteEntityAsync(address.Key, FormRow(messageTs), ETag.All, cancellationToken);
    }

    public string Name => "slackConversation";

    public bool IsReach => true;

    private static string FormContext(ConversationAddress address, string messageTs) => TableName + "|" + address.Key + "|" + FormRow(messageTs);

    /// <summary>Where the conversation is; the open card forms are working copies of cards the group already saw.</summary>
    public async Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var conversation = await GetAsync(group, cancellationToken);
        return conversation is null
            ? null
            : new JsonObject
            {
                ["conversationId"] = conversation.Address.ConversationId,
                ["scope"] = conversation.Address.Scope.ToString(),
                ["teamId"] = conversation.Address.TenantId,
                ["botUserId"] = conversation.BotUserId,
                ["unreachable"] = conversation.Unreachable,
            };
    }

    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await PartitionRows.DeleteAsync(table, group.Key, cancellationToken: cancellationToken);

        // Also from memory, or the next request would find it cached and not record it again.
        _conversations.Forget(group);
    }

    public void Dispose() => _table.Dispose();

    private static string DirectMessages(string teamId) => "dm~" + StorageKey.Escape(teamId);

    private static string FormRow(string messageTs) => "form~" + StorageKey.Escape(messageTs);

    private static SlackConversation Read(ConversationAddress address, TableEntity entity) => new(
        address with { Scope = Enum.Parse<ConversationScope>(entity.GetString("Scope")!), TenantId = entity.GetString("TeamId") },
        entity.GetString("BotUserId") ?? "")
    {
        Unreachable = entity.GetBoolean("Unreachable") ?? false,
    };

    private static void Write(SlackConversation conversation, TableEntity entity)
    {
        entity["ConversationId"] = conversation.Address.ConversationId;
        entity["Scope"] = conversation.Address.Scope.ToString();
        entity["TeamId"] = conversation.Address.TenantId;
        entity["BotUserId"] = conversation.BotUserId;
        entity["Unreachable"] = conversation.Unreachable;
    }
}

namespace IntervisieBot.Dialogs.Messages;

/// <summary>Where a conversation happens: in a personal (1:1) chat with the bot, a group chat or a channel.</summary>
public enum ConversationScope
{
    Personal,
    GroupChat,
    Channel,
}

/// <summary>
/// Identifies one conversation across channels: the adapter that heard it (the Bot Framework endpoint, Slack, the
/// playground), the channel (<c>msteams</c>, <c>slack</c>, <c>playground</c>, …), the channel's conversation id, and
/// the tenant (Teams tenant, Slack workspace). Everything the bot stores about a group is keyed by this address, so one
/// conversation can never reach another's data. Only a channel adapter sets <see cref="Adapter"/>, to its own name:
/// whatever channel id a caller claims, an adapter can only ever name its own rows.
/// </summary>
public sealed record ConversationAddress(string Adapter, string ChannelId, string ConversationId, ConversationScope Scope, string? TenantId = null)
{
    /// <summary>A stable key for storage: adapter, channel and conversation, escaped so it is a valid table key.</summary>
    public string Key => StorageKey.Escape(Adapter) + "~" + StorageKey.Escape(ChannelId) + "~" + StorageKey.Escape(ConversationId);

    /// <summary>
    /// A stable key for the tenant the conversation lives in (adapter, channel and tenant): a member id names one
    /// person only within it, so what is kept per member (routes, indexes, personal chats) is keyed by it.
    /// </summary>
    public string TenantKey => StorageKey.Escape(Adapter) + "~" + StorageKey.Escape(ChannelId) + "~" + StorageKey.Escape(TenantId ?? "");

    public bool IsPersonal => Scope == ConversationScope.Personal;

    /// <summary>Another conversation in the same adapter, channel and tenant (a member's personal chat, a group named by a button).</summary>
    public ConversationAddress Sibling(string conversationId, ConversationScope scope) => this with { ConversationId = conversationId, Scope = scope };
}

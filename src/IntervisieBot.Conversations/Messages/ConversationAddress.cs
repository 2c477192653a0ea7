namespace IntervisieBot.Conversations.Messages;

/// <summary>Where a conversation happens: in a personal (1:1) chat with the bot, a group chat or a channel.</summary>
public enum ConversationScope
{
    Personal,
    GroupChat,
    Channel,
}

/// <summary>
/// Identifies one conversation across channels: the channel (<c>msteams</c>, <c>slack</c>, <c>playground</c>, …),
/// the channel's conversation id, and the tenant (Teams tenant, Slack workspace). Everything the bot stores about a
/// group is keyed by this address, so one conversation can never reach another's data.
/// </summary>
public sealed record ConversationAddress(string ChannelId, string ConversationId, ConversationScope Scope, string? TenantId = null)
{
    /// <summary>A stable key for storage: channel and conversation, escaped so it is a valid table key.</summary>
    public string Key => StorageKey.Escape(ChannelId) + "~" + StorageKey.Escape(ConversationId);

    public bool IsPersonal => Scope == ConversationScope.Personal;
}

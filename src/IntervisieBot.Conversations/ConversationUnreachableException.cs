using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations;

/// <summary>The bot can no longer write to the conversation (removed, blocked, or the conversation is gone).</summary>
public sealed class ConversationUnreachableException(ConversationAddress conversation, string reason)
    : Exception($"Conversation {conversation.ChannelId} is unreachable: {reason}")
{
    public ConversationAddress Conversation { get; } = conversation;
}

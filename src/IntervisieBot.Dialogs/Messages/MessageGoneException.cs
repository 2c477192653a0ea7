namespace IntervisieBot.Dialogs.Messages;

/// <summary>
/// A message the bot wanted to update is no longer there (deleted by someone, or too old for the channel to change):
/// Teams answers 404 to <c>PUT …/activities/{id}</c>, Slack <c>message_not_found</c>. The conversation itself is still
/// reachable, so a fresh message can take its place.
/// </summary>
public sealed class MessageGoneException(ConversationAddress conversation, string reason)
    : Exception($"The message to update is gone from a {conversation.ChannelId} conversation: {reason}")
{
    public ConversationAddress Conversation { get; } = conversation;
}

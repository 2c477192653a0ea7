using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations;

/// <summary>
/// A channel's outbound side: writes to a conversation it has seen before, in answer to a turn or on its own
/// (reminders, timers). Each channel keeps what it needs to reach a conversation (Teams: the service URL and
/// tenant) in storage, so this works after a restart. Throws <see cref="ConversationUnreachableException"/>
/// when the bot was removed from the conversation.
/// </summary>
public interface IChannelMessenger
{
    /// <summary>Whether this messenger writes to the conversation: one its own adapter heard (<see cref="ConversationAddress.Adapter"/>).</summary>
    bool Handles(ConversationAddress conversation);

    Task<string?> SendAsync(ConversationAddress conversation, OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>Replaces a message the bot sent; throws <see cref="MessageGoneException"/> when it is no longer there.</summary>
    Task UpdateAsync(ConversationAddress conversation, string messageId, OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes to <paramref name="member"/> alone, in <paramref name="conversation"/> when the channel can (Slack's ephemeral
    /// messages); a channel that cannot writes in the member's personal chat instead. Never visible to the group.
    /// </summary>
    Task AnswerPresserAsync(ConversationAddress conversation, Participant member, OutgoingMessage message, CancellationToken cancellationToken = default) =>
        SendPrivateAsync(conversation, member, message, cancellationToken);

    /// <summary>Writes to <paramref name="member"/> of <paramref name="conversation"/> in their personal chat with the bot.</summary>
    Task SendPrivateAsync(ConversationAddress conversation, Participant member, OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>The members of the conversation, the bot excluded.</summary>
    Task<IReadOnlyList<Participant>> GetMembersAsync(ConversationAddress conversation, CancellationToken cancellationToken = default);
}

namespace IntervisieBot.Dialogs.Messages;

/// <summary>What the bot can do in answer to one turn, whatever the channel.</summary>
public interface ITurnContext
{
    IncomingTurn Turn { get; }

    /// <summary>Posts a message in the turn's conversation; returns its id (to update it later), when the channel gives one.</summary>
    Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a message the bot sent earlier, e.g. a card whose question was answered. Throws
    /// <see cref="MessageGoneException"/> when the message is no longer there.
    /// </summary>
    Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>The conversation's members, the bot excluded.</summary>
    Task<IReadOnlyList<Participant>> GetMembersAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes to one member in their personal chat with the bot, opening it if needed.</summary>
    Task SendPrivateAsync(Participant member, OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same turn, as part of <paramref name="group"/>: a private contribution handed to the group's session.
    /// Sends then go to the group; private answers go to the sender's personal chat.
    /// </summary>
    ITurnContext ForGroup(ConversationAddress group);

    /// <summary>
    /// Answers only the member who wrote or pressed (e.g. a refused press of a stale button), never the group: in Teams
    /// the answer to the pressed card's invoke, in Slack an ephemeral message, in the playground a note in that member's
    /// view. Where the channel has no such answer (Teams' <c>Action.Submit</c>), it goes to the member's personal chat.
    /// </summary>
    Task AnswerPresserAsync(OutgoingMessage message, CancellationToken cancellationToken = default) =>
        Turn.Conversation.IsPersonal ? SendAsync(message, cancellationToken) : SendPrivateAsync(Turn.From, message, cancellationToken);
}

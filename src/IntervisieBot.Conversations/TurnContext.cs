using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations;

/// <summary>The context of a turn that answers through the channel's messenger.</summary>
public class TurnContext(IncomingTurn turn, IChannelMessenger messenger) : ITurnContext
{
    public IncomingTurn Turn { get; } = turn;

    public virtual Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default) =>
        messenger.SendAsync(Turn.Conversation, message, cancellationToken);

    public virtual Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken = default) =>
        messenger.UpdateAsync(Turn.Conversation, messageId, message, cancellationToken);

    public Task<IReadOnlyList<Participant>> GetMembersAsync(CancellationToken cancellationToken = default) =>
        messenger.GetMembersAsync(Turn.Conversation, cancellationToken);

    public Task SendPrivateAsync(Participant member, OutgoingMessage message, CancellationToken cancellationToken = default) =>
        messenger.SendPrivateAsync(Turn.Conversation, member, message, cancellationToken);

    /// <summary>
    /// Only the member who wrote or pressed sees it: in a personal chat (also a private contribution handed to the group)
    /// it is said there; in a group the channel decides (<see cref="IChannelMessenger.AnswerPresserAsync"/>). A scheduled
    /// turn has nobody to answer.
    /// </summary>
    public virtual Task AnswerPresserAsync(OutgoingMessage message, CancellationToken cancellationToken = default) => Turn switch
    {
        { Kind: TurnKind.Scheduled } => Task.CompletedTask,
        { PersonalChat: { } personal } => messenger.SendAsync(personal, message, cancellationToken),
        { Conversation.IsPersonal: true } => SendAsync(message, cancellationToken),
        _ => messenger.AnswerPresserAsync(Turn.Conversation, Turn.From, message, cancellationToken),
    };

    public ITurnContext ForGroup(ConversationAddress group) =>
        new TurnContext(Turn with { Conversation = group, PersonalChat = Turn.Conversation }, messenger);
}

using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Tests;

/// <summary>A channel that keeps what the bot says, in order, with the ids it would have got.</summary>
public sealed class RecordingMessenger : IChannelMessenger
{
    private int _next;

    public List<(string Kind, ConversationAddress Conversation, string? MessageId, OutgoingMessage Message, Participant? To)> Sent { get; } = [];

    public List<Participant> Members { get; } = [];

    /// <summary>Members of particular conversations (by conversation id); others have <see cref="Members"/>.</summary>
    public Dictionary<string, List<Participant>> MembersOf { get; } = [];

    public bool Handles(ConversationAddress conversation) => true;

    public Task<string?> SendAsync(ConversationAddress conversation, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var id = $"m{Interlocked.Increment(ref _next)}";
        lock (Sent)
        {
            Sent.Add(("send", conversation, id, message, null));
        }

        return Task.FromResult<string?>(id);
    }

    public Task UpdateAsync(ConversationAddress conversation, string messageId, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        lock (Sent)
        {
            Sent.Add(("update", conversation, messageId, message, null));
        }

        return Task.CompletedTask;
    }

    public Task SendPrivateAsync(ConversationAddress conversation, Participant member, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        lock (Sent)
        {
            Sent.Add(("private", conversation, null, message, member));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Participant>> GetMembersAsync(ConversationAddress conversation, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Participant>>(MembersOf.GetValueOrDefault(conversation.ConversationId) ?? Members);
}

using System.Globalization;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Tests.Harness;

/// <summary>A channel that keeps what the bot says, in order, with the ids it would have got and the time it was sent.</summary>
public sealed class RecordingMessenger(TimeProvider? time = null) : IChannelMessenger
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private int _next;

    public List<SentMessage> Sent { get; } = [];

    public List<Participant> Members { get; } = [];

    /// <summary>Members of particular conversations (by conversation id); others have <see cref="Members"/>.</summary>
    public Dictionary<string, List<Participant>> MembersOf { get; } = [];

    public bool Handles(ConversationAddress conversation) => true;

    public Task<string?> SendAsync(ConversationAddress conversation, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var id = "m" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        Add(new SentMessage(_time.GetUtcNow(), "send", conversation, id, message, null));
        return Task.FromResult<string?>(id);
    }

    public Task UpdateAsync(ConversationAddress conversation, string messageId, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        Add(new SentMessage(_time.GetUtcNow(), "update", conversation, messageId, message, null));
        return Task.CompletedTask;
    }

    public Task SendPrivateAsync(ConversationAddress conversation, Participant member, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        Add(new SentMessage(_time.GetUtcNow(), "private", conversation, null, message, member));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Participant>> GetMembersAsync(ConversationAddress conversation, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Participant>>(MembersOf.GetValueOrDefault(conversation.ConversationId) ?? Members);

    private void Add(SentMessage sent)
    {
        lock (Sent)
        {
            Sent.Add(sent);
        }
    }
}

/// <summary>
/// What the bot sent: when, how (<c>send</c>, <c>update</c> or <c>private</c>), to which conversation (and member, when
/// private), the message, and the id the channel gave it.
/// </summary>
public sealed record SentMessage(DateTimeOffset At, string Kind, ConversationAddress Conversation, string? MessageId, OutgoingMessage Message, Participant? To)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Everything a reader sees of the message (see <see cref="BotClient.Text(OutgoingMessage)"/>).</summary>
    public string Text => BotClient.Text(Message);

    /// <summary>"di 20-10 19:30 · groep · Volgende week intervisie": what a member notices, and when (Amsterdam time).</summary>
    public override string ToString()
    {
        var local = TimeZoneInfo.ConvertTime(At, BotClient.Amsterdam);
        var where = Kind == "update" ? "update" : To?.Name ?? "groep";
        return $"{local.ToString("ddd dd-MM HH:mm", Dutch)} · {where} · {Headline(Message)}";
    }

    private static string Headline(OutgoingMessage message)
    {
        var text = message.Card?.Title is { Length: > 0 } title ? title : message.Card?.Body.OfType<CardText>().FirstOrDefault()?.Text ?? message.Text;
        return text.Length > 60 ? text[..60] : text;
    }
}

using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Channels.BotFramework;

/// <summary>
/// An adapter besides the Bot Framework service that speaks the activity protocol through this channel's code (the
/// playground). It vouches for its own callers, so its activities never come through <c>/api/messages</c>; its
/// conversations are kept under its own <see cref="Adapter"/> name; it accepts only <see cref="ChannelId"/> and the
/// conversations it says it owns; and the connector presents <see cref="ConnectorSecret"/> when it writes to it, never
/// the bot's own token.
/// </summary>
public sealed record LocalActivityChannel(
    string Adapter,
    string ChannelId,
    Participant Bot,
    string ConnectorSecret,
    Func<string, bool> OwnsConversation);

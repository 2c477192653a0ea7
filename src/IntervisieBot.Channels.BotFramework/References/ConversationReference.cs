using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Channels.BotFramework.References;

/// <summary>
/// What the bot needs to write to a conversation later: where the channel's connector is (the service URL that
/// came in on an authenticated activity), the conversation, the tenant and the bot's own account in it.
/// </summary>
public sealed record ConversationReference(ConversationAddress Address, string ServiceUrl, Participant Bot)
{
    /// <summary>Set when the bot was removed or the channel refused a send (403/404); cleared when it is added again.</summary>
    public bool Unreachable { get; init; }
}

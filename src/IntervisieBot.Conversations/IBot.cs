using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations;

/// <summary>The bot's logic for one turn. Channels call it; it answers through the context.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext context, CancellationToken cancellationToken = default);
}

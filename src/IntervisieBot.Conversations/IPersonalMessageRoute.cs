using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations;

/// <summary>
/// Takes a member's message in their personal chat with the bot somewhere else when a feature waits for it there (a
/// group session collecting private contributions). The router asks every registered route, in order of
/// registration, before the personal chat's own flow gets the message; a command word on its own never goes to a route.
/// </summary>
public interface IPersonalMessageRoute
{
    /// <summary>Handles the message and returns true when it belongs elsewhere; false leaves it to the personal chat.</summary>
    Task<bool> TryRouteAsync(ITurnContext context, CancellationToken cancellationToken);
}

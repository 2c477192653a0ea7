using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations;

/// <summary>
/// Hears people joining or leaving a conversation (<see cref="TurnKind.MembersAdded"/> and
/// <see cref="TurnKind.MembersRemoved"/>), and the bot being added (<see cref="TurnKind.BotAdded"/>),
/// outside of the dialogs; e.g. to offer a change to the group's roster. Each handler looks at the turn's kind.
/// </summary>
public interface IMembershipHandler
{
    Task OnMembersChangedAsync(ITurnContext context, CancellationToken cancellationToken);
}

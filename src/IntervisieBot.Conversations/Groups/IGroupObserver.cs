using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Groups;

/// <summary>Hears every change of a group that was stored, with the group as it was before (null after set-up).</summary>
public interface IGroupObserver
{
    Task OnSavedAsync(ConversationAddress address, Group? before, Group after, CancellationToken cancellationToken);
}

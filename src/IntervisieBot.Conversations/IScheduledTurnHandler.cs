using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations;

/// <summary>
/// Proactive work of a feature that needs no dialog (a reminder): a scheduled turn whose values carry
/// <see cref="NameKey"/> = <see cref="Name"/> goes here instead of to the dialogs. It runs in the group's lane, and
/// what it sends goes through the channel like any turn (buttons in the group are stamped with the conversation).
/// </summary>
public interface IScheduledTurnHandler
{
    public const string NameKey = "handler";

    string Name { get; }

    Task HandleAsync(ITurnContext context, CancellationToken cancellationToken);
}

using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Reminders;

/// <summary>
/// When the bot is added back to a group it was removed from, the group is reachable again and its reminders, which
/// were dropped while it could not be reached, are planned anew.
/// </summary>
public sealed class BotAddedAgain(GroupStore groups, ReminderPlanner planner, GroupReachability reachability) : IMembershipHandler
{
    public async Task OnMembersChangedAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        if (turn.Kind != TurnKind.BotAdded || turn.Conversation.IsPersonal)
        {
            return;
        }

        await reachability.ClearAsync(turn.Conversation, cancellationToken);
        if (await groups.GetAsync(turn.Conversation, cancellationToken) is { } group)
        {
            await planner.PlanAsync(turn.Conversation, group, cancellationToken);
        }
    }
}

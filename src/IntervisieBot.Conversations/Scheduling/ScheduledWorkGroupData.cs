using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Scheduling;

/// <summary>The group's planned work (reminders, timers) and its unreachable flag: exported as what is planned, forgotten entirely.</summary>
public sealed class ScheduledWorkGroupData(DueWorkStore work, GroupReachability reachability) : IGroupDataStore
{
    public string Name => "scheduled";

    public async Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var planned = await work.ListAsync(group, cancellationToken);
        var unreachableSince = await reachability.UnreachableSinceAsync(group, cancellationToken);
        if (planned.Count == 0 && unreachableSince is null)
        {
            return null;
        }

        return new JsonObject
        {
            ["planned"] = new JsonArray(planned.Select(w => (JsonNode)new JsonObject { ["kind"] = w.Kind, ["dueAt"] = w.DueAt }).ToArray()),
            ["unreachableSince"] = unreachableSince,
        };
    }

    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        await work.ForgetGroupAsync(group, cancellationToken);
        await reachability.ClearAsync(group, cancellationToken);
    }
}

using System.Text.Json.Nodes;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>
/// The group conversation's dialog state (its running flows, e.g. what was said in a running session) as a part of
/// the group's data, so "forget" erases it and says so. Not in the export: a running session's state is not shown.
/// </summary>
public sealed class ConversationStateGroupData(DialogStateStore states) : IGroupDataStore
{
    public string Name => "conversationState";

    public Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken) => states.HeldAsync(group, cancellationToken);

    public Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken) => states.ForgetAsync(group, cancellationToken);
}

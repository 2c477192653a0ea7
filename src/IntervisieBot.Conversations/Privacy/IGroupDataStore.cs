using System.Text.Json.Nodes;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>
/// A store that keeps data of a group (a group conversation). Every such store registers itself with
/// <c>AddGroupDataStore</c>, so "forget" deletes all of a group's data, wherever it lives. Being a store of the group
/// does not put its data in the group's export: only a store that also is an <see cref="IGroupExportPart"/> is in it,
/// so a new store never leaks into the export by default.
/// </summary>
public interface IGroupDataStore
{
    /// <summary>The name of this part of the group's data in the erase receipt (e.g. "sessions").</summary>
    string Name { get; }

    /// <summary>
    /// Whether this store is how the bot reaches the group (its conversation reference). Such stores are erased last, so
    /// the bot can still say in the group what it erased.
    /// </summary>
    bool IsReach => false;

    /// <summary>
    /// What the store holds of the group (decrypted), so "forget" can say how much it erased (a list counts its entries);
    /// null when there is none. It never leaves the bot: what the group may see is <see cref="IGroupExportPart"/>.
    /// </summary>
    Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken);

    /// <summary>Deletes every row of the group in this store. Idempotent: forgetting twice is not an error.</summary>
    Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken);
}

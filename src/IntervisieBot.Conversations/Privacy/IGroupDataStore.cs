using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Messages;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>
/// A store that keeps data of a group (a group conversation). Every such store registers itself with
/// <c>AddGroupDataStore</c>, so "forget" deletes, and "export" gathers, all of a group's data, wherever it lives.
/// </summary>
public interface IGroupDataStore
{
    /// <summary>The name of this part of the group's data in the export (e.g. "sessions").</summary>
    string Name { get; }

    /// <summary>The group's data in this store, as it would be shown to the group (decrypted); null when there is none.</summary>
    Task<JsonNode?> ExportAsync(ConversationAddress group, CancellationToken cancellationToken);

    /// <summary>Deletes every row of the group in this store. Idempotent: forgetting twice is not an error.</summary>
    Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken);
}

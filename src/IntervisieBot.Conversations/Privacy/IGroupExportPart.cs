using System.Text.Json.Nodes;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>
/// A store whose data belongs in the group's export (<c>export</c> in the group): only what every member of the group
/// may see (settings, roster, agreements, meetings, session records, survey averages). Never a member's own data (a
/// prepared case), a running session's state, or keys and internals (links, routes, due work).
/// </summary>
public interface IGroupExportPart : IGroupDataStore
{
    /// <summary>This store's part of the group's export, decrypted; null when there is nothing to show.</summary>
    Task<JsonNode?> ExportToGroupAsync(ConversationAddress group, CancellationToken cancellationToken);
}

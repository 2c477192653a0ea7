using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Scheduling;

/// <summary>
/// Groups the bot can no longer write to (removed from the chat, chat deleted), as the scheduler found out: table
/// <c>UnreachableGroups</c>, partition = the group's key, one row. Work for such a group is dropped instead of retried;
/// other parts (group health, reminders) can read the flag, and clear it when the bot is added to the group again.
/// </summary>
public sealed class GroupReachability(ITableServiceClient tables, TimeProvider time) : IDisposable
{
    public const string TableName = "UnreachableGroups";
    private const string Row = "unreachable";
    private readonly LazyTable _table = new(tables, TableName);

    public async Task MarkUnreachableAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(group.Key, Row) { ["Since"] = time.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Since when the group is unreachable, or null when it is not known to be.</summary>
    public async Task<DateTimeOffset?> UnreachableSinceAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var table = await _table.GetAsync(cancellationToken);
        return (await table.GetEntityIfExistsAsync(group.Key, Row, cancellationToken))?.GetDateTimeOffset("Since");
    }

    public async Task ClearAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var table = await _table.GetAsync(cancellationToken);
        await table.DeleteEntityAsync(group.Key, Row, ETag.All, cancellationToken);
    }

    public void Dispose() => _table.Dispose();
}

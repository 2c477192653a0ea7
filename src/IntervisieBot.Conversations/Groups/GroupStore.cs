using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Groups;

/// <summary>
/// The group (J1–J3): table <c>Groups</c>, one row per group, partition = the group conversation's key, row
/// <c>group</c>; the settings, roster, agreements, turn requests and meetings held as one JSON document, so a turn
/// reads it once and writes it once, conditional on the version it read. Every write is told to the
/// <see cref="IGroupObserver"/>s (the reminders re-plan on it).
/// </summary>
/// <remarks>
/// The document holds what members wrote (the agreements, the group's name) and their names, so it is stored
/// encrypted, bound to this table, group and row (property <c>Data</c>). A row written before that (plain property
/// <c>Json</c>) still reads, and is encrypted in place the first time it is read, conditional on the version read, so
/// a group that never changes again does not keep its agreements in plain text.
/// </remarks>
public sealed class GroupStore(ITableServiceClient tables, PrivacyProtector protector, IEnumerable<IGroupObserver>? observers = null) : IGroupExportPart, IDisposable
{
    public const string TableName = "Groups";
    private const string Row = "group";
    private const int MaxAttempts = 5;
    private readonly LazyTable _table = new(tables, TableName);
    private readonly IGroupObserver[] _observers = [.. observers ?? []];

    public string Name => "group";

    public async Task<Group?> GetAsync(ConversationAddress group, CancellationToken cancellationToken = default) =>
        (await ReadAsync(group, cancellationToken)).Group;

    /// <summary>Stores the whole group, whatever was there (set-up ends with this).</summary>
    public async Task SaveAsync(ConversationAddress group, Group value, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.UpsertEntityAsync(Entity(group, value), TableUpdateMode.Replace, cancellationToken);
        await SavedAsync(group, null, value, cancellationToken);
    }

    /// <summary>
    /// Reads the group, lets <paramref name="change"/> change it, and stores it if it says it changed, conditional on
    /// the version read; when another turn wrote in between, it starts again on the fresh group. Null when the group
    /// is not set up.
    /// </summary>
    public async Task<(Group Group, T Result)?> UpdateAsync<T>(ConversationAddress group, Func<Group, (bool Changed, T Result)> change, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var (value, etag) = await ReadAsync(group, cancellationToken);
            if (value is null)
            {
                return null;
            }

            var before = _observers.Length > 0 ? Group.Restore(value.ToSnapshot()) : null;
            var (changed, result) = change(value);
            if (!changed)
            {
                return (value, result);
            }

            try
            {
                await table.UpdateEntityAsync(Entity(group, value), etag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (ETagMismatchException) when (attempt < MaxAttempts)
            {
                // Someone else changed the group meanwhile: apply the change to what they stored.
                continue;
            }

            await SavedAsync(group, before, value, cancellationToken);
            return (value, result);
        }
    }

    public async Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var value = await GetAsync(group, cancellationToken);
        return value is null ? null : JsonSerializer.SerializeToNode(value.ToSnapshot(), ConversationState.Json);
    }

    /// <summary>Settings, roster, agreements and meetings: what the group set up together and sees in its chat.</summary>
    public Task<JsonNode?> ExportToGroupAsync(ConversationAddress group, CancellationToken cancellationToken) => HeldAsync(group, cancellationToken);

    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.DeleteEntityAsync(group.Key, Row, ETag.All, cancellationToken);
    }

    public void Dispose() => _table.Dispose();

    private async Task SavedAsync(ConversationAddress group, Group? before, Group after, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            await observer.OnSavedAsync(group, before, after, cancellationToken);
        }
    }

    private async Task<(Group? Group, ETag ETag)> ReadAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(group.Key, Row, cancellationToken);
        if (entity?.GetString("Data") is { } data)
        {
            return (Restore(protector.Unprotect(data, Context(group))), entity.ETag);
        }

        if (entity?.GetString("Json") is not { } json)
        {
            return (null, ETag.All);
        }

        var value = Restore(json);
        return (value, await EncryptLegacyRowAsync(table, group, value, entity.ETag, cancellationToken));
    }

    /// <summary>
    /// Replaces a row stored before encryption by its encrypted form; the ETag to write against from then on. When
    /// another turn wrote first (its write is encrypted) or the group was forgotten, the next read sees that.
    /// </summary>
    private async Task<ETag> EncryptLegacyRowAsync(ITableClient table, ConversationAddress group, Group value, ETag read, CancellationToken cancellationToken)
    {
        try
        {
            return await table.UpdateEntityAsync(Entity(group, value), read, TableUpdateMode.Replace, cancellationToken);
        }
        catch (Exception e) when (e is ETagMismatchException or EntityNotFoundException)
        {
            return read;
        }
    }

    private static Group Restore(string json) => Group.Restore(JsonSerializer.Deserialize<GroupSnapshot>(json, ConversationState.Json)!);

    private static string Context(ConversationAddress group) => TableName + "|" + group.Key + "|" + Row;

    private TableEntity Entity(ConversationAddress group, Group value) =>
        new(group.Key, Row) { ["Data"] = protector.Protect(JsonSerializer.Serialize(value.ToSnapshot(), ConversationState.Json), Context(group)) };
}

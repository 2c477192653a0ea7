using System.Globalization;
using System.Text;
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
/// encrypted, bound to this table, group and row. The encrypted bytes are cut into binary properties of at most
/// 64 KiB (<c>Part0</c>, <c>Part1</c>, … and their count <c>Parts</c>) of the same row, so the group can grow to what
/// the Table service allows for one entity (1 MiB) and is still read and written as one entity, under one ETag. A row
/// written before that (one encrypted text property <c>Data</c>, at most 32K characters, or before encryption the
/// plain property <c>Json</c>) still reads; a plain one is encrypted in place the first time it is read, conditional
/// on the version read, so a group that never changes again does not keep its agreements in plain text.
/// </remarks>
public sealed class GroupStore(ITableServiceClient tables, PrivacyProtector protector, IEnumerable<IGroupObserver>? observers = null) : IGroupExportPart, IDisposable
{
    public const string TableName = "Groups";
    private const string Row = "group";
    private const int MaxAttempts = 5;
    private const string PartsName = "Parts";
    private const string PartName = "Part";

    /// <summary>
    /// The largest group that is stored: its encrypted form in bytes (760 KiB, in at most 12 parts). The Table service
    /// takes 1 MiB of data per entity; Azurite counts the request instead, where the bytes travel as base64 (4/3 as
    /// long), so 760 KiB is what both take, with room for the keys and the parts' names.
    /// </summary>
    public const int MaxBytes = 760 * 1024;

    private readonly LazyTable _table = new(tables, TableName);
    private readonly IGroupObserver[] _observers = [.. observers ?? []];

    public string Name => "group";

    public async Task<Group?> GetAsync(ConversationAddress group, CancellationToken cancellationToken = default) =>
        (await ReadAsync(group, cancellationToken)).Group;

    /// <summary>Stores the whole group, whatever was there (set-up ends with this).</summary>
    /// <exception cref="GroupTooLargeException">The group has grown past <see cref="MaxBytes"/>; nothing was written.</exception>
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
    /// <exception cref="GroupTooLargeException">The changed group has grown past <see cref="MaxBytes"/>; nothing was written.</exception>
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
        if (entity?.GetInt32(PartsName) is { } parts)
        {
            return (Restore(Encoding.UTF8.GetString(protector.Unprotect(Join(entity, parts), Context(group)))), entity.ETag);
        }

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

    /// <summary>The group's row: the encrypted document cut into parts of at most 64 KiB.</summary>
    private TableEntity Entity(ConversationAddress group, Group value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value.ToSnapshot(), ConversationState.Json);
        var bytes = protector.Protect(json, Context(group));
        if (bytes.Length > MaxBytes)
        {
            throw new GroupTooLargeException(group, bytes.Length);
        }

        var parts = bytes.Chunk(TableRules.MaxBinaryLength).ToArray();
        var entity = new TableEntity(group.Key, Row) { [PartsName] = parts.Length };
        for (var i = 0; i < parts.Length; i++)
        {
            entity[PartName + i.ToString(CultureInfo.InvariantCulture)] = parts[i];
        }

        return entity;
    }

    private static byte[] Join(TableEntity entity, int parts)
    {
        using var all = new MemoryStream();
        for (var i = 0; i < parts; i++)
        {
            var part = entity.GetBinary(PartName + i.ToString(CultureInfo.InvariantCulture))
                ?? throw new InvalidDataException($"The group's row lacks part {i} of {parts}.");
            all.Write(part);
        }

        return all.ToArray();
    }
}

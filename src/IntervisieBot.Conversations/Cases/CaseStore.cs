using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Cases;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Cases;

/// <summary>
/// Prepared cases (J5): table <c>Cases</c>, partition = the group's key, row = the case owner; one case per owner per
/// group, so "the case of Anna in this group" is one point read. The case is encrypted, bound to its group and owner
/// (property <c>Data</c>); only the meeting it is for (<c>MeetingId</c>) is plain, so reminders can ask whether a case
/// is there without decrypting it. A case whose session ended longer than <see cref="KeepWindow"/> ago, without the owner
/// choosing to keep it, counts as gone and is deleted when next met.
/// </summary>
public sealed class CaseStore(ITableServiceClient tables, PrivacyProtector protector, TimeProvider time) : IGroupDataStore, IDisposable
{
    public const string TableName = "Cases";

    /// <summary>How long after the session the owner can still choose to keep the text; after that it goes.</summary>
    public static readonly TimeSpan KeepWindow = TimeSpan.FromDays(1);

    private readonly LazyTable _table = new(tables, TableName);

    public string Name => "cases";

    /// <summary>The owner's case in the group, decrypted; null when there is none (or it has gone after its session).</summary>
    public async Task<PreparedCase?> GetAsync(ConversationAddress group, string ownerId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(group.Key, Row(ownerId), cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var value = Read(group, entity);
        if (value is not null && Expired(value))
        {
            await table.DeleteEntityAsync(group.Key, entity.RowKey, ETag.All, cancellationToken);
            return null;
        }

        return value;
    }

    /// <summary>
    /// Whether the member has a case ready for the meeting (its key; null: for any meeting). For the reminders: "no case
    /// two days before" tells the facilitator. Reads one row and decrypts nothing.
    /// </summary>
    public async Task<bool> HasCaseAsync(ConversationAddress group, string memberId, string? meetingId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(group.Key, Row(memberId), cancellationToken);
        return entity is not null && entity.GetDateTimeOffset("ClosedAt") is null
            && (meetingId is null || entity.GetString("MeetingId") is not { } stored || stored == meetingId);
    }

    /// <summary>The version a card shown now of this case carries when there is no case: a card for a new one.</summary>
    public const string NoCase = "none";

    /// <summary>
    /// The owner's case and its version (the row's ETag, or <see cref="NoCase"/>). A card that acts on the case carries
    /// the version it was drawn from, so a press after the case changed or went (an old form after "erase now") is refused.
    /// </summary>
    public async Task<(PreparedCase? Case, string Version)> GetVersionedAsync(ConversationAddress group, string ownerId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(group.Key, Row(ownerId), cancellationToken);
        var value = await GetAsync(group, ownerId, cancellationToken);
        return value is null || entity is null ? (null, NoCase) : (value, entity.ETag.Value);
    }

    /// <summary>Stores the case; returns its new version.</summary>
    public async Task<string> SaveAsync(ConversationAddress group, string ownerId, PreparedCase value, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var json = JsonSerializer.Serialize(value, ConversationState.Json);
        var etag = await table.UpsertEntityAsync(
            new TableEntity(group.Key, Row(ownerId))
            {
                ["Data"] = protector.Protect(json, Context(group, ownerId)),
                ["MeetingId"] = value.MeetingId,
                ["ClosedAt"] = value.ClosedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);
        return etag.Value;
    }

    public async Task DeleteAsync(ConversationAddress group, string ownerId, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.DeleteEntityAsync(group.Key, Row(ownerId), ETag.All, cancellationToken);
    }

    /// <summary>Every case of the group, with its owner; expired ones are left out (and deleted).</summary>
    public async Task<IReadOnlyList<(string Owner, PreparedCase Case)>> AllAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var cases = new List<(string, PreparedCase)>();
        var expired = new List<string>();
        await foreach (var entity in table.QueryAllAsync(group.Key, cancellationToken: cancellationToken))
        {
            if (Read(group, entity) is not { } value)
            {
                continue;
            }

            if (Expired(value))
            {
                expired.Add(entity.RowKey);
            }
            else
            {
                cases.Add((Owner(entity.RowKey), value));
            }
        }

        foreach (var row in expired)
        {
            await table.DeleteEntityAsync(group.Key, row, ETag.All, cancellationToken);
        }

        return cases;
    }

    /// <summary>The group's cases, decrypted, by owner.</summary>
    public async Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var cases = await AllAsync(group, cancellationToken);
        return cases.Count == 0
            ? null
            : new JsonArray([.. cases.Select(c => new JsonObject { ["owner"] = c.Owner, ["case"] = JsonSerializer.SerializeToNode(c.Case, ConversationState.Json) })]);
    }

    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await PartitionRows.DeleteAsync(table, group.Key, cancellationToken: cancellationToken);
    }

    public void Dispose() => _table.Dispose();

    private bool Expired(PreparedCase value) => value is { Keep: false, ClosedAt: { } closed } && time.GetUtcNow() - closed >= KeepWindow;

    private PreparedCase? Read(ConversationAddress group, TableEntity entity) =>
        entity.GetString("Data") is { } data
            ? JsonSerializer.Deserialize<PreparedCase>(protector.Unprotect(data, Context(group, Owner(entity.RowKey))), ConversationState.Json)
            : null;

    private static string Row(string ownerId) => StorageKey.Escape(ownerId);

    private static string Owner(string row) => Uri.UnescapeDataString(row);

    private static string Context(ConversationAddress group, string ownerId) => TableName + "|" + group.Key + "|" + ownerId;
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntervisieBot.Dialogs;

/// <summary>A conversation's state as stored, with the version to write against.</summary>
public sealed record StoredState(ConversationState State, string Json, ETag? ETag);

/// <summary>
/// Keeps each conversation's dialog state in table <c>ConversationState</c>, partition = the conversation's key,
/// one row. The state holds what members said in a running session, so it is stored encrypted
/// (<see cref="PrivacyProtector"/>, bound to this table and conversation) and split over binary properties of 60,000
/// bytes (the service takes 64 KiB each): one read, one conditional write. A state with nothing in it is no row at
/// all. Rows written before encryption (properties <c>Json0</c>…) are still read, and encrypted on their next write.
/// A state that cannot be decrypted (its key was dropped from the settings) is logged and started afresh, so the
/// conversation is not stuck: a running flow is lost, the group's records are not.
/// </summary>
public sealed partial class DialogStateStore(ITableServiceClient tables, PrivacyProtector protector, ILogger<DialogStateStore>? logger = null) : IDisposable
{
    public const string TableName = "ConversationState";
    private const string Row = "state";
    private const int ChunkLength = 60_000;
    private const int MaxChunks = 16;
    private static readonly string EmptyJson = new ConversationState().Serialize();

    private readonly LazyTable _table = new(tables, TableName);

    public async Task<StoredState> LoadAsync(ConversationAddress conversation, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(conversation.Key, Row, cancellationToken);
        if (entity is null)
        {
            var fresh = new ConversationState();
            return new StoredState(fresh, fresh.Serialize(), null);
        }

        string json;
        try
        {
            json = Read(entity, conversation);
        }
        catch (CryptographicException e)
        {
            LogUnreadable(logger ?? NullLogger<DialogStateStore>.Instance, conversation.ChannelId, e.Message);
            json = EmptyJson;
        }

        return new StoredState(ConversationState.Deserialize(json), json, entity.ETag);
    }

    /// <summary>
    /// Writes <paramref name="json"/> if the stored state is still <paramref name="expected"/> (null: none stored yet);
    /// throws <see cref="TableConflictException"/> when another turn wrote first. An empty state deletes the row.
    /// </summary>
    public async Task<ETag?> SaveAsync(ConversationAddress conversation, string json, ETag? expected, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        if (string.Equals(json, EmptyJson, StringComparison.Ordinal))
        {
            if (expected is { } current)
            {
                await table.DeleteEntityAsync(conversation.Key, Row, current, cancellationToken);
            }

            return null;
        }

        var data = protector.Protect(Encoding.UTF8.GetBytes(json), Context(conversation));
        var chunks = (data.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"The conversation's state has grown to {data.Length} bytes, more than one entity holds.");
        }

        var entity = new TableEntity(conversation.Key, Row) { ["Chunks"] = chunks };
        for (var i = 0; i < chunks; i++)
        {
            entity[$"Data{i}"] = data[(i * ChunkLength)..Math.Min(data.Length, (i + 1) * ChunkLength)];
        }

        return expected is { } etag
            ? await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken)
            : await table.AddEntityAsync(entity, cancellationToken);
    }

    /// <summary>
    /// The conversation's running flows, decrypted: for a group in a session, what has been said in it so far. The
    /// router's own bookkeeping beside them (a pending "are you sure?") is not the group's data.
    /// </summary>
    public async Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var stored = await LoadAsync(group, cancellationToken);
        return stored.State.Stack.Count == 0 ? null : JsonNode.Parse(stored.Json)!["stack"]!.DeepClone();
    }

    /// <summary>Deletes the conversation's state, whatever it holds; idempotent.</summary>
    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.DeleteEntityAsync(group.Key, Row, ETag.All, cancellationToken);
    }

    public void Dispose() => _table.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A conversation's stored state on {ChannelId} could not be decrypted and starts afresh: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string channelId, string reason);

    private static string Context(ConversationAddress conversation) => TableName + "|" + conversation.Key;

    private string Read(TableEntity entity, ConversationAddress conversation)
    {
        var chunks = Enumerable.Range(0, entity.GetInt32("Chunks") ?? 0);
        if (entity.ContainsKey("Data0"))
        {
            var data = chunks.SelectMany(i => entity.GetBinary($"Data{i}") ?? []).ToArray();
            return Encoding.UTF8.GetString(protector.Unprotect(data, Context(conversation)));
        }

        // Written before states were encrypted; the next write encrypts it.
        return string.Concat(chunks.Select(i => entity.GetString($"Json{i}")));
    }
}

using IntervisieBot.Conversations.Messages;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Dialogs;

/// <summary>A conversation's state as stored, with the version to write against.</summary>
public sealed record StoredState(ConversationState State, string Json, ETag? ETag);

/// <summary>
/// Keeps each conversation's dialog state in table <c>ConversationState</c>, partition = the conversation's key,
/// one row. The JSON is split over properties of 30,000 characters (the service takes 32K per string), so a large
/// session still fits in one entity: one read, one conditional write.
/// </summary>
public sealed class DialogStateStore(ITableServiceClient tables) : IDisposable
{
    public const string TableName = "ConversationState";
    private const string Row = "state";
    private const int ChunkLength = 30_000;
    private const int MaxChunks = 30;

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

        var json = string.Concat(Enumerable.Range(0, entity.GetInt32("Chunks") ?? 0).Select(i => entity.GetString($"Json{i}")));
        return new StoredState(ConversationState.Deserialize(json), json, entity.ETag);
    }

    /// <summary>
    /// Writes <paramref name="json"/> if the stored state is still <paramref name="expected"/> (null: none stored yet);
    /// throws <see cref="TableConflictException"/> when another turn wrote first.
    /// </summary>
    public async Task<ETag> SaveAsync(ConversationAddress conversation, string json, ETag? expected, CancellationToken cancellationToken = default)
    {
        var chunks = (json.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"The conversation's state has grown to {json.Length} characters, more than one entity holds.");
        }

        var entity = new TableEntity(conversation.Key, Row) { ["Chunks"] = chunks };
        for (var i = 0; i < chunks; i++)
        {
            entity[$"Json{i}"] = json.Substring(i * ChunkLength, Math.Min(ChunkLength, json.Length - (i * ChunkLength)));
        }

        var table = await _table.GetAsync(cancellationToken);
        return expected is { } etag
            ? await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken)
            : await table.AddEntityAsync(entity, cancellationToken);
    }

    public void Dispose() => _table.Dispose();
}

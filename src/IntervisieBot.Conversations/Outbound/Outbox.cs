using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Outbound;

/// <summary>How a kept message goes out again.</summary>
public enum OutboxOperation
{
    /// <summary>To the conversation.</summary>
    Send,

    /// <summary>To a member of the conversation, in their personal chat.</summary>
    SendPrivate,

    /// <summary>Replaces a message the bot sent (posted anew when it is gone).</summary>
    Update,
}

/// <summary>
/// Messages a channel could not deliver after its retries (<see cref="MessageNotDeliveredException"/>), kept durably
/// and delivered later by the scheduler, once: table <c>Outbox</c>, partition = the conversation's key, row = a new id;
/// the message encrypted and bound to its row. Each kept message is a piece of due work of kind
/// <see cref="OutboxDelivery.WorkKind"/> that points at its row; the row goes when the message went out.
/// </summary>
public sealed class Outbox(ITableServiceClient tables, PrivacyProtector protector, IDueWorkScheduler scheduler, TimeProvider time) : IGroupDataStore, IDisposable
{
    public const string TableName = "Outbox";

    /// <summary>The key in the due work's data that names the kept message's row.</summary>
    public const string IdKey = "message";

    private static readonly JsonSerializerOptions Json = OutboxJson.CreateOptions();
    private readonly LazyTable _table = new(tables, TableName);

    public string Name => "outbox";

    /// <summary>Keeps <paramref name="kept"/> for <paramref name="conversation"/> and plans its delivery at the next tick.</summary>
    public async Task KeepAsync(ConversationAddress conversation, OutboxOperation operation, KeptMessage kept, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var table = await _table.GetAsync(cancellationToken);
        var id = Guid.NewGuid().ToString("N");
        var row = new TableEntity(conversation.Key, id)
        {
            ["Operation"] = operation.ToString(),
            ["Message"] = protector.Protect(JsonSerializer.Serialize(kept, Json), Context(conversation, id)),
        };
        ConversationAddressColumns.WriteTo(conversation, row);
        await table.AddEntityAsync(row, cancellationToken);
        await scheduler.ScheduleAsync(
            new DueWork(conversation, "outbox-" + id, OutboxDelivery.WorkKind, time.GetUtcNow()) { Data = new Dictionary<string, string> { [IdKey] = id } },
            cancellationToken);
    }

    /// <summary>The kept message with this id, or null when it was delivered (or forgotten) meanwhile.</summary>
    public async Task<(OutboxOperation Operation, KeptMessage Kept)?> FindAsync(ConversationAddress conversation, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var table = await _table.GetAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync(conversation.Key, id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var json = protector.Unprotect(row.GetString("Message")!, Context(conversation, id));
        return (Enum.Parse<OutboxOperation>(row.GetString("Operation")!), JsonSerializer.Deserialize<KeptMessage>(json, Json)!);
    }

    public async Task RemoveAsync(ConversationAddress conversation, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var table = await _table.GetAsync(cancellationToken);
        await table.DeleteEntityAsync(conversation.Key, id, ETag.All, cancellationToken);
    }

    public async Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var ids = await IdsAsync(group, cancellationToken);
        return ids.Count == 0 ? null : new JsonObject { ["undelivered"] = ids.Count };
    }

    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        foreach (var id in await IdsAsync(group, cancellationToken))
        {
            await RemoveAsync(group, id, cancellationToken);
        }
    }

    public void Dispose() => _table.Dispose();

    private async Task<List<string>> IdsAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var table = await _table.GetAsync(cancellationToken);
        var ids = new List<string>();
        await foreach (var row in table.QueryAllAsync(group.Key, cancellationToken: cancellationToken))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }

    private static string Context(ConversationAddress conversation, string id) => TableName + "|" + conversation.Key + "|" + id;
}

using System.Text.Json;
using System.Text.Json.Serialization;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Dialogs.Inbox;

/// <summary>A turn kept in the inbox: its row, the version to write against, and the turn itself.</summary>
public sealed record InboxEntry(string RowKey, ETag ETag, IncomingTurn Turn);

/// <summary>
/// The durable inbox of accepted turns (table <c>TurnInbox</c>, one partition <c>pending</c>, a row per turn in
/// order of arrival). A channel adapter writes the turn here before it answers the channel, so a turn that was
/// answered 200 survives a crash: the row goes only when the turn was handled. Each row names the instance that
/// holds it and a lease; rows whose lease ran out belong to an instance that died and are claimed (conditional
/// on their ETag, so by one instance only) and run again. The turn holds what a member wrote, so it is stored
/// encrypted, bound to its row. Cost: one insert before the answer and one delete after the turn.
/// </summary>
public sealed class TurnInbox(ITableServiceClient tables, PrivacyProtector protector, TimeProvider time) : IDisposable
{
    public const string TableName = "TurnInbox";
    public const string Partition = "pending";

    /// <summary>How long an instance's hold on a row lasts before another instance may take the turn over.</summary>
    public static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(2);

    private const int ChunkLength = 60_000;
    private const int MaxChunks = 15;

    private readonly LazyTable _table = new(tables, TableName);

    /// <summary>This instance's name in its rows: new at every start, so a restarted process takes over its old rows.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Stores <paramref name="turn"/>; only then may the channel be told it was received.</summary>
    public async Task<InboxEntry> AcceptAsync(IncomingTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var table = await _table.GetAsync(cancellationToken);
        var now = time.GetUtcNow();
        var rowKey = now.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "~" + Guid.NewGuid().ToString("N");
        var json = JsonSerializer.SerializeToUtf8Bytes(turn, InboxJson.Default.IncomingTurn);
        var data = protector.Protect(json, Context(rowKey));
        var chunks = (data.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"A turn of {data.Length} bytes is larger than an inbox row holds.");
        }

        var entity = new TableEntity(Partition, rowKey)
        {
            ["Instance"] = Instance,
            ["LeaseUntil"] = now + LeaseLength,
            ["Chunks"] = chunks,
        };
        for (var i = 0; i < chunks; i++)
        {
            entity[$"Data{i}"] = data[(i * ChunkLength)..Math.Min(data.Length, (i + 1) * ChunkLength)];
        }

        var etag = await table.AddEntityAsync(entity, cancellationToken);
        return new InboxEntry(rowKey, etag, turn);
    }

    /// <summary>The turn was handled (or deliberately dropped): its row goes. Idempotent.</summary>
    public async Task CompleteAsync(InboxEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await _table.GetAsync(cancellationToken);
        await table.DeleteEntityAsync(Partition, entry.RowKey, ETag.All, cancellationToken);
    }

    /// <summary>
    /// Claims the rows of other instances whose lease ran out (oldest first), each conditional on the version read, so
    /// two instances never take the same turn. Rows that cannot be read any more (their key was dropped) are removed.
    /// </summary>
    public async Task<IReadOnlyList<InboxEntry>> ClaimAbandonedAsync(int max, CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var now = time.GetUtcNow();
        var filter = TableFilter.Create($"LeaseUntil lt {now}");
        var claimed = new List<InboxEntry>();
        await foreach (var row in table.QueryAllAsync(Partition, filter, cancellationToken: cancellationToken))
        {
            if (claimed.Count >= max)
            {
                break;
            }

            if (string.Equals(row.GetString("Instance"), Instance, StringComparison.Ordinal))
            {
                continue;
            }

            IncomingTurn? turn;
            try
            {
                turn = Read(row);
            }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
            {
                await table.DeleteEntityAsync(Partition, row.RowKey, row.ETag, cancellationToken);
                continue;
            }

            if (turn is null)
            {
                continue;
            }

            var claim = new TableEntity(Partition, row.RowKey) { ["Instance"] = Instance, ["LeaseUntil"] = now + LeaseLength };
            try
            {
                var etag = await table.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Merge, cancellationToken);
                claimed.Add(new InboxEntry(row.RowKey, etag, turn));
            }
            catch (TableStorageException e) when (e is ETagMismatchException or EntityNotFoundException)
            {
                // Another instance took it, or finished it, first.
            }
        }

        return claimed;
    }

    public void Dispose() => _table.Dispose();

    private static string Context(string rowKey) => TableName + "|" + Partition + "|" + rowKey;

    private IncomingTurn? Read(TableEntity row)
    {
        var chunks = row.GetInt32("Chunks") ?? 0;
        var data = Enumerable.Range(0, chunks).SelectMany(i => row.GetBinary($"Data{i}") ?? []).ToArray();
        return JsonSerializer.Deserialize(protector.Unprotect(data, Context(row.RowKey)), InboxJson.Default.IncomingTurn);
    }
}

/// <summary>The inbox's JSON: the channel-neutral turn, source-generated.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IncomingTurn))]
internal sealed partial class InboxJson : JsonSerializerContext;

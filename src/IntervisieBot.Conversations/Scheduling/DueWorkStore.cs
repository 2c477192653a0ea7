using System.Globalization;
using System.Text.Json;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Scheduling;

/// <summary>
/// Durable due work in two tables, through the storage port.
/// <list type="bullet">
/// <item><c>DueWork</c>: partition = the UTC minute the work is due (<c>yyyyMMddHHmm</c>), row = due ticks and a unique
/// suffix. A tick reads only the minutes from a stored cursor up to now, so finding what is due costs a few reads plus
/// one per due item, whatever the number of groups and however much work is planned for later. Row <c>cursor</c> of
/// partition <c>cursor</c> holds the oldest minute that may still hold work.</item>
/// <item><c>DueWorkIndex</c>: partition = the group's key, row = the work id; it points at the work's current row. It is
/// the authority on what is planned: cancelling, moving and forgetting a group go through it, and work whose pointer
/// has gone or moved on is dropped unrun when it comes up.</item>
/// </list>
/// Writes are ordered so a crash between two of them leaves nothing that runs twice or never: a new row is written
/// before its pointer, and a pointer is removed before its row.
/// </summary>
public sealed class DueWorkStore(ITableServiceClient tables, TimeProvider time) : IDueWorkScheduler, IDisposable
{
    public const string TableName = "DueWork";
    public const string IndexTableName = "DueWorkIndex";

    /// <summary>The span of one partition of <c>DueWork</c>.</summary>
    public static readonly TimeSpan BucketLength = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after a minute has passed work may still land in it (clock differences between instances, a slow
    /// write): the cursor moves past an empty minute only when that minute ended this long ago.
    /// </summary>
    public static readonly TimeSpan LateWriteMargin = TimeSpan.FromMinutes(2);

    public const int MaxDataLength = 2_000;

    private const string CursorKey = "cursor";
    private const int MaxRaces = 8;

    private readonly LazyTable _work = new(tables, TableName);
    private readonly LazyTable _index = new(tables, IndexTableName);
    private volatile bool _cursorKnown;

    public async Task ScheduleAsync(DueWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var data = SerializeData(work.Data);
        var table = await _work.GetAsync(cancellationToken);
        var index = await _index.GetAsync(cancellationToken);
        await EnsureCursorAsync(table, cancellationToken);
        for (var race = 1; ; race++)
        {
            var pointer = await index.GetEntityIfExistsAsync(work.Group.Key, StorageKey.Escape(work.Id), cancellationToken);
            if (pointer is not null && pointer.GetDateTimeOffset("DueAt") == work.DueAt
                && pointer.GetString("Kind") == work.Kind && pointer.GetString("Data") == data)
            {
                return;
            }

            var now = time.GetUtcNow();
            var row = NewRow(work with { Attempt = 0 }, data, work.DueAt > now ? work.DueAt : now);
            await table.AddEntityAsync(row, cancellationToken);
            try
            {
                var newPointer = Pointer(work, data, row);
                _ = pointer is null
                    ? await index.AddEntityAsync(newPointer, cancellationToken)
                    : await index.UpdateEntityAsync(newPointer, pointer.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (Exception e) when (e is TableConflictException or EntityNotFoundException && race < MaxRaces)
            {
                // Someone else planned or cancelled this id at the same moment: drop our row and look again.
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                continue;
            }

            if (pointer is not null)
            {
                await DeleteRowAsync(table, pointer, cancellationToken);
            }

            return;
        }
    }

    public async Task<bool> CancelAsync(ConversationAddress group, string workId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var table = await _work.GetAsync(cancellationToken);
        var index = await _index.GetAsync(cancellationToken);
        for (var race = 1; ; race++)
        {
            var pointer = await index.GetEntityIfExistsAsync(group.Key, StorageKey.Escape(workId), cancellationToken);
            if (pointer is null)
            {
                return false;
            }

            try
            {
                await index.DeleteEntityAsync(pointer.PartitionKey, pointer.RowKey, pointer.ETag, cancellationToken);
            }
            catch (ETagMismatchException) when (race < MaxRaces)
            {
                continue;
            }

            await DeleteRowAsync(table, pointer, cancellationToken);
            return true;
        }
    }

    public async Task<IReadOnlyList<DueWork>> ListAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var index = await _index.GetAsync(cancellationToken);
        var planned = new List<DueWork>();
        await foreach (var pointer in index.QueryAllAsync(group.Key, cancellationToken: cancellationToken))
        {
            planned.Add(new DueWork(group, pointer.GetString("WorkId")!, pointer.GetString("Kind")!, pointer.GetDateTimeOffset("DueAt")!.Value)
            {
                Data = DeserializeData(pointer.GetString("Data")),
            });
        }

        return planned;
    }

    public async Task<int> ForgetGroupAsync(ConversationAddress group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var table = await _work.GetAsync(cancellationToken);
        var index = await _index.GetAsync(cancellationToken);
        var pointers = new List<TableEntity>();
        await foreach (var pointer in index.QueryAllAsync(group.Key, cancellationToken: cancellationToken))
        {
            pointers.Add(pointer);
        }

        foreach (var batch in pointers.Chunk(100))
        {
            await index.SubmitTransactionAsync(
                batch.Select(p => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(p.PartitionKey, p.RowKey), ETag.All)),
                cancellationToken);
        }

        foreach (var pointer in pointers)
        {
            await DeleteRowAsync(table, pointer, cancellationToken);
        }

        return pointers.Count;
    }

    /// <summary>
    /// The work due at <paramref name="now"/> that nobody holds a lease on, from the cursor's minute up to now; moves
    /// the cursor past minutes that are empty and settled. Reads: the cursor, one query per minute scanned (normally
    /// three or four), and more pages only when a minute holds more than 1,000 due rows.
    /// </summary>
    public async Task<IReadOnlyList<FoundWork>> FindDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var table = await _work.GetAsync(cancellationToken);
        var cursor = await table.GetEntityIfExistsAsync(CursorKey, CursorKey, cancellationToken) ?? await CreateCursorAsync(table, cancellationToken);
        _cursorKnown = true;
        var from = ParseBucket(cursor.GetString("Bucket")!);
        var last = BucketStart(now);
        var upTo = TableFilter.Create($"RowKey lt {(now.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture)}");
        var found = new List<FoundWork>();
        DateTimeOffset? firstOpen = null;
        for (var bucket = from; bucket <= last; bucket += BucketLength)
        {
            var key = BucketKey(bucket);
            var any = false;
            await foreach (var row in table.QueryAllAsync(key, upTo, maxPerPage: 1_000, cancellationToken))
            {
                any = true;
                if ((row.GetDateTimeOffset("LeaseUntil") ?? DateTimeOffset.MinValue) <= now)
                {
                    found.Add(new FoundWork(FromRow(row), key, row.RowKey, row.ETag));
                }
            }

            if (firstOpen is null && (any || bucket + BucketLength > now - LateWriteMargin))
            {
                firstOpen = bucket;
            }
        }

        if (firstOpen is { } open && open > from)
        {
            try
            {
                await table.UpdateEntityAsync(new TableEntity(CursorKey, CursorKey) { ["Bucket"] = BucketKey(open) }, cursor.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (TableConflictException)
            {
                // Another instance moved it at the same moment; it only ever moves forward over settled, empty minutes.
            }
        }

        return found;
    }

    /// <summary>
    /// Takes the work for <paramref name="owner"/> until <paramref name="leaseUntil"/> by a write conditional on the
    /// version found: of several instances, one wins. Null when another instance won, or when the work is no longer
    /// what its group has planned (cancelled or moved meanwhile; the stale row is removed).
    /// </summary>
    public async Task<ClaimedWork?> ClaimAsync(FoundWork found, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(found);
        var table = await _work.GetAsync(cancellationToken);
        var index = await _index.GetAsync(cancellationToken);
        ETag claimed;
        try
        {
            claimed = await table.UpdateEntityAsync(
                new TableEntity(found.Bucket, found.Row) { ["LeaseOwner"] = owner, ["LeaseUntil"] = leaseUntil }, found.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (Exception e) when (e is ETagMismatchException or EntityNotFoundException)
        {
            return null;
        }

        var pointer = await index.GetEntityIfExistsAsync(found.Work.Group.Key, StorageKey.Escape(found.Work.Id), cancellationToken);
        if (pointer is null || pointer.GetString("Bucket") != found.Bucket || pointer.GetString("Row") != found.Row)
        {
            await DeleteQuietlyAsync(table, found.Bucket, found.Row, claimed, cancellationToken);
            return null;
        }

        return new ClaimedWork(found.Work, found.Bucket, found.Row, claimed, pointer.ETag);
    }

    /// <summary>
    /// Extends the lease on work this instance runs to <paramref name="leaseUntil"/>, by a write conditional on the
    /// claim's version. Null when the claim is lost: the lease ran out and another instance took the work over, or the
    /// work was cancelled or moved meanwhile.
    /// </summary>
    public async Task<ClaimedWork?> RenewAsync(ClaimedWork claimed, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var table = await _work.GetAsync(cancellationToken);
        try
        {
            var etag = await table.UpdateEntityAsync(
                new TableEntity(claimed.Bucket, claimed.Row) { ["LeaseUntil"] = leaseUntil }, claimed.ETag, TableUpdateMode.Merge, cancellationToken);
            return claimed with { ETag = etag };
        }
        catch (Exception e) when (e is ETagMismatchException or EntityNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes claimed work that is done (or dropped): its pointer first, then its row.</summary>
    public async Task CompleteAsync(ClaimedWork claimed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var table = await _work.GetAsync(cancellationToken);
        var index = await _index.GetAsync(cancellationToken);
        // Conditional: when the group planned this id anew while it ran, the new plan stays.
        await DeleteQuietlyAsync(index, claimed.Work.Group.Key, StorageKey.Escape(claimed.Work.Id), claimed.PointerETag, cancellationToken);
        await DeleteQuietlyAsync(table, claimed.Bucket, claimed.Row, claimed.ETag, cancellationToken);
    }

    /// <summary>Moves claimed work that failed to <paramref name="runAt"/>, one attempt further, unless it was planned anew meanwhile.</summary>
    public async Task RetryAsync(ClaimedWork claimed, DateTimeOffset runAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var table = await _work.GetAsync(cancellationToken);
        var index = await _index.GetAsync(cancellationToken);
        var data = SerializeData(claimed.Work.Data);
        var row = NewRow(claimed.Work with { Attempt = claimed.Work.Attempt + 1 }, data, runAt);
        await table.AddEntityAsync(row, cancellationToken);
        try
        {
            await index.UpdateEntityAsync(Pointer(claimed.Work, data, row), claimed.PointerETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (Exception e) when (e is TableConflictException or EntityNotFoundException)
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }

        await DeleteQuietlyAsync(table, claimed.Bucket, claimed.Row, claimed.ETag, cancellationToken);
    }

    public void Dispose()
    {
        _work.Dispose();
        _index.Dispose();
    }

    public static DateTimeOffset BucketStart(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % BucketLength.Ticks), TimeSpan.Zero);

    public static string BucketKey(DateTimeOffset at) => BucketStart(at).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>A new row for <paramref name="work"/> in the minute of <paramref name="runAt"/>; exposed for bulk seeding in tests and benchmarks.</summary>
    public static TableEntity NewRow(DueWork work, string data, DateTimeOffset runAt)
    {
        ArgumentNullException.ThrowIfNull(work);
        var row = new TableEntity(BucketKey(runAt), runAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N"))
        {
            ["Group"] = work.Group.Key,
            ["WorkId"] = work.Id,
            ["Kind"] = work.Kind,
            ["DueAt"] = work.DueAt,
            ["Data"] = data,
            ["Attempt"] = work.Attempt,
            ["LeaseOwner"] = "",
            ["LeaseUntil"] = DateTimeOffset.UnixEpoch,
        };
        ConversationAddressColumns.WriteTo(work.Group, row);

        return row;
    }

    /// <summary>The index row that says <paramref name="row"/> is the group's current plan for the work's id.</summary>
    public static TableEntity Pointer(DueWork work, string data, TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(row);
        return new TableEntity(work.Group.Key, StorageKey.Escape(work.Id))
        {
            ["WorkId"] = work.Id,
            ["Kind"] = work.Kind,
            ["DueAt"] = work.DueAt,
            ["Data"] = data,
            ["Bucket"] = row.PartitionKey,
            ["Row"] = row.RowKey,
        };
    }

    public static string SerializeData(IReadOnlyDictionary<string, string> data)
    {
        var json = JsonSerializer.Serialize(data);
        return json.Length <= MaxDataLength
            ? json
            : throw new ArgumentException($"Due work data is {json.Length} characters; keep it under {MaxDataLength} (ids, not content).", nameof(data));
    }

    private static Dictionary<string, string> DeserializeData(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    private static DueWork FromRow(TableEntity row)
    {
        var group = ConversationAddressColumns.ReadFrom(row);
        return new DueWork(group, row.GetString("WorkId")!, row.GetString("Kind")!, row.GetDateTimeOffset("DueAt")!.Value)
        {
            Data = DeserializeData(row.GetString("Data")),
            Attempt = row.GetInt32("Attempt") ?? 0,
        };
    }

    private static DateTimeOffset ParseBucket(string key) =>
        DateTimeOffset.ParseExact(key, "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private async Task EnsureCursorAsync(ITableClient table, CancellationToken cancellationToken)
    {
        if (_cursorKnown)
        {
            return;
        }

        if (await table.GetEntityIfExistsAsync(CursorKey, CursorKey, cancellationToken) is null)
        {
            await CreateCursorAsync(table, cancellationToken);
        }

        _cursorKnown = true;
    }

    /// <summary>
    /// The first cursor starts a margin before now. Work is only ever written at now or later, and every schedule call
    /// makes sure the cursor exists first, so nothing can be planned behind it.
    /// </summary>
    private async Task<TableEntity> CreateCursorAsync(ITableClient table, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity(CursorKey, CursorKey) { ["Bucket"] = BucketKey(time.GetUtcNow() - LateWriteMargin) }, cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
            // Another instance made it first.
        }

        return (await table.GetEntityIfExistsAsync(CursorKey, CursorKey, cancellationToken))!;
    }

    private static Task DeleteRowAsync(ITableClient table, TableEntity pointer, CancellationToken cancellationToken) =>
        table.DeleteEntityAsync(pointer.GetString("Bucket")!, pointer.GetString("Row")!, ETag.All, cancellationToken);

    private static async Task DeleteQuietlyAsync(ITableClient table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch, cancellationToken);
        }
        catch (ETagMismatchException)
        {
            // Changed by someone else since: theirs is the newer truth.
        }
    }
}

using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Storage.Tables;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Conversations.Outbound;

/// <summary>
/// Counts the live instances of the bot through the store, for <see cref="OutboundShare"/>: each instance upserts one row
/// (its id and the time on the injected clock) in the table <c>Instances</c> every heartbeat interval, then reads the
/// partition and counts the rows seen within three intervals. A row silent for much longer is deleted by whoever sees
/// it. Two storage requests per beat per instance (three when it clears a dead row).
/// </summary>
public sealed class InstanceRegistry : IDisposable
{
    public const string TableName = "Instances";
    private const string Partition = "instances";
    private const string SeenAt = "SeenAt";

    private readonly LazyTable _table;
    private readonly OutboundShare _share;
    private readonly OutboundOptions _options;
    private readonly TimeProvider _time;

    public InstanceRegistry(
        ITableServiceClient tables, OutboundShare share, IOptions<OutboundOptions> options, IOptions<SchedulerOptions> scheduler, TimeProvider time)
    {
        _table = new LazyTable(tables, TableName);
        _share = share;
        _options = options.Value;
        _time = time;

        // The scheduler's name for this instance when one is configured; else one of its own, also unique between two
        // hosts in one process.
        var id = scheduler.Value.InstanceId is { Length: > 0 } configured
            ? configured
            : $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        InstanceId = string.Concat(id.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c));
    }

    /// <summary>This instance's row key.</summary>
    public string InstanceId { get; }

    /// <summary>How long an instance counts as live after its last heartbeat.</summary>
    public TimeSpan LiveFor => _options.HeartbeatInterval * 3;

    /// <summary>Writes this instance's heartbeat, counts the live instances and hands the count to the share; returns it.</summary>
    public async Task<int> BeatAsync(CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        var now = _time.GetUtcNow();
        await table.UpsertEntityAsync(new TableEntity(Partition, InstanceId) { [SeenAt] = now }, TableUpdateMode.Replace, cancellationToken);

        var live = 0;
        var gone = new List<TableEntity>();
        await foreach (var row in table.QueryAllAsync(Partition, cancellationToken: cancellationToken))
        {
            var seen = row.GetDateTimeOffset(SeenAt) ?? DateTimeOffset.MinValue;
            if (row.RowKey == InstanceId || seen > now - LiveFor)
            {
                live++;
            }
            else if (seen < now - (LiveFor * 20))
            {
                gone.Add(row);
            }
        }

        foreach (var row in gone)
        {
            // Only if it is still that silent row: an instance that came back with the same id has written since.
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            }
            catch (ETagMismatchException)
            {
            }
        }

        _share.Counted(live);
        return live;
    }

    /// <summary>Removes this instance's row, so the others take a larger share at their next heartbeat.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken = default)
    {
        var table = await _table.GetAsync(cancellationToken);
        await table.DeleteEntityAsync(Partition, InstanceId, ETag.All, cancellationToken);
    }

    public void Dispose() => _table.Dispose();
}

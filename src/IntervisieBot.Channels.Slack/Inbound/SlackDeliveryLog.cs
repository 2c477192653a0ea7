using System.Globalization;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Channels.Slack.Inbound;

/// <summary>
/// Remembers what Slack delivered, across instances, so each thing is acted on once: an inserted row is a claim, and
/// an insert that finds the row taken (<see cref="EntityAlreadyExistsException"/>) means another delivery, on this
/// instance or another, got there first. Table <c>SlackDeliveries</c>, one partition per hour of arrival (UTC), so
/// old claims go by the partition (<see cref="SweepAsync"/>); a claim is checked against this hour and the one
/// before, which covers Slack's retries (at once, after a minute, after five) at any moment of the hour.
/// A claim names its conversation (<c>message~{team}~{channel}~{ts}</c>), so "forget" removes the group's claims too;
/// a retry of an event from before the forget may then be acted on once more.
/// </summary>
public sealed class SlackDeliveryLog(ITableServiceClient tables, TimeProvider time) : IGroupDataStore, IDisposable
{
    public const string TableName = "SlackDeliveries";

    /// <summary>Partitions older than this are deleted; two hours keeps at least one full hour behind every claim.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(2);

    private static readonly TimeSpan FirstSweepLookBack = TimeSpan.FromHours(48);
    private readonly LazyTable _table = new(tables, TableName);
    private DateTimeOffset? _sweptUntil;

    /// <summary>
    /// Claims every key at once (one atomic batch); true when none of them was claimed before, false when this is a
    /// repeat of something already seen (a retry, the second copy of a mention, a replayed request).
    /// </summary>
    public async Task<bool> TryClaimAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0)
        {
            return true;
        }

        var now = time.GetUtcNow();
        var table = await _table.GetAsync(cancellationToken);
        var partition = Bucket(now);
        var rows = keys.Select(StorageKey.Escape).Distinct(StringComparer.Ordinal).ToList();
        try
        {
            await table.SubmitTransactionAsync(
                rows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, row) { ["At"] = now })),
                cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Failure is EntityAlreadyExistsException)
        {
            return false;
        }

        var previous = Bucket(now.AddHours(-1));
        foreach (var row in rows)
        {
            if (await table.GetEntityIfExistsAsync(previous, row, cancellationToken) is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Deletes the hours that fell out of <see cref="Retention"/> since the last sweep (at first, two days back).</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var until = HourOf(time.GetUtcNow() - Retention);
        var from = _sweptUntil ?? until - FirstSweepLookBack;
        var table = await _table.GetAsync(cancellationToken);
        var deleted = 0;
        for (var hour = from; hour < until; hour = hour.AddHours(1))
        {
            var partition = Bucket(hour);
            var rows = new List<TableEntity>();
            await foreach (var entity in table.QueryAllAsync(partition, cancellationToken: cancellationToken))
            {
                rows.Add(entity);
            }

            foreach (var chunk in rows.Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), cancellationToken);
                deleted += chunk.Length;
            }
        }

        _sweptUntil = until;
        return deleted;
    }

    public string Name => "slackDeliveries";

    /// <summary>Claims are receipts (ids and times), not the group's data: the erase receipt does not count them.</summary>
    public Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken) => Task.FromResult<JsonNode?>(null);

    /// <summary>Deletes the claims that name the group's conversation, in the hours the log still keeps.</summary>
    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var marker = StorageKey.Escape("~" + group.TenantId + "~" + group.ConversationId + "~");
        var now = HourOf(time.GetUtcNow());
        for (var hour = now - Retention - TimeSpan.FromHours(1); hour <= now; hour = hour.AddHours(1))
        {
            await PartitionRows.DeleteAsync(
                table, Bucket(hour), where: entity => entity.RowKey.Contains(marker, StringComparison.Ordinal), cancellationToken: cancellationToken);
        }
    }

    public void Dispose() => _table.Dispose();

    private static DateTimeOffset HourOf(DateTimeOffset moment) => new(moment.UtcDateTime.Date.AddHours(moment.UtcDateTime.Hour), TimeSpan.Zero);

    private static string Bucket(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
}

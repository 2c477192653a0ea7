using System.Collections.Concurrent;

namespace IntervisieBot.Storage.Tables;

/// <summary>
/// One row per partition (row key <c>rowKey</c>), read through a short-lived cache: a value that is asked for on every
/// turn (where a conversation is, whether the bot can write there) costs a read only once in <c>lifetime</c>, and a
/// write happens only when the value changed. The table may hold other rows too; this type touches only its own.
/// Values must compare by value (records), since "changed" is <see cref="object.Equals(object?)"/>.
/// </summary>
/// <typeparam name="TKey">What names a row (e.g. a conversation's address); <c>partitionOf</c> turns it into the partition key.</typeparam>
/// <typeparam name="TValue">What the row holds.</typeparam>
public sealed class CachedRow<TKey, TValue>(
    LazyTable table,
    string rowKey,
    Func<TKey, string> partitionOf,
    Func<TKey, TableEntity, TValue> read,
    Action<TValue, TableEntity> write,
    TimeProvider time,
    TimeSpan lifetime)
    where TValue : class
{
    private readonly ConcurrentDictionary<string, (TValue Value, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>The value, from memory while it is fresh, else from the table; null when there is no row.</summary>
    public async Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken = default)
    {
        var partition = partitionOf(key);
        if (_cache.TryGetValue(partition, out var cached) && cached.Until > time.GetUtcNow())
        {
            return cached.Value;
        }

        var client = await table.GetAsync(cancellationToken);
        var entity = await client.GetEntityIfExistsAsync(partition, rowKey, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var value = read(key, entity);
        Remember(partition, value);
        return value;
    }

    /// <summary>Stores the value (the whole row) unless it is what is stored already; returns what was stored before (null: nothing).</summary>
    public async Task<TValue?> SaveAsync(TKey key, TValue value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var before = await GetAsync(key, cancellationToken);
        if (value.Equals(before))
        {
            return before;
        }

        var partition = partitionOf(key);
        var entity = new TableEntity(partition, rowKey);
        write(value, entity);
        var client = await table.GetAsync(cancellationToken);
        await client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        Remember(partition, value);
        return before;
    }

    /// <summary>Deletes the row, and what memory holds of it.</summary>
    public async Task DeleteAsync(TKey key, CancellationToken cancellationToken = default)
    {
        var partition = partitionOf(key);
        var client = await table.GetAsync(cancellationToken);
        await client.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);
        Forget(key);
    }

    /// <summary>
    /// Drops the value from memory only, after its row went another way (a whole partition deleted); otherwise the
    /// next save would find it cached and not write it again.
    /// </summary>
    public void Forget(TKey key) => _cache.TryRemove(partitionOf(key), out _);

    private void Remember(string partition, TValue value) => _cache[partition] = (value, time.GetUtcNow() + lifetime);
}

using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace IntervisieBot.Storage.Tables;

/// <summary>
/// One row of a table: its keys, the version the store gave it, and typed properties. The value types the
/// Table service knows are supported: string, bool, int, long, double, Guid, DateTimeOffset (DateTime is
/// taken as UTC) and byte[]. Shaped like Azure.Data.Tables' <c>TableEntity</c>, so it can replace this one.
/// </summary>
[SuppressMessage("Naming", "CA1710", Justification = "The name of the Azure.Data.Tables type it stands in for.")]
public sealed class TableEntity : IDictionary<string, object?>
{
    public const string PartitionKeyName = "PartitionKey";
    public const string RowKeyName = "RowKey";
    public const string TimestampName = "Timestamp";

    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    public TableEntity()
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    /// <summary>Set by the store on every read and write; empty for an entity the store has not seen.</summary>
    public ETag ETag { get; set; } = new("");

    /// <summary>When the store last wrote the entity; set by the store, ignored on writes.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    public object? this[string key]
    {
        get => _properties.TryGetValue(key, out var value) ? value : null;
        set => _properties[CheckName(key)] = Normalize(value);
    }

    public ICollection<string> Keys => _properties.Keys;

    public ICollection<object?> Values => _properties.Values;

    public int Count => _properties.Count;

    public bool IsReadOnly => false;

    public string? GetString(string key) => this[key] as string;

    public bool? GetBoolean(string key) => this[key] as bool?;

    public int? GetInt32(string key) => this[key] as int?;

    public long? GetInt64(string key) => this[key] as long?;

    public double? GetDouble(string key) => this[key] as double?;

    public Guid? GetGuid(string key) => this[key] as Guid?;

    public DateTimeOffset? GetDateTimeOffset(string key) => this[key] as DateTimeOffset?;

    public byte[]? GetBinary(string key) => this[key] as byte[];

    public void Add(string key, object? value) => _properties.Add(CheckName(key), Normalize(value));

    public void Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    public bool Remove(string key) => _properties.Remove(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _properties.TryGetValue(key, out value);

    public void Clear() => _properties.Clear();

    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A copy with the same keys, version and properties (byte arrays are copied too).</summary>
    public TableEntity Clone()
    {
        var copy = new TableEntity(PartitionKey, RowKey) { ETag = ETag, Timestamp = Timestamp };
        foreach (var (key, value) in _properties)
        {
            copy._properties[key] = value is byte[] bytes ? (byte[])bytes.Clone() : value;
        }

        return copy;
    }

    private static string CheckName(string key)
    {
        if (key is PartitionKeyName or RowKeyName or TimestampName or "ETag" or "odata.etag")
        {
            throw new ArgumentException($"'{key}' is a system property; set it through the entity's own property.", nameof(key));
        }

        return key;
    }

    private static object? Normalize(object? value) => value switch
    {
        null or string or bool or int or long or double or Guid or byte[] => value,
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime()),
        _ => throw new ArgumentException(
            $"A table property cannot hold a {value.GetType().Name}; use string, bool, int, long, double, Guid, DateTimeOffset or byte[].",
            nameof(value)),
    };
}

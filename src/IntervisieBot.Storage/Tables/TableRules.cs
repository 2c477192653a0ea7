using System.Globalization;
using System.Text.RegularExpressions;

namespace IntervisieBot.Storage.Tables;

/// <summary>
/// The Table service's limits, checked before any request so that both stores refuse the same input with the
/// same clear message, and the embedded store never accepts what Azure would refuse.
/// </summary>
public static partial class TableRules
{
    public const int MaxKeyLength = 1024;
    public const int MaxStringLength = 32 * 1024;
    public const int MaxBinaryLength = 64 * 1024;
    public const int MaxProperties = 252;
    public const int MaxPropertyNameLength = 255;
    public const int MaxBatchSize = 100;
    public const int MaxPageSize = 1000;

    public static void ValidateKey(string? key, string keyName)
    {
        ArgumentNullException.ThrowIfNull(key, keyName);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"The {keyName} is {key.Length} characters long; the Table service takes at most {MaxKeyLength}.", keyName);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                var shown = char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'";
                throw new ArgumentException(
                    $"The {keyName} contains {shown}, which the Table service does not allow in keys (/ \\ # ? and control characters).",
                    keyName);
            }
        }
    }

    public static void ValidateKeys(string partitionKey, string rowKey)
    {
        ValidateKey(partitionKey, TableEntity.PartitionKeyName);
        ValidateKey(rowKey, TableEntity.RowKeyName);
    }

    public static void ValidateEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKeys(entity.PartitionKey, entity.RowKey);
        if (entity.Count > MaxProperties)
        {
            throw new ArgumentException($"The entity has {entity.Count} properties; the Table service takes at most {MaxProperties}.", nameof(entity));
        }

        foreach (var (name, value) in entity)
        {
            if (name.Length > MaxPropertyNameLength || !PropertyName().IsMatch(name))
            {
                throw new ArgumentException($"'{name}' is not a valid property name: use letters, digits and '_', starting with a letter or '_'.", nameof(entity));
            }

            switch (value)
            {
                case string s when s.Length > MaxStringLength:
                    throw new ArgumentException($"Property '{name}' holds {s.Length} characters; the Table service takes at most {MaxStringLength}.", nameof(entity));
                case byte[] b when b.Length > MaxBinaryLength:
                    throw new ArgumentException($"Property '{name}' holds {b.Length} bytes; the Table service takes at most {MaxBinaryLength}.", nameof(entity));
                case double d when !double.IsFinite(d):
                    throw new ArgumentException($"Property '{name}' is {d.ToString(CultureInfo.InvariantCulture)}; only finite numbers are stored.", nameof(entity));
                default:
                    break;
            }
        }
    }

    public static void ValidateTableName(string tableName)
    {
        if (!TableName().IsMatch(tableName))
        {
            throw new ArgumentException(
                $"'{tableName}' is not a valid table name: 3 to 63 letters and digits, starting with a letter.", nameof(tableName));
        }
    }

    public static void ValidatePageSize(int? maxPerPage)
    {
        if (maxPerPage is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, $"A page holds 1 to {MaxPageSize} entities.");
        }
    }

    /// <summary>Checks a batch before it is sent: 1 to 100 operations, one partition, each entity once.</summary>
    public static IReadOnlyList<TableTransactionAction> ValidateBatch(IEnumerable<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        if (list.Count is 0 or > MaxBatchSize)
        {
            throw new ArgumentException($"A batch holds 1 to {MaxBatchSize} operations; this one has {list.Count}.", nameof(actions));
        }

        var partition = list[0].Entity.PartitionKey;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in list)
        {
            if (action.ActionType == TableTransactionActionType.Delete)
            {
                ValidateKeys(action.Entity.PartitionKey, action.Entity.RowKey);
            }
            else
            {
                ValidateEntity(action.Entity);
            }

            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException("All operations of a batch must be in one partition.", nameof(actions));
            }

            if (!seen.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"A batch may touch each entity once; row key '{action.Entity.RowKey}' appears twice.", nameof(actions));
            }
        }

        return list;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();
}

using System.Globalization;
using System.Text.Json;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Storage.AzureTables;

/// <summary>
/// Entities in the Table service's JSON (OData v3, minimal metadata). Every value JSON cannot type on its own is
/// written with its <c>@odata.type</c>, so a whole double stays a double and a long survives beyond 2^53.
/// </summary>
internal static class EntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static byte[] Write(TableEntity entity)
    {
        using var buffer = new MemoryStream();

        // The default encoder escapes every non-ASCII character, so a body stays on one line in any transport and
        // U+2028/U+2029 cannot split it (batch parsers read line by line).
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(TableEntity.PartitionKeyName, entity.PartitionKey);
            json.WriteString(TableEntity.RowKeyName, entity.RowKey);
            foreach (var (name, value) in entity)
            {
                WriteProperty(json, name, value);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// An entity from a response. <paramref name="etag"/> comes from the ETag header on point reads; query results
    /// carry theirs in <c>odata.etag</c>.
    /// </summary>
    public static TableEntity Read(JsonElement json, ETag? etag = null)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                types[property.Name[..^TypeSuffix.Length]] = property.Value.GetString()!;
            }
        }

        var entity = new TableEntity();
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            if (name.Contains('@', StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                if (name == "odata.etag" && value.ValueKind == JsonValueKind.String)
                {
                    entity.ETag = new ETag(value.GetString()!);
                }

                continue;
            }

            switch (name)
            {
                case TableEntity.PartitionKeyName:
                    entity.PartitionKey = value.GetString() ?? "";
                    break;
                case TableEntity.RowKeyName:
                    entity.RowKey = value.GetString() ?? "";
                    break;
                case TableEntity.TimestampName:
                    // A system property: minimal metadata sends it without a type, and it never goes in the bag.
                    entity.Timestamp = ParseDateTime(value.GetString()!);
                    break;
                default:
                    if (value.ValueKind != JsonValueKind.Null)
                    {
                        entity[name] = ReadValue(value, types.GetValueOrDefault(name));
                    }

                    break;
            }
        }

        if (etag is { } fromHeader)
        {
            entity.ETag = fromHeader;
        }

        return entity;
    }

    private static void WriteProperty(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                // The service stores no nulls: a missing property is how it says "no value".
                return;
            case string s:
                json.WriteString(name, s);
                return;
            case int i:
                // A JSON integer is an Edm.Int32 to the service already.
                json.WriteNumber(name, i);
                return;
            case bool b:
                json.WriteString(name + TypeSuffix, "Edm.Boolean");
                json.WriteBoolean(name, b);
                return;
            case long l:
                json.WriteString(name + TypeSuffix, "Edm.Int64");
                json.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                return;
            case double d:
                json.WriteString(name + TypeSuffix, "Edm.Double");
                json.WriteNumber(name, d);
                return;
            case Guid g:
                json.WriteString(name + TypeSuffix, "Edm.Guid");
                json.WriteString(name, g.ToString("D"));
                return;
            case DateTimeOffset dto:
                json.WriteString(name + TypeSuffix, "Edm.DateTime");
                json.WriteString(name, TableFilter.FormatDateTime(dto));
                return;
            case byte[] bytes:
                json.WriteString(name + TypeSuffix, "Edm.Binary");
                json.WriteBase64String(name, bytes);
                return;
            default:
                throw new ArgumentException($"Property '{name}' holds a {value.GetType().Name}, which the Table service cannot store.", nameof(value));
        }
    }

    private static object ReadValue(JsonElement value, string? edmType) => edmType switch
    {
        null => Untyped(value),
        "Edm.String" => value.GetString()!,
        "Edm.Int32" => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32(),
        "Edm.Int64" => value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64(),
        "Edm.Double" => ReadDouble(value),
        "Edm.Boolean" => value.ValueKind == JsonValueKind.String ? bool.Parse(value.GetString()!) : value.GetBoolean(),
        "Edm.Guid" => Guid.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        "Edm.DateTime" => ParseDateTime(value.GetString()!),
        "Edm.Binary" => value.GetBytesFromBase64(),
        _ => throw new TableStorageException(200, "InvalidResponse", $"The table service sent a property of unknown type '{edmType}'."),
    };

    /// <summary>What an un-annotated value is: the service leaves out only types JSON carries itself.</summary>
    private static object Untyped(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when IsIntegerLiteral(value) && value.TryGetInt32(out var i) => i,
        JsonValueKind.Number => value.GetDouble(),
        _ => throw new TableStorageException(200, "InvalidResponse", $"The table service sent a {value.ValueKind} property value."),
    };

    /// <summary>"2.0" is a double that happens to be whole; only a literal without '.' or exponent is an integer.</summary>
    private static bool IsIntegerLiteral(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') < 0;

    private static double ReadDouble(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        _ => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" or "INF" => double.PositiveInfinity,
            "-Infinity" or "-INF" => double.NegativeInfinity,
            var text => double.Parse(text!, CultureInfo.InvariantCulture),
        },
    };

    private static DateTimeOffset ParseDateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

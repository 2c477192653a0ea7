using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Storage.Sqlite;

/// <summary>
/// Stores an entity's properties as one JSON object, each value a pair of type tag and value, so every type
/// comes back as it went in (an Int32 stays an Int32, 2.0 stays a Double): <c>{"Title":["s","Kick-off"],"Minutes":["i",90]}</c>.
/// JSON rather than a binary format so the file stays readable with the sqlite3 shell, and so a merge is
/// SQLite's <c>json_patch</c>: a pair replaces the stored pair of the same name as a whole.
/// </summary>
internal static class PropertyCodec
{
    private const string StringTag = "s";
    private const string BooleanTag = "b";
    private const string Int32Tag = "i";
    private const string Int64Tag = "l";
    private const string DoubleTag = "d";
    private const string GuidTag = "g";
    private const string DateTimeTag = "t"; // UTC ticks: exact to 100 ns, like the service
    private const string BinaryTag = "x"; // base64

    // Nothing here is embedded in HTML; escaping only what JSON requires keeps text legible and compact.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Encode(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in entity)
            {
                // The Table service stores no nulls: a null property is simply absent (and a merge leaves it alone).
                if (value is not null)
                {
                    writer.WriteStartArray(name);
                    WriteValue(writer, value);
                    writer.WriteEndArray();
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Decode(ReadOnlySpan<byte> json, TableEntity into)
    {
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            Expect(ref reader, JsonTokenType.StartArray);
            Expect(ref reader, JsonTokenType.String);
            var tag = reader.GetString();
            reader.Read();
            into[name] = tag switch
            {
                StringTag => reader.GetString(),
                BooleanTag => reader.GetBoolean(),
                Int32Tag => reader.GetInt32(),
                Int64Tag => reader.GetInt64(),
                DoubleTag => reader.GetDouble(),
                GuidTag => reader.GetGuid(),
                DateTimeTag => new DateTimeOffset(reader.GetInt64(), TimeSpan.Zero),
                BinaryTag => reader.GetBytesFromBase64(),
                _ => throw new InvalidDataException($"Property '{name}' has an unknown type tag '{tag}'."),
            };
            Expect(ref reader, JsonTokenType.EndArray);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteStringValue(StringTag);
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteStringValue(BooleanTag);
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteStringValue(Int32Tag);
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteStringValue(Int64Tag);
                writer.WriteNumberValue(l);
                break;
            case double d:
                writer.WriteStringValue(DoubleTag);
                writer.WriteNumberValue(d);
                break;
            case Guid g:
                writer.WriteStringValue(GuidTag);
                writer.WriteStringValue(g);
                break;
            case DateTimeOffset dto:
                writer.WriteStringValue(DateTimeTag);
                writer.WriteNumberValue(dto.UtcTicks);
                break;
            case byte[] bytes:
                writer.WriteStringValue(BinaryTag);
                writer.WriteBase64StringValue(bytes);
                break;
            default:
                // TableEntity only admits the types above; this guards against that changing unnoticed.
                throw new ArgumentException($"A table property cannot hold a {value.GetType().Name}.", nameof(value));
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new InvalidDataException($"The stored properties are not in the expected form: expected {type}, found {reader.TokenType}.");
        }
    }
}

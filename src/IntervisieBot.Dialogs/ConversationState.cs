using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace IntervisieBot.Dialogs;

/// <summary>
/// Everything a conversation's dialogs remember between turns: the dialog stack (innermost last) and
/// conversation-wide values. Stored as one JSON document with an ETag, read once and written at most once a turn.
/// </summary>
public sealed class ConversationState
{
    public List<DialogInstance> Stack { get; set; } = [];

    public JsonObject Values { get; set; } = [];

    /// <summary>
    /// The live messages of the conversation: per slot name (e.g. <c>session</c>) the id of the message that
    /// <see cref="DialogContext.ShowLiveAsync"/> updates in place. Null when there are none, so a state without live
    /// messages is stored as it was before they existed.
    /// </summary>
    public Dictionary<string, string>? LiveMessages { get; set; }

    [JsonIgnore]
    public DialogInstance? Active => Stack.Count == 0 ? null : Stack[^1];

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Serialize()
    {
        // Typed states read this turn go back into their instances first (see DialogState<T>).
        foreach (var instance in Stack)
        {
            instance.Flush();
        }

        return JsonSerializer.Serialize(this, Json);
    }

    public static ConversationState Deserialize(string json) =>
        JsonSerializer.Deserialize<ConversationState>(json, Json) ?? new ConversationState();
}

/// <summary>
/// One dialog on the stack: its fixed id, the version of its definition it started with (a running flow keeps it
/// across deploys), and its own state: the engine's envelope (for a waterfall: the step index and its options) with
/// the dialog's typed state under <c>state</c> (see <see cref="DialogState{T}"/>).
/// </summary>
public sealed class DialogInstance
{
    internal const string TypedKey = "state";

    private ITypedState? _typed;

    public required string Id { get; init; }

    public int Version { get; init; } = 1;

    public JsonObject State { get; set; } = [];

    /// <summary>The typed state, read once a turn and then shared, so every step of the turn sees the same object.</summary>
    internal T? Typed<T>(JsonTypeInfo<T> type)
        where T : class
    {
        if (_typed is TypedState<T> held)
        {
            return held.Value;
        }

        var value = State[TypedKey]?.Deserialize(type);
        _typed = value is null ? null : new TypedState<T>(value, type);
        return value;
    }

    internal void SetTyped<T>(T value, JsonTypeInfo<T> type)
        where T : class =>
        _typed = new TypedState<T>(value, type);

    /// <summary>Writes the typed state (with whatever changed in it this turn) into <see cref="State"/>.</summary>
    internal void Flush()
    {
        if (_typed is not null)
        {
            State[TypedKey] = _typed.ToNode();
        }
    }

    private interface ITypedState
    {
        JsonNode? ToNode();
    }

    private sealed record TypedState<T>(T Value, JsonTypeInfo<T> Type) : ITypedState
    {
        public JsonNode? ToNode() => JsonSerializer.SerializeToNode(Value, Type);
    }
}

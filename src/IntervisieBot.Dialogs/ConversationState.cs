using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

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

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static ConversationState Deserialize(string json) =>
        JsonSerializer.Deserialize<ConversationState>(json, Json) ?? new ConversationState();
}

/// <summary>
/// One dialog on the stack: its fixed id, the version of its definition it started with (a running flow keeps it
/// across deploys), and its own state (for a waterfall: the step index and the values it gathered).
/// </summary>
public sealed class DialogInstance
{
    public required string Id { get; init; }

    public int Version { get; init; } = 1;

    public JsonObject State { get; set; } = [];
}

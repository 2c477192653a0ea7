using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace IntervisieBot.Dialogs;

/// <summary>
/// One typed conversation-wide value (beside the dialog stack, in <see cref="ConversationState.Values"/>) under a
/// fixed key, serialised with a source-generated <see cref="JsonTypeInfo{T}"/>. The key is stored: never rename it.
/// </summary>
public sealed class ConversationValue<T>(string key, JsonTypeInfo<T> type)
{
    public string Key { get; } = key;

    public bool Has(ConversationState state) => state.Values[Key] is not null;

    /// <summary>The value, or the type's default when the conversation has none.</summary>
    public T? Get(ConversationState state) => state.Values[Key] is { } node ? node.Deserialize(type) : default;

    public void Set(ConversationState state, T value) => state.Values[Key] = JsonSerializer.SerializeToNode(value, type);

    public void Remove(ConversationState state) => state.Values.Remove(Key);
}

using System.Text.Json.Serialization.Metadata;

namespace IntervisieBot.Dialogs;

/// <summary>
/// A dialog's own state as one typed value (a record or a small mutable class), kept with its instance on the stack
/// and serialised with a source-generated <see cref="JsonTypeInfo{T}"/> (a feature's <c>JsonSerializerContext</c>).
/// Within a turn every read of an instance gives the same object, so changes to it are kept; they are written into
/// the stored state when the turn's state is stored. A dialog that changes the shape of its state takes a new
/// <see cref="Dialog.Version"/>, so a state stored by the old shape ends cleanly instead of being misread.
/// </summary>
public sealed class DialogState<T>(JsonTypeInfo<T> type)
    where T : class
{
    public JsonTypeInfo<T> Type { get; } = type;

    /// <summary>The instance's state, or null when it has none (yet).</summary>
    public T? Find(DialogInstance instance) => instance.Typed(Type);

    /// <summary>The instance's state; it must have been set when the dialog began.</summary>
    public T Get(DialogInstance instance) =>
        Find(instance) ?? throw new InvalidOperationException($"Dialog '{instance.Id}' has no {typeof(T).Name} in its state.");

    /// <summary>Gives the instance <paramref name="value"/> as its state and returns it.</summary>
    public T Set(DialogInstance instance, T value)
    {
        instance.SetTyped(value, Type);
        return value;
    }
}

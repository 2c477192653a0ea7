using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Outbound;

/// <summary>What the <see cref="Outbox"/> keeps of a message: the message itself and, for a private one, its member.</summary>
public sealed record KeptMessage(OutgoingMessage Message, Participant? Member, string? MessageId);

/// <summary>The source-generated serialisation of <see cref="KeptMessage"/>, card elements by a type name.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(KeptMessage))]
[JsonSerializable(typeof(CardText))]
[JsonSerializable(typeof(CardFacts))]
[JsonSerializable(typeof(CardInput))]
[JsonSerializable(typeof(CardChoiceInput))]
public sealed partial class OutboxJson : JsonSerializerContext
{
    /// <summary>
    /// The options to use: <see cref="CardElement"/> is abstract, so each kind is written with its name. A method, not a
    /// static property: this class's generated <c>Default</c> may not be set yet while its own statics are initialised.
    /// </summary>
    public static JsonSerializerOptions CreateOptions() => new(Default.Options)
    {
        TypeInfoResolver = ((IJsonTypeInfoResolver)Default).WithAddedModifier(static info =>
        {
            if (info.Type == typeof(CardElement))
            {
                info.PolymorphismOptions = new JsonPolymorphismOptions
                {
                    DerivedTypes =
                    {
                        new JsonDerivedType(typeof(CardText), "text"),
                        new JsonDerivedType(typeof(CardFacts), "facts"),
                        new JsonDerivedType(typeof(CardInput), "input"),
                        new JsonDerivedType(typeof(CardChoiceInput), "choice"),
                    },
                };
            }
        }),
    };
}

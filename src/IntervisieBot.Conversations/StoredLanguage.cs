using System.Text.Json.Nodes;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations;

/// <summary>
/// Dialog state keeps a conversation's language as it always has: a bool under "dutch". Dialogs read and write that
/// stored value here, and work with a <see cref="Language"/> everywhere else.
/// </summary>
internal static class StoredLanguage
{
    public const string Key = "dutch";

    public static Language? Read(JsonObject state) => state[Key]?.GetValue<bool>() switch
    {
        true => Language.Dutch,
        false => Language.English,
        null => null,
    };

    public static JsonNode Write(Language language) => JsonValue.Create(language == Language.Dutch);
}

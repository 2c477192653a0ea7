using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntervisieBot.Domain;

/// <summary>The language the bot speaks: in a group, its setting; elsewhere, the member's locale. Stored as its code.</summary>
[JsonConverter(typeof(LanguageCodeJsonConverter))]
public enum Language
{
    Dutch,
    English,
}

public static class LanguageCodes
{
    extension(Language language)
    {
        /// <summary>"nl" or "en": the code a group's settings store and users type.</summary>
        public string Code => language switch
        {
            Language.Dutch => "nl",
            Language.English => "en",
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown language."),
        };

        /// <summary>Dutch for an <c>nl</c> locale (nl-NL, nl-BE), English otherwise.</summary>
        public static Language FromLocale(string? locale) =>
            locale is not null && (locale.Equals("nl", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("nl-", StringComparison.OrdinalIgnoreCase))
                ? Language.Dutch
                : Language.English;

        /// <summary>The language of a code, "nl" or "en"; any other code throws.</summary>
        public static Language FromCode(string code) => TryFromCode(code) ?? throw new ArgumentException($"The language is nl or en, not '{code}'.", nameof(code));

        /// <summary>The language of a code, "nl" or "en"; null for any other code.</summary>
        public static Language? TryFromCode(string? code) => code switch
        {
            "nl" => Language.Dutch,
            "en" => Language.English,
            _ => null,
        };
    }
}

/// <summary>Writes a <see cref="Language"/> as its code ("nl", "en") and reads it back, so stored rows keep their shape.</summary>
public sealed class LanguageCodeJsonConverter : JsonConverter<Language>
{
    public override Language Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Language.TryFromCode(reader.GetString()) is { } language
            ? language
            : throw new JsonException("A language is stored as \"nl\" or \"en\".");

    public override void Write(Utf8JsonWriter writer, Language value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code);
    }
}

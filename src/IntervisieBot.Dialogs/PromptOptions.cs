using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using IntervisieBot.Domain;

namespace IntervisieBot.Dialogs;

/// <summary>What a prompt asks, and how it behaves; stored with the prompt while it waits.</summary>
public sealed record PromptOptions
{
    public required string Text { get; init; }

    /// <summary>Said after an answer that was not understood or not valid; the prompt's own default when null.</summary>
    public string? RetryText { get; init; }

    /// <summary>For choice prompts: the options, shown as buttons and recognised when typed.</summary>
    public IReadOnlyList<PromptChoice> Choices { get; init; } = [];

    /// <summary>After this many answers that were not understood, the prompt ends with a null result.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Only these participants' answers count (e.g. the case owner); empty means anyone in the conversation.</summary>
    public IReadOnlyList<string> AllowedAnswerers { get; init; } = [];

    /// <summary>The language of the prompt's own texts (retry, "this question is for ...").</summary>
    [JsonConverter(typeof(LanguageCodeJsonConverter))]
    public Language Language { get; init; } = Language.Dutch;

    /// <summary>Prompts stored before <see cref="Language"/> kept a bool "dutch"; a waiting one still reads in its language.</summary>
    [JsonInclude]
    [JsonPropertyName("dutch")]
    private bool? StoredAsBool
    {
        get => null;
        init
        {
            if (value is { } stored)
            {
                Language = stored ? Language.Dutch : Language.English;
            }
        }
    }

    public JsonNode ToJson() => JsonSerializer.SerializeToNode(this, ConversationState.Json)!;

    public static PromptOptions FromJson(JsonNode? node) =>
        node?.Deserialize<PromptOptions>(ConversationState.Json) ?? throw new InvalidOperationException("A prompt was started without options.");
}

public sealed record PromptChoice(string Value, string Title, IReadOnlyList<string>? Synonyms = null);

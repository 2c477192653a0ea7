using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntervisieBot.Channels.BotFramework.Schema;

/// <summary>
/// A Bot Framework activity, as much of it as IntervisieBot reads or writes (botframework-activity.md). Unknown
/// fields are ignored on read and left out on write; <c>callerId</c> is never read from the wire.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? ReplyToId { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public List<Entity>? Entities { get; set; }

    public JsonElement? ChannelData { get; set; }

    public JsonElement? Value { get; set; }

    public string? Name { get; set; }

    public string? Action { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.Ordinal);
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string Typing = "typing";
}

public sealed class ChannelAccount
{
    public ChannelAccount()
    {
    }

    public ChannelAccount(string id, string? name)
    {
        Id = id;
        Name = name;
    }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? Role { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public bool? IsGroup { get; set; }

    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }

    public JsonElement? Content { get; set; }

    public string? ContentUrl { get; set; }

    public string? Name { get; set; }
}

/// <summary>An entity of any type; a mention has <c>mentioned</c> and <c>text</c>.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    public ChannelAccount? Mentioned { get; set; }

    public string? Text { get; set; }
}

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }

    public List<CardAction>? Actions { get; set; }
}

public sealed class CardAction
{
    public string? Type { get; set; }

    public string? Title { get; set; }

    public JsonElement? Value { get; set; }
}

/// <summary>The body of an invoke response (adaptiveCard/action and others).</summary>
public sealed class InvokeResponse
{
    public int StatusCode { get; set; }

    public string? Type { get; set; }

    public object? Value { get; set; }
}

public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }

    public string? ActivityId { get; set; }

    public string? ServiceUrl { get; set; }
}

public sealed class PagedMembersResult
{
    public string? ContinuationToken { get; set; }

    public List<ChannelAccount>? Members { get; set; }
}

public sealed class ConversationParameters
{
    public bool IsGroup { get; set; }

    public ChannelAccount? Bot { get; set; }

    public List<ChannelAccount>? Members { get; set; }

    public string? TenantId { get; set; }

    public JsonElement? ChannelData { get; set; }
}

/// <summary>JSON settings for the wire: camelCase, nulls left out, numbers as numbers.</summary>
public static class BotFrameworkJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 64,
    };
}

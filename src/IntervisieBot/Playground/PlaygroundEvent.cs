using System.Buffers;
using System.Text.Json;
using IntervisieBot.Channels.BotFramework.Schema;

namespace IntervisieBot.Playground;

/// <summary>
/// One Server-Sent Event for the page: its type and its JSON data. The factories below are the whole vocabulary the
/// page understands (playground.js, events.js): a snapshot first, then state, activity, deleted and typing.
/// </summary>
public sealed record PlaygroundEvent(string Type, string Data)
{
    public const string Snapshot = "snapshot";
    public const string State = "state";
    public const string ActivityChanged = "activity";
    public const string Deleted = "deleted";
    public const string Typing = "typing";

    /// <summary>The channel's state: who the bot and the members are, and which group chat is the current one.</summary>
    internal static PlaygroundEvent StateOf(string groupConversationId, IEnumerable<PlaygroundMember> members) =>
        new(State, Json(w => WriteState(w, groupConversationId, members)));

    /// <summary>
    /// The first event of every watch: the state and every conversation's history, oldest first, so a reload or a
    /// reconnect starts from the whole picture.
    /// </summary>
    internal static PlaygroundEvent SnapshotOf(
        string groupConversationId,
        IEnumerable<PlaygroundMember> members,
        IEnumerable<(string Id, IEnumerable<string> ActivitiesJson)> conversations) => new(Snapshot, Json(w =>
    {
        w.WriteStartObject("state");
        WriteState(w, groupConversationId, members);
        w.WriteEndObject();
        w.WriteStartArray("conversations");
        foreach (var (id, activities) in conversations)
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteStartArray("activities");
            foreach (var activity in activities)
            {
                w.WriteRawValue(activity, skipInputValidation: true);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }));

    /// <summary>A message that is new or replaced, as the JSON the channel keeps of it.</summary>
    internal static PlaygroundEvent ActivityOf(string conversationId, string activityJson) => new(ActivityChanged, Json(w =>
    {
        w.WriteString("conversationId", conversationId);
        w.WritePropertyName("activity");
        w.WriteRawValue(activityJson, skipInputValidation: true);
    }));

    internal static PlaygroundEvent DeletedOf(string conversationId, string activityId) => new(Deleted, Json(w =>
    {
        w.WriteString("conversationId", conversationId);
        w.WriteString("activityId", activityId);
    }));

    /// <summary>Someone (the bot) is typing in a conversation; only shown, never kept.</summary>
    internal static PlaygroundEvent TypingOf(string conversationId, ChannelAccount? from) => new(Typing, Json(w =>
    {
        w.WriteString("conversationId", conversationId);
        w.WritePropertyName("from");
        JsonSerializer.Serialize(w, from, BotFrameworkJson.Options);
    }));

    private static void WriteState(Utf8JsonWriter w, string groupConversationId, IEnumerable<PlaygroundMember> members)
    {
        w.WriteString("channelId", PlaygroundChannel.ChannelId);
        w.WriteString("tenantId", PlaygroundChannel.TenantId);
        w.WriteString("groupConversationId", groupConversationId);
        w.WriteString("personalConversationPrefix", PlaygroundChannel.PersonalConversationPrefix);
        w.WriteStartObject("bot");
        w.WriteString("id", PlaygroundChannel.BotId);
        w.WriteString("name", PlaygroundChannel.BotName);
        w.WriteEndObject();
        w.WriteStartArray("members");
        foreach (var member in members)
        {
            w.WriteStartObject();
            w.WriteString("id", member.Id);
            w.WriteString("name", member.Name);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntervisieBot.Channels.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Playground;

/// <summary>
/// The conversation service behind the playground page, in memory: what Teams' servers are to the Teams client. It
/// holds the simulated members, numbers and keeps the messages of each conversation (the bot's, through the connector
/// API, and the members', which the page records before it delivers them to the bot), and sends every change to the
/// pages that watch through its <see cref="PlaygroundEventStream"/>. Everything it keeps is bounded
/// (<see cref="PlaygroundOptions"/>) and gone at a restart.
/// </summary>
public sealed partial class PlaygroundChannel
{
    public const string ChannelId = "playground";

    /// <summary>The adapter name on the addresses of playground conversations: nothing but the playground names its rows.</summary>
    public const string Adapter = "playground";
    public const string TenantId = "playground";
    public const string BotId = "playground-bot";
    public const string BotName = "IntervisieBot";
    public const string PersonalConversationPrefix = "playground-personal-";
    public const string GroupConversationPrefix = "playground-group-";

    private const int MaxNameLength = 60;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConversationLog> _conversations = new(StringComparer.Ordinal);
    private readonly List<PlaygroundMember> _members = [];
    private readonly PlaygroundEventStream _events;
    private readonly Queue<string> _startedGroups = new();
    private readonly TimeProvider _time;
    private readonly PlaygroundOptions _options;
    private long _lastId;
    private long _sequence;
    private string _groupConversationId;

    public PlaygroundChannel(TimeProvider time, IOptions<PlaygroundOptions> options)
    {
        _time = time;
        _options = options.Value;
        _events = new PlaygroundEventStream(_gate);

        // A fresh group chat for every run: its history lives in memory, so the bot is added anew and says hello.
        _groupConversationId = NewGroupConversationId();
        _startedGroups.Enqueue(_groupConversationId);
    }

    public string GroupConversationId
    {
        get
        {
            lock (_gate)
            {
                return _groupConversationId;
            }
        }
    }

    public IReadOnlyList<PlaygroundMember> Members
    {
        get
        {
            lock (_gate)
            {
                return [.. _members];
            }
        }
    }

    public static string PersonalConversationId(string memberId) => PersonalConversationPrefix + memberId;

    public static bool IsPersonal(string conversationId) => conversationId.StartsWith(PersonalConversationPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Whether the playground made this conversation: one of its latest group chats, or the personal chat of a member
    /// the page registered. Its message endpoint and connector serve no other.
    /// </summary>
    public bool Owns(string conversationId)
    {
        lock (_gate)
        {
            return _startedGroups.Contains(conversationId, StringComparer.Ordinal)
                || (IsPersonal(conversationId) && _members.Exists(m => PersonalConversationId(m.Id) == conversationId));
        }
    }

    /// <summary>The activities a conversation still holds, oldest first, as the JSON the page receives.</summary>
    public IReadOnlyList<string> Activities(string conversationId)
    {
        lock (_gate)
        {
            return _conversations.TryGetValue(conversationId, out var log) ? log.Entries.Select(e => e.Json).ToList() : [];
        }
    }

    /// <summary>Stores a message (a new id, the time, the conversation) and shows it; a typing notice is only shown.</summary>
    public ResourceResponse Post(string conversationId, Activity activity, string? replyToId = null)
    {
        lock (_gate)
        {
            var id = NextId();
            if (activity.IsType(ActivityTypes.Typing))
            {
                _events.Publish(PlaygroundEvent.TypingOf(conversationId, activity.From));
                return new ResourceResponse { Id = id };
            }

            if (!activity.IsType(ActivityTypes.Message))
            {
                // Other activity types (events, end of conversation) have nothing to show.
                return new ResourceResponse { Id = id };
            }

            activity.Id = id;
            activity.Timestamp = _time.GetUtcNow();
            activity.ReplyToId = replyToId ?? activity.ReplyToId;
            Stamp(activity, conversationId);
            var entry = new Entry(id, Serialize(activity));
            var log = LogOf(conversationId);
            log.Entries.Add(entry);
            if (log.Entries.Count > _options.MaxActivitiesPerConversation)
            {
                log.Entries.RemoveAt(0);
            }

            Touch(log);
            _events.Publish(PlaygroundEvent.ActivityOf(conversationId, entry.Json));
            return new ResourceResponse { Id = id };
        }
    }

    /// <summary>Replaces a message as a whole, in its place; null when the conversation no longer holds it.</summary>
    public ResourceResponse? Update(string conversationId, string activityId, Activity activity)
    {
        lock (_gate)
        {
            var log = _conversations.GetValueOrDefault(conversationId);
            var index = log?.Entries.FindIndex(e => e.Id == activityId) ?? -1;
            if (log is null || index < 0)
            {
                return null;
            }

            using var before = JsonDocument.Parse(log.Entries[index].Json);
            activity.Id = activityId;
            activity.Timestamp = before.RootElement.TryGetProperty("timestamp", out var t) ? t.GetDateTimeOffset() : _time.GetUtcNow();
            activity.Type ??= ActivityTypes.Message;
            Stamp(activity, conversationId);
            var entry = new Entry(activityId, Serialize(activity));
            log.Entries[index] = entry;
            Touch(log);
            _events.Publish(PlaygroundEvent.ActivityOf(conversationId, entry.Json));
            return new ResourceResponse { Id = activityId };
        }
    }

    public bool Delete(string conversationId, string activityId)
    {
        lock (_gate)
        {
            if (!_conversations.TryGetValue(conversationId, out var log) || log.Entries.RemoveAll(e => e.Id == activityId) == 0)
            {
                return false;
            }

            Touch(log);
            _events.Publish(PlaygroundEvent.DeletedOf(conversationId, activityId));
            return true;
        }
    }

    /// <summary>The personal chat of a registered member with the bot (always the same one), or null for a stranger.</summary>
    public string? OpenPersonalConversation(string memberId)
    {
        lock (_gate)
        {
            if (!_members.Exists(m => m.Id == memberId))
            {
                return null;
            }

            var id = PersonalConversationId(memberId);
            Touch(LogOf(id));
            return id;
        }
    }

    /// <summary>Who is in a conversation: everyone in a group chat, the one member in a personal chat.</summary>
    public IReadOnlyList<PlaygroundMember> MembersOf(string conversationId)
    {
        lock (_gate)
        {
            return IsPersonal(conversationId)
                ? _members.Where(m => PersonalConversationId(m.Id) == conversationId).ToList()
                : [.. _members];
        }
    }

    /// <summary>Replaces the simulated members (the page's list); returns what is wrong with it, or null.</summary>
    public string? SetMembers(IReadOnlyList<PlaygroundMember>? members)
    {
        if (members is null || members.Count == 0)
        {
            return "At least one member is needed.";
        }

        if (members.Count > _options.MaxMembers)
        {
            return $"At most {_options.MaxMembers} members.";
        }

        var cleaned = new List<PlaygroundMember>();
        foreach (var member in members)
        {
            var name = member?.Name?.Trim() ?? "";
            if (member?.Id is not { } id || !MemberId().IsMatch(id))
            {
                return "A member id is 1 to 64 letters, digits, '-' or '_'.";
            }

            if (name.Length is 0 or > MaxNameLength)
            {
                return $"A member's name is 1 to {MaxNameLength} characters.";
            }

            if (cleaned.Exists(m => m.Id == id))
            {
                return $"Member id '{id}' appears twice.";
            }

            cleaned.Add(new PlaygroundMember(id, name));
        }

        lock (_gate)
        {
            _members.Clear();
            _members.AddRange(cleaned);
            _events.Publish(StateEvent());
        }

        return null;
    }

    /// <summary>Starts a new, empty group chat (the page then adds the bot to it, as Teams would).</summary>
    public string StartGroupConversation()
    {
        lock (_gate)
        {
            _groupConversationId = NewGroupConversationId();
            _startedGroups.Enqueue(_groupConversationId);
            if (_startedGroups.Count > _options.MaxConversations)
            {
                _startedGroups.Dequeue();
            }

            _events.Publish(StateEvent());
            return _groupConversationId;
        }
    }

    /// <summary>
    /// What a page sees: first a snapshot (members, the group chat, every conversation's history), then each change as
    /// it happens, until the page goes away or the host stops (<see cref="PlaygroundEventStream"/>).
    /// </summary>
    public IAsyncEnumerable<PlaygroundEvent> WatchAsync(CancellationToken cancellationToken) => _events.WatchAsync(SnapshotEvent, cancellationToken);

    public string StateJson()
    {
        lock (_gate)
        {
            return StateEvent().Data;
        }
    }

    private static string NewGroupConversationId() => GroupConversationPrefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Ids in the shape Teams uses (milliseconds since 1970), unique and rising, also across restarts.</summary>
    private string NextId()
    {
        _lastId = Math.Max(_lastId + 1, _time.GetUtcNow().ToUnixTimeMilliseconds());
        return _lastId.ToString(CultureInfo.InvariantCulture);
    }

    private static void Stamp(Activity activity, string conversationId)
    {
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = null;
        activity.Conversation = new ConversationAccount
        {
            Id = conversationId,
            ConversationType = IsPersonal(conversationId) ? "personal" : "groupChat",
            IsGroup = !IsPersonal(conversationId),
            TenantId = TenantId,
        };
    }

    private ConversationLog LogOf(string conversationId)
    {
        if (_conversations.TryGetValue(conversationId, out var log))
        {
            return log;
        }

        if (_conversations.Count >= _options.MaxConversations)
        {
            var quietest = _conversations.Values.Where(c => c.Id != _groupConversationId).MinBy(c => c.LastTouched);
            if (quietest is not null)
            {
                _conversations.Remove(quietest.Id);
            }
        }

        log = new ConversationLog(conversationId);
        _conversations[conversationId] = log;
        return log;
    }

    private void Touch(ConversationLog log) => log.LastTouched = ++_sequence;

    private PlaygroundEvent StateEvent() => PlaygroundEvent.StateOf(_groupConversationId, _members);

    private PlaygroundEvent SnapshotEvent() => PlaygroundEvent.SnapshotOf(
        _groupConversationId,
        _members,
        _conversations.Values.Select(log => (log.Id, log.Entries.Select(e => e.Json))));

    private static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, BotFrameworkJson.Options);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex MemberId();

    private sealed record Entry(string Id, string Json);

    private sealed class ConversationLog(string id)
    {
        public string Id { get; } = id;

        public List<Entry> Entries { get; } = [];

        public long LastTouched { get; set; }
    }
}

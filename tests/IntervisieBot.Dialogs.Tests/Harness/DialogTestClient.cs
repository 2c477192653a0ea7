using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Testing;

namespace IntervisieBot.Dialogs.Tests.Harness;

/// <summary>
/// Drives dialogs turn by turn in one group conversation, without a channel or any feature of the bot:
/// <c>await Send("Anna", "plan")</c>, then assertions on what the bot said. State goes to a real SQLite store
/// (counted); what the bot says (sent or updated) is recorded in order.
/// </summary>
public sealed class DialogTestClient : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqliteTableServiceClient _sqlite;
    private readonly DialogStateStore _states;
    private readonly Func<DialogContext, CancellationToken, Task> _onTurn;
    private readonly List<OutgoingMessage> _said = [];
    private int _next;

    public DialogTestClient(DialogSet dialogs, Func<DialogContext, CancellationToken, Task> onTurn, TimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider();
        _sqlite = new SqliteTableServiceClient(_folder.File("harness.db"), "", Time);
        Store = new CountingTableServiceClient(_sqlite);
        _states = new DialogStateStore(Store, Protector);
        Runner = new DialogTurnRunner(_states);
        Dialogs = dialogs;
        _onTurn = onTurn;
    }

    /// <summary>A fixed key, for these tests only.</summary>
    public static PrivacyProtector Protector { get; } = new(new KeyRing(new EncryptionKey("test-1", [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7))])));

    public TimeProvider Time { get; }

    public CountingTableServiceClient Store { get; }

    public DialogTurnRunner Runner { get; }

    public DialogSet Dialogs { get; }

    public ConversationAddress Group { get; } = new("test", "test", "group-1", ConversationScope.GroupChat, "tenant-1");

    public string Locale { get; set; } = "nl-NL";

    public static Participant Member(string name) => new("u-" + name.ToLowerInvariant(), name);

    /// <summary>A member writes in the group; returns what the bot said in answer.</summary>
    public Task<IReadOnlyList<OutgoingMessage>> Send(string member, string text, CancellationToken cancellationToken = default) =>
        RunAsync(new IncomingTurn { Kind = TurnKind.Message, Conversation = Group, From = Member(member), Bot = Bot, Text = text, Locale = Locale }, cancellationToken);

    /// <summary>A member presses a button (or submits a card) with these values.</summary>
    public Task<IReadOnlyList<OutgoingMessage>> Press(string member, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default) =>
        RunAsync(new IncomingTurn { Kind = TurnKind.CardAction, Conversation = Group, From = Member(member), Bot = Bot, Values = values, Locale = Locale }, cancellationToken);

    public Task<StoredState> StateAsync() => _states.LoadAsync(Group);

    public void Dispose()
    {
        _states.Dispose();
        _sqlite.Dispose();
        _folder.Dispose();
    }

    private static Participant Bot { get; } = new("bot", "IntervisieBot");

    private async Task<IReadOnlyList<OutgoingMessage>> RunAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        int before;
        lock (_said)
        {
            before = _said.Count;
        }

        await Runner.RunAsync(Dialogs, new RecordingTurnContext(turn, this), _onTurn, cancellationToken);
        lock (_said)
        {
            return _said.Skip(before).ToList();
        }
    }

    private void Record(OutgoingMessage message)
    {
        lock (_said)
        {
            _said.Add(message);
        }
    }

    /// <summary>A turn's context that keeps what the bot says, with the message ids a channel would give.</summary>
    private sealed class RecordingTurnContext(IncomingTurn turn, DialogTestClient client) : ITurnContext
    {
        public IncomingTurn Turn { get; } = turn;

        public Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            client.Record(message);
            return Task.FromResult<string?>($"m{Interlocked.Increment(ref client._next)}");
        }

        public Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            client.Record(message);
            return Task.CompletedTask;
        }

        public Task SendPrivateAsync(Participant member, OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            client.Record(message);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<Participant>> GetMembersAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Participant>>([]);

        public ITurnContext ForGroup(ConversationAddress group) =>
            new RecordingTurnContext(Turn with { Conversation = group, PersonalChat = Turn.Conversation }, client);
    }
}

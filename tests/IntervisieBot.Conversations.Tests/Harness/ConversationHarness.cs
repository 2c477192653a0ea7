using IntervisieBot.Conversations.Dialogs;
using IntervisieBot.Conversations.Messages;
using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Testing;

namespace IntervisieBot.Conversations.Tests.Harness;

/// <summary>
/// Scripts a group conversation turn by turn, without HTTP: <c>await Send("Anna", "start")</c>, then assertions on
/// what the bot said. State goes to a real SQLite store (counted); what the bot says is recorded in order.
/// </summary>
public sealed class ConversationHarness : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqliteTableServiceClient _sqlite;
    private readonly DialogStateStore _states;
    private readonly Func<DialogContext, CancellationToken, Task> _onTurn;

    public ConversationHarness(DialogSet dialogs, Func<DialogContext, CancellationToken, Task> onTurn, TimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider();
        _sqlite = new SqliteTableServiceClient(_folder.File("harness.db"), "", Time);
        Store = new CountingTableServiceClient(_sqlite);
        _states = new DialogStateStore(Store, TestKeys.Protector);
        Runner = new DialogTurnRunner(_states);
        Dialogs = dialogs;
        _onTurn = onTurn;
    }

    public TimeProvider Time { get; }

    public CountingTableServiceClient Store { get; }

    public DialogTurnRunner Runner { get; }

    public DialogSet Dialogs { get; }

    public RecordingMessenger Channel { get; } = new();

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
        var before = Channel.Sent.Count;
        var context = new TurnContext(turn, Channel);
        await Runner.RunAsync(Dialogs, context, _onTurn, cancellationToken);
        lock (Channel.Sent)
        {
            return Channel.Sent.Skip(before).Select(s => s.Message).ToList();
        }
    }
}

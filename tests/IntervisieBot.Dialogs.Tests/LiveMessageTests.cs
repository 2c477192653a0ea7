using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Testing;

namespace IntervisieBot.Dialogs.Tests;

/// <summary>
/// A live message (one card updated in place): posted the first time, updated after, its id kept in the conversation's
/// state with as few reads and writes as the turn needs, and posted anew when the channel lost it.
/// </summary>
public sealed class LiveMessageTests : IDisposable
{
    private static readonly ConversationAddress Group = new("test", "test", "group-1", ConversationScope.GroupChat, "tenant-1");
    private static readonly ConversationAddress AnnasChat = Group.Sibling("personal-anna", ConversationScope.Personal);
    private static readonly Participant Anna = new("u-anna", "Anna");
    private static readonly Participant Bot = new("bot", "IntervisieBot");
    private static readonly PrivacyProtector Protector = new(new KeyRing(new EncryptionKey("test-1", [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7))])));

    private readonly TempDirectory _folder = new();
    private readonly SqliteTableServiceClient _sqlite;
    private readonly CountingTableServiceClient _store;
    private readonly DialogStateStore _states;
    private readonly DialogTurnRunner _runner;
    private readonly FakeChannel _channel = new();

    public LiveMessageTests()
    {
        _sqlite = new SqliteTableServiceClient(_folder.File("live.db"), "", new FakeTimeProvider());
        _store = new CountingTableServiceClient(_sqlite);
        _states = new DialogStateStore(_store, Protector);
        _runner = new DialogTurnRunner(_states);
    }

    public void Dispose()
    {
        _states.Dispose();
        _sqlite.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task ShowLive_FirstTime_PostsTheMessageOnceAndKeepsItsId()
    {
        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Stap 1 van 5"), ct));

        var posted = Assert.Single(_channel.Log);
        Assert.Equal(("post", Group, "Stap 1 van 5"), (posted.Kind, posted.Conversation, posted.Message.Text));
        Assert.Equal(posted.Id, await LiveIdAsync("session"));
    }

    [Fact]
    public async Task ShowLive_Later_UpdatesThatSameMessageInPlace()
    {
        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Stap 1 van 5"), ct));
        var id = await LiveIdAsync("session");

        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Stap 2 van 5"), ct));
        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Stap 3 van 5"), ct));

        Assert.Equal(["post", "update", "update"], _channel.Log.Select(s => s.Kind));
        Assert.All(_channel.Log, s => Assert.Equal(id, s.Id));
        Assert.Equal("Stap 3 van 5", Assert.Single(_channel.Messages).Value);
    }

    [Fact]
    public async Task ShowLive_NewMessage_StoresItsIdWithOneFollowUpWrite()
    {
        await TurnAsync(async (dc, ct) =>
        {
            dc.State.Values["step"] = 1;
            await dc.ShowLiveAsync("session", Says("Stap 1 van 5"), ct);
        });

        // The turn's own write, then the id that the channel gave only once the message went out.
        Assert.Equal((1, 2), (_store.Reads, _store.Writes));
    }

    [Fact]
    public async Task ShowLive_UpdateOnly_AddsNoReadOrWrite()
    {
        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Stap 1 van 5"), ct));
        _store.Reset();

        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Nog 3 minuten"), ct));

        Assert.Equal((1, 0), (_store.Reads, _store.Writes));
        Assert.Equal("update", _channel.Log[^1].Kind);
    }

    [Fact]
    public async Task ShowLive_TwiceInOneTurn_PostsOneMessageWithTheLastContent()
    {
        await TurnAsync(async (dc, ct) =>
        {
            await dc.ShowLiveAsync("session", Says("Stap 1 van 5"), ct);
            await dc.SendAsync(Says("Welkom!"), ct);
            await dc.ShowLiveAsync("session", Says("Stap 1 van 5, Anna heeft het woord"), ct);
        });

        Assert.Equal(["Stap 1 van 5, Anna heeft het woord", "Welkom!"], _channel.Log.Select(s => s.Message.Text));
        Assert.Equal(["post", "post"], _channel.Log.Select(s => s.Kind));
    }

    [Fact]
    public async Task ShowLive_MessageGone_PostsANewOneAndRemembersItsId()
    {
        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Stap 1 van 5"), ct));
        var first = (await LiveIdAsync("session"))!;
        _channel.Delete(first);

        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Stap 2 van 5"), ct));
        var second = await LiveIdAsync("session");
        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Stap 3 van 5"), ct));

        Assert.NotEqual(first, second);
        Assert.Equal(["post", "update-gone", "post", "update"], _channel.Log.Select(s => s.Kind));
        Assert.Equal(("Stap 3 van 5", second), (_channel.Messages[second!], _channel.Log[^1].Id));
    }

    [Fact]
    public async Task ShowLive_ChannelGivesNoId_PostsEachTimeAndStoresNothing()
    {
        _channel.GivesIds = false;

        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Stap 1 van 5"), ct));
        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Stap 2 van 5"), ct));

        Assert.Equal(["post", "post"], _channel.Log.Select(s => s.Kind));
        Assert.Null((await _states.LoadAsync(Group)).State.LiveMessages);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task EndLive_UpdatesItALastTime_AndTheNextShowPostsANewMessage()
    {
        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Stap 5 van 5", "Volgende"), ct));
        var id = await LiveIdAsync("session");

        await TurnAsync((dc, ct) => dc.EndLiveAsync("session", Says("Afgerond"), ct));

        Assert.Equal(("update", id), (_channel.Log[^1].Kind, _channel.Log[^1].Id));
        Assert.Null(_channel.Log[^1].Message.Card);
        Assert.Null((await _states.LoadAsync(Group)).State.LiveMessages);

        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Tweede casus: stap 1"), ct));
        Assert.Equal("post", _channel.Log[^1].Kind);
        Assert.NotEqual(id, await LiveIdAsync("session"));
    }

    [Fact]
    public async Task EndLive_WithoutAFinalMessage_LeavesTheMessageAsItIs()
    {
        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Stap 1 van 5"), ct));

        await TurnAsync((dc, ct) => dc.EndLiveAsync("session", cancellationToken: ct));

        Assert.Single(_channel.Log);
        Assert.Null(await LiveIdAsync("session"));
    }

    [Fact]
    public async Task Slots_AreIndependent()
    {
        await TurnAsync(async (dc, ct) =>
        {
            await dc.ShowLiveAsync("session", Says("Stap 1"), ct);
            await dc.ShowLiveAsync("timer", Says("Nog 5 minuten"), ct);
        });
        await TurnAsync(async (dc, ct) =>
        {
            await dc.ShowLiveAsync("timer", Says("Nog 4 minuten"), ct);
            await dc.EndLiveAsync("session", Says("Klaar"), ct);
        });

        Assert.Equal(2, _channel.Messages.Count);
        Assert.Equal(["Klaar", "Nog 4 minuten"], _channel.Messages.Values.Order(StringComparer.Ordinal));
        Assert.NotNull(await LiveIdAsync("timer"));
        Assert.Null(await LiveIdAsync("session"));
    }

    [Fact]
    public async Task NewId_WhenAnotherTurnWroteMeanwhile_IsPatchedIntoItsState()
    {
        // While the post goes out, a member's turn (another instance) stores its answer first.
        _channel.OnPost = () => TurnAsync((dc, _) =>
        {
            dc.State.Values["answer"] = "Bram's vraag";
            return Task.CompletedTask;
        });

        await TurnAsync(async (dc, ct) =>
        {
            dc.State.Values["step"] = 1;
            await dc.ShowLiveAsync("session", Says("Stap 1 van 5"), ct);
        });

        var state = (await _states.LoadAsync(Group)).State;
        Assert.Equal("Bram's vraag", state.Values["answer"]!.GetValue<string>());
        Assert.Equal(1, state.Values["step"]!.GetValue<int>());
        Assert.Equal(_channel.Log.Single(s => s.Kind == "post").Id, state.LiveMessages!["session"]);
    }

    [Fact]
    public async Task ScheduledTurn_UpdatesTheGroupsLiveMessage()
    {
        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Stap 2: 10 minuten"), ct));
        var id = await LiveIdAsync("session");

        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("Stap 2: de tijd is om"), ct), TurnKind.Scheduled);

        Assert.Equal(("update", id, Group), (_channel.Log[^1].Kind, _channel.Log[^1].Id, _channel.Log[^1].Conversation));
    }

    [Fact]
    public async Task PrivateContributionRoutedToTheGroup_UpdatesTheGroupsLiveMessage()
    {
        await TurnAsync((dc, ct) => dc.ShowLiveAsync("session", Says("0 van 4 vragen binnen"), ct));
        var id = await LiveIdAsync("session");

        var personal = new IncomingTurn { Kind = TurnKind.Message, Conversation = AnnasChat, From = Anna, Bot = Bot, Text = "Wat maakt dat je twijfelde?" };
        await _runner.RunAsync(new DialogSet(), new FakeContext(personal, _channel).ForGroup(Group), (dc, ct) => dc.ShowLiveAsync("session", Says("1 van 4 vragen binnen"), ct));

        Assert.Equal(("update", id, Group), (_channel.Log[^1].Kind, _channel.Log[^1].Id, _channel.Log[^1].Conversation));
        Assert.Equal("1 van 4 vragen binnen", _channel.Messages[id!]);
    }

    [Fact]
    public async Task AnswerPresser_IsSaidAfterTheStateIsStored_AndOnlyToThePresser()
    {
        await TurnAsync(async (dc, ct) =>
        {
            dc.State.Values["pressed"] = true;
            await dc.Context.AnswerPresserAsync(Says("Deze knop hoort bij een eerdere stap."), ct);
            Assert.Empty(_channel.Log);
        });

        var answer = Assert.Single(_channel.Log);
        Assert.Equal(("presser", Anna.Id), (answer.Kind, answer.Id));
    }

    private static OutgoingMessage Says(string text, string? button = null) => button is null
        ? new OutgoingMessage(text)
        : OutgoingMessage.FromCard(new Card { Title = text, Buttons = [new CardButton(button, new Dictionary<string, string> { ["action"] = "next" })] });

    private Task TurnAsync(Func<DialogContext, CancellationToken, Task> onTurn, TurnKind kind = TurnKind.Message)
    {
        var turn = new IncomingTurn { Kind = kind, Conversation = Group, From = kind == TurnKind.Scheduled ? Bot : Anna, Bot = Bot };
        return _runner.RunAsync(new DialogSet(), new FakeContext(turn, _channel), onTurn);
    }

    private async Task<string?> LiveIdAsync(string slot) =>
        (await _states.LoadAsync(Group)).State.LiveMessages?.GetValueOrDefault(slot);

    private sealed record Said(string Kind, ConversationAddress Conversation, string Id, OutgoingMessage Message);

    /// <summary>A channel that numbers the messages it keeps, loses the ones deleted, and logs every call.</summary>
    private sealed class FakeChannel
    {
        private int _next;

        public List<Said> Log { get; } = [];

        public SortedDictionary<string, string> Messages { get; } = new(StringComparer.Ordinal);

        public bool GivesIds { get; set; } = true;

        public Func<Task>? OnPost { get; set; }

        public void Delete(string id) => Messages.Remove(id);

        public async Task<string?> PostAsync(ConversationAddress conversation, OutgoingMessage message)
        {
            if (OnPost is { } onPost)
            {
                OnPost = null;
                await onPost();
            }

            var id = $"m{++_next}";
            Messages[id] = message.Text;
            Log.Add(new Said("post", conversation, id, message));
            return GivesIds ? id : null;
        }

        public void Update(ConversationAddress conversation, string id, OutgoingMessage message)
        {
            if (!Messages.ContainsKey(id))
            {
                Log.Add(new Said("update-gone", conversation, id, message));
                throw new MessageGoneException(conversation, "404 NotFound");
            }

            Messages[id] = message.Text;
            Log.Add(new Said("update", conversation, id, message));
        }
    }

    private sealed class FakeContext(IncomingTurn turn, FakeChannel channel) : ITurnContext
    {
        public IncomingTurn Turn { get; } = turn;

        public Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default) => channel.PostAsync(Turn.Conversation, message);

        public Task UpdateAsync(string messageId, OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            channel.Update(Turn.Conversation, messageId, message);
            return Task.CompletedTask;
        }

        public Task SendPrivateAsync(Participant member, OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            channel.Log.Add(new Said("private", Turn.Conversation, member.Id, message));
            return Task.CompletedTask;
        }

        public Task AnswerPresserAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            channel.Log.Add(new Said("presser", Turn.Conversation, Turn.From.Id, message));
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<Participant>> GetMembersAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Participant>>([]);

        public ITurnContext ForGroup(ConversationAddress group) => new FakeContext(Turn with { Conversation = group, PersonalChat = Turn.Conversation }, channel);
    }
}

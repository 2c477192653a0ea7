using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;
using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Conversations.Tests.Sessions;

/// <summary>
/// The step timers of a running session (Vrije intervisie: step 1 explains, 8 min; step 2 is 3 minutes of silence, a
/// timer step; step 3 a round of 12 min). Nobody types while time runs: the clock moves and the scheduler ticks, as
/// the hosted scheduler does every 30 seconds.
/// </summary>
public sealed class SessionTimerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 18, 30, 0, TimeSpan.Zero);
    private static readonly ConversationAddress Group = new("test", "test", "group-1", ConversationScope.GroupChat, "tenant");
    private static readonly string[] Names = ["Anna", "Bram", "Cees", "Dewi"];
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly RecordingMessenger _channel = new();
    private Bot _bot;

    public SessionTimerTests()
    {
        _bot = new Bot(_folder.File("bot.db"), _time, _channel);
        _channel.Members.AddRange(Names.Select(Member));
    }

    public void Dispose()
    {
        _bot.Dispose();
        _folder.Dispose();
    }

    private static Participant Member(string name) => new("u-" + name.ToLowerInvariant(), name);

    private static string Text(OutgoingMessage message) =>
        string.Join("\n", new[] { message.Text }.Concat(message.Card?.Body.OfType<CardText>().Select(t => t.Text) ?? []));

    /// <summary>Anna brings the case, Bram facilitates; the session starts at step 1 (what the set-up's last step does).</summary>
    private async Task StartFreeIntervisionAsync(string locale = "nl-NL")
    {
        var members = Names.Select(n => new SessionMember("u-" + n.ToLowerInvariant(), n)).ToList();
        var session = Session.Start(MethodLibrary.BuiltIn.Get("free"), members[0], members[1], members, _time.GetUtcNow());
        var options = new JsonObject
        {
            ["session"] = JsonSerializer.SerializeToNode(session.ToSnapshot(), ConversationState.Json),
            ["language"] = locale.StartsWith("nl", StringComparison.Ordinal) ? "nl" : "en",
        };
        var turn = new IncomingTurn { Kind = TurnKind.Message, Conversation = Group, From = Member("Anna"), Bot = Bot.Account, Text = "start", Locale = locale };
        await _bot.Runner.RunAsync(_bot.Dialogs, new TurnContext(turn, _channel), (dc, ct) => dc.BeginDialogAsync(SessionDialog.DialogId, options, ct));
    }

    private async Task<List<OutgoingMessage>> SayAsync(string who, string text)
    {
        var before = _channel.Sent.Count;
        await _bot.Router.OnTurnAsync(new TurnContext(
            new IncomingTurn { Kind = TurnKind.Message, Conversation = Group, From = Member(who), Bot = Bot.Account, Text = text, Locale = "nl-NL" }, _channel));
        return _channel.Sent.Skip(before).Select(s => s.Message).ToList();
    }

    private async Task<List<OutgoingMessage>> PressAsync(string who, IReadOnlyDictionary<string, string> values)
    {
        var before = _channel.Sent.Count;
        await _bot.Router.OnTurnAsync(new TurnContext(
            new IncomingTurn { Kind = TurnKind.CardAction, Conversation = Group, From = Member(who), Bot = Bot.Account, Values = values, Locale = "nl-NL" }, _channel));
        return _channel.Sent.Skip(before).Select(s => s.Message).ToList();
    }

    /// <summary>Time passes with nobody typing, the scheduler ticking every 30 seconds; returns what the bot said meanwhile.</summary>
    private async Task<List<OutgoingMessage>> WaitAsync(TimeSpan span)
    {
        var before = _channel.Sent.Count;
        var until = _time.GetUtcNow() + span;
        while (_time.GetUtcNow() < until)
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            await _bot.Scheduler.TickAsync();
        }

        return _channel.Sent.Skip(before).Select(s => s.Message).ToList();
    }

    [Fact]
    public async Task ATimerStep_SaysWhatTimeIsLeft_AndWhenTimeIsUp_WithNobodyTyping()
    {
        await StartFreeIntervisionAsync();
        var step = Assert.Single(await SayAsync("Bram", "volgende"));
        Assert.Contains(step.Card!.Buttons, b => b.Title == "+5 min");

        Assert.Empty(await WaitAsync(TimeSpan.FromMinutes(1.5)));
        Assert.Equal("Nog 1 minuut voor deze stap.", Assert.Single(await WaitAsync(TimeSpan.FromMinutes(0.5))).Text);
        var up = Assert.Single(await WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.StartsWith("De tijd voor deze stap (3 min) is om.", Text(up).Trim(), StringComparison.Ordinal);
        Assert.Equal(["Volgende stap", "+5 min"], up.Card!.Buttons.Select(b => b.Title));
        Assert.Empty(await WaitAsync(TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public async Task AStepThatIsNotATimer_OnlySaysWhenItsTimeIsUp()
    {
        await StartFreeIntervisionAsync();

        Assert.Empty(await WaitAsync(TimeSpan.FromMinutes(7.5)));
        var up = Assert.Single(await WaitAsync(TimeSpan.FromMinutes(0.5)));

        Assert.Contains("De tijd voor deze stap (8 min) is om.", Text(up), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARestartWhileTheTimerRuns_StillBringsTheTimeUp()
    {
        await StartFreeIntervisionAsync();
        await SayAsync("Bram", "volgende");
        await WaitAsync(TimeSpan.FromMinutes(1));

        _bot.Dispose();
        _bot = new Bot(_folder.File("bot.db"), _time, _channel);
        var said = await WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal("Nog 1 minuut voor deze stap.", said[0].Text);
        Assert.StartsWith("De tijd voor deze stap (3 min) is om.", Text(said[1]).Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingOnBeforeTheEnd_MeansTheEarlierStepSaysNothingMore()
    {
        await StartFreeIntervisionAsync();
        await SayAsync("Bram", "volgende");
        await WaitAsync(TimeSpan.FromMinutes(1));

        await SayAsync("Bram", "volgende");
        var said = await WaitAsync(TimeSpan.FromMinutes(11.5));

        Assert.Empty(said);
        var planned = Assert.Single(await _bot.Due.ListAsync(Group));
        Assert.Equal((SessionTimer.UpWorkId, Start.AddMinutes(13)), (planned.Id, planned.DueAt));
    }

    [Fact]
    public async Task Extend_GivesMoreTime_AndMovesTheAnnouncements()
    {
        await StartFreeIntervisionAsync();
        await SayAsync("Bram", "volgende");
        await WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("Er komen 3 minuten bij: nog 5 minuten voor deze stap.", Assert.Single(await SayAsync("Bram", "verleng 3")).Text);
        Assert.Empty(await WaitAsync(TimeSpan.FromMinutes(3.5)));
        Assert.Equal("Nog 1 minuut voor deze stap.", Assert.Single(await WaitAsync(TimeSpan.FromMinutes(0.5))).Text);
        var up = Assert.Single(await WaitAsync(TimeSpan.FromMinutes(1)));

        // After time is up, the button gives five minutes from now.
        Assert.Equal("Er komen 5 minuten bij: nog 5 minuten voor deze stap.", Assert.Single(await PressAsync("Anna", up.Card!.Buttons[1].Data)).Text);
        Assert.Equal(2, (await WaitAsync(TimeSpan.FromMinutes(5))).Count);
    }

    [Fact]
    public async Task OnlyTheFacilitatorOrCaseOwner_CanExtend()
    {
        await StartFreeIntervisionAsync();
        await SayAsync("Bram", "volgende");

        Assert.StartsWith("Alleen de gespreksleider (Bram)", Assert.Single(await SayAsync("Cees", "verleng")).Text, StringComparison.Ordinal);
        Assert.Equal((Start.AddMinutes(3)), (await _bot.Due.ListAsync(Group)).Single(w => w.Id == SessionTimer.UpWorkId).DueAt);
    }

    [Fact]
    public async Task Pause_StopsTheClock_AndResume_GivesBackTheTimeThatWasLeft()
    {
        await StartFreeIntervisionAsync();
        await SayAsync("Bram", "volgende");
        await WaitAsync(TimeSpan.FromMinutes(1));

        await SayAsync("Bram", "pauze");
        Assert.Empty(await WaitAsync(TimeSpan.FromMinutes(10)));
        await SayAsync("Bram", "hervat");
        Assert.Empty(await WaitAsync(TimeSpan.FromMinutes(0.5)));
        Assert.Equal("Nog 1 minuut voor deze stap.", Assert.Single(await WaitAsync(TimeSpan.FromMinutes(0.5))).Text);

        Assert.Single(await WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task StoppingTheSession_SilencesItsTimer()
    {
        await StartFreeIntervisionAsync();
        await SayAsync("Bram", "volgende");

        await SayAsync("Bram", "stop");
        await SayAsync("Bram", "ja");

        Assert.Empty(await WaitAsync(TimeSpan.FromMinutes(5)));
        Assert.Empty(await _bot.Due.ListAsync(Group));
    }

    [Fact]
    public async Task InEnglish_TheTimerSpeaksEnglish()
    {
        await StartFreeIntervisionAsync("en-GB");
        await SayAsync("Bram", "next");

        var said = await WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal("1 minute left for this step.", said[0].Text);
        Assert.StartsWith("Time is up for this step (3 min).", Text(said[1]).Trim(), StringComparison.Ordinal);
    }

    /// <summary>One instance of the bot over a database file: the router, its dialogs, and the scheduler.</summary>
    private sealed class Bot : IDisposable
    {
        private readonly SqliteTableServiceClient _tables;
        private readonly TestBot _bot;

        public Bot(string path, TimeProvider time, IChannelMessenger channel)
        {
            _tables = new SqliteTableServiceClient(path, "", time);
            _bot = new TestBot(time, services => services.AddDueWork().AddSingleton(channel), _tables);
            Due = _bot.Get<DueWorkStore>();
            Runner = _bot.Get<DialogTurnRunner>();
            Dialogs = _bot.Get<DialogSet>();
            Router = _bot.Router;
            Scheduler = _bot.Get<DueWorkRunner>();
        }

        public static Participant Account { get; } = new("bot", "IntervisieBot");

        public DueWorkStore Due { get; }

        public DialogTurnRunner Runner { get; }

        public DialogSet Dialogs { get; }

        public IBot Router { get; }

        public DueWorkRunner Scheduler { get; }

        public void Dispose()
        {
            _bot.Dispose();
            _tables.Dispose();
        }
    }
}

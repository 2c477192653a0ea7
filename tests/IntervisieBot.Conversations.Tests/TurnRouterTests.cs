using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Conversations.Tests;

public sealed class TurnRouterTests : IDisposable
{
    private static readonly ConversationAddress Group = new("test", "test", "group-1", ConversationScope.GroupChat, "tenant");
    private static readonly Participant Anna = new("u-anna", "Anna");
    private static readonly Participant Bot = new("b", "IntervisieBot");
    private readonly RecordingMessenger _channel = new();
    private readonly TestBot _bot;
    private readonly DialogStateStore _states;
    private readonly IBot _router;

    public TurnRouterTests()
    {
        _bot = new TestBot(new FakeTimeProvider(), services => services.AddSingleton<IDialogModule>(new TestDialogs()));
        _states = _bot.Get<DialogStateStore>();
        _router = _bot.Router;
    }

    public void Dispose() => _bot.Dispose();

    private sealed class TestDialogs : IDialogModule
    {
        public void AddTo(DialogSet dialogs) => dialogs.Add(new SessionLike()).Add(new Quick());
    }

    /// <summary>Stands for a running session: stopping it must be confirmed.</summary>
    private sealed class SessionLike() : Dialog("session-like")
    {
        public override bool ConfirmBeforeStop => true;

        public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken) =>
            Task.FromResult(DialogTurnResult.Waiting);

        public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
            Task.FromResult(DialogTurnResult.Waiting);
    }

    /// <summary>A flow that may be stopped without asking.</summary>
    private sealed class Quick() : Dialog("quick")
    {
        public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken) =>
            Task.FromResult(DialogTurnResult.Waiting);
    }

    private async Task RunningAsync(string dialogId)
    {
        var stored = await _states.LoadAsync(Group);
        stored.State.Stack.Add(new DialogInstance { Id = dialogId });
        await _states.SaveAsync(Group, stored.State.Serialize(), stored.ETag);
    }

    private async Task<int> StackDepthAsync() => (await _states.LoadAsync(Group)).State.Stack.Count;

    private Task SendAsync(TurnKind kind, string text = "", string? locale = "nl-NL", Dictionary<string, string>? values = null, string? replyTo = null) =>
        _router.OnTurnAsync(new TurnContext(
            new IncomingTurn
            {
                Kind = kind, Conversation = Group, From = Anna, Bot = Bot, Text = text, Locale = locale,
                Values = values ?? [], ReplyToId = replyTo,
            },
            _channel));

    /// <summary>A feature that waits for members' personal messages elsewhere: it takes every one it is offered.</summary>
    private sealed class TakesEveryPersonalMessage : IPersonalMessageRoute
    {
        public List<string> Taken { get; } = [];

        public Task<bool> TryRouteAsync(ITurnContext context, CancellationToken cancellationToken)
        {
            Taken.Add(context.Turn.Text);
            return Task.FromResult(true);
        }
    }

    [Fact]
    public async Task APersonalMessage_GoesToTheRouteAFeatureRegistered_ButACommandWordOnItsOwnStaysInThePersonalChat()
    {
        var route = new TakesEveryPersonalMessage();
        using var bot = new TestBot(new FakeTimeProvider(), services => services.AddSingleton<IPersonalMessageRoute>(route));
        var personal = Group with { ConversationId = "personal-anna", Scope = ConversationScope.Personal };
        Task SendPersonalAsync(string text) => bot.Router.OnTurnAsync(new TurnContext(
            new IncomingTurn { Kind = TurnKind.Message, Conversation = personal, From = Anna, Bot = Bot, Text = text, Locale = "nl-NL" }, _channel));

        await SendPersonalAsync("Wat maakt dat je twijfelt?");
        await SendPersonalAsync("hulp");

        Assert.Equal(["Wat maakt dat je twijfelt?"], route.Taken);
        var reply = Assert.Single(_channel.Sent);
        Assert.Equal(personal, reply.Conversation);
        Assert.Equal("Wat ik kan", reply.Message.Card!.Title);
    }

    [Theory]
    [InlineData("hulp", "nl-NL", "Wat ik kan")]
    [InlineData("HELP", "en-US", "What I can do")]
    [InlineData("help!", "nl-BE", "Wat ik kan")]
    [InlineData("Hulp please", "en-GB", "What I can do")]
    public async Task HelpTyped_InEitherLanguage_ShowsTheHelpCardInTheSendersLanguage(string text, string locale, string title)
    {
        await SendAsync(TurnKind.Message, text, locale);

        var reply = Assert.Single(_channel.Sent);
        Assert.Equal(title, reply.Message.Card!.Title);
        Assert.Contains(reply.Message.Card.Body, e => e is CardFacts { Facts.Count: > 10 });
    }

    [Fact]
    public async Task UnknownWords_GetAFriendlyPointerToHelp()
    {
        await SendAsync(TurnKind.Message, "wanneer is de volgende bijeenkomst eigenlijk");

        var reply = Assert.Single(_channel.Sent);
        Assert.Null(reply.Message.Card);
        Assert.Contains("hulp", reply.Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotAdded_WelcomesWithWhatItDoesWhatItKeepsAndHowToErase()
    {
        await SendAsync(TurnKind.BotAdded, locale: "en-US");

        var card = Assert.Single(_channel.Sent).Message.Card!;
        var text = string.Join("\n", card.Body.OfType<CardText>().Select(t => t.Text));
        Assert.Contains("remind", text, StringComparison.Ordinal);
        Assert.Contains("encrypted", text, StringComparison.Ordinal);
        Assert.Contains("**forget**", text, StringComparison.Ordinal);
        Assert.Equal(["What can you do?", "Set up the group"], card.Buttons.Select(b => b.Title));
    }

    [Fact]
    public async Task AButtonThatStandsForACommand_DoesWhatTypingItDoes()
    {
        await SendAsync(TurnKind.CardAction, values: new() { [TurnRouter.CommandKey] = "methodes" });
        await SendAsync(TurnKind.Message, "methodes");

        Assert.Equal(2, _channel.Sent.Count);
        Assert.Equal(_channel.Sent[1].Message.Card!.Title, _channel.Sent[0].Message.Card!.Title);
    }

    [Fact]
    public async Task StartInAPersonalChat_PointsToTheGroupChat()
    {
        await _router.OnTurnAsync(new TurnContext(
            new IncomingTurn { Kind = TurnKind.Message, Conversation = new("test", "test", "personal", ConversationScope.Personal, "tenant"), From = Anna, Bot = Bot, Text = "start", Locale = "nl-NL" },
            _channel));

        Assert.Contains("groepsgesprek", Assert.Single(_channel.Sent).Message.Text, StringComparison.Ordinal);
        Assert.Equal(0, await StackDepthAsync());
    }

    [Theory]
    [InlineData("volgende")]
    [InlineData("pauze")]
    [InlineData("verleng")]
    public async Task ASessionControl_WithNoSessionRunning_SaysHowToStartOne(string typed)
    {
        await SendAsync(TurnKind.Message, typed);

        Assert.Equal("Er loopt nu geen sessie. Typ **start** in het groepsgesprek om er een te beginnen.", Assert.Single(_channel.Sent).Message.Text);
    }

    [Fact]
    public async Task BotRemoved_SaysNothing()
    {
        await SendAsync(TurnKind.BotRemoved);

        Assert.Empty(_channel.Sent);
    }

    [Fact]
    public async Task WelcomeButtonPressed_TheCardLosesItsButtonsAndNamesWhoAnswered_ThenHelpFollows()
    {
        await SendAsync(TurnKind.CardAction, values: new() { ["action"] = "help", ["card"] = "welcome" }, replyTo: "m-welcome");

        Assert.Collection(
            _channel.Sent,
            update =>
            {
                Assert.Equal("update", update.Kind);
                Assert.Equal("m-welcome", update.MessageId);
                Assert.Empty(update.Message.Card!.Buttons);
                Assert.Contains(update.Message.Card.Body, e => e is CardText t && t.Text.Contains("Anna", StringComparison.Ordinal));
            },
            help => Assert.Equal("Wat ik kan", help.Message.Card!.Title));
    }

    [Fact]
    public async Task BotAdded_WithoutAKnownLanguage_WelcomesInDutchAndEnglish()
    {
        await SendAsync(TurnKind.BotAdded, locale: null);

        var card = Assert.Single(_channel.Sent).Message.Card!;
        var text = string.Join("\n", card.Body.OfType<CardText>().Select(t => t.Text));
        Assert.Contains("Wat ik bewaar", text, StringComparison.Ordinal);
        Assert.Contains("What I keep", text, StringComparison.Ordinal);
        Assert.Equal(["Wat kun je? / What can you do?", "Groep instellen / Set up the group"], card.Buttons.Select(b => b.Title));
    }

    [Fact]
    public async Task Stop_WithNothingRunning_SaysSo()
    {
        await SendAsync(TurnKind.Message, "stop");

        Assert.Equal("Er loopt nu niets dat ik kan stoppen.", Assert.Single(_channel.Sent).Message.Text);
    }

    [Fact]
    public async Task Stop_DuringASession_AsksFirst_AndNoKeepsItRunning()
    {
        await RunningAsync("session-like");

        await SendAsync(TurnKind.Message, "stop");
        await SendAsync(TurnKind.Message, "nee");

        Assert.NotEmpty(Assert.Single(_channel.Sent, s => s.Message.Card is not null).Message.Card!.Buttons);
        Assert.Equal("Prima, we gaan verder waar we waren.", _channel.Sent[^1].Message.Text);
        Assert.Equal(1, await StackDepthAsync());
    }

    [Fact]
    public async Task Stop_DuringASession_ConfirmedByButton_EndsIt()
    {
        await RunningAsync("session-like");
        await SendAsync(TurnKind.Message, "annuleer");
        var yes = _channel.Sent[^1].Message.Card!.Buttons.Single(b => b.Data["action"] == "yes");

        await SendAsync(TurnKind.CardAction, values: new(yes.Data), replyTo: "m-stop");

        Assert.Equal(0, await StackDepthAsync());
        Assert.Contains(_channel.Sent, s => s.Kind == "update" && s.MessageId == "m-stop" && s.Message.Card!.Buttons.Count == 0);
        Assert.StartsWith("Gestopt.", _channel.Sent[^1].Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_OfAFlowThatNeedsNoConfirmation_EndsItAtOnce()
    {
        await RunningAsync("quick");

        await SendAsync(TurnKind.Message, "cancel", "en-US");

        Assert.Equal(0, await StackDepthAsync());
        Assert.StartsWith("Stopped.", Assert.Single(_channel.Sent).Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_DuringAFlow_AnswersWithoutDisturbingIt()
    {
        await RunningAsync("session-like");

        await SendAsync(TurnKind.Message, "help", "en-US");

        Assert.Equal("What I can do", Assert.Single(_channel.Sent).Message.Card!.Title);
        Assert.Equal(1, await StackDepthAsync());
    }

    [Theory]
    [InlineData("start incidentmethode", Command.Start, "incidentmethode")]
    [InlineData("Volgende", Command.Next, "")]
    [InlineData("AFSPRAKEN", Command.Agreements, "")]
    [InlineData("schedule", Command.Schedule, "")]
    [InlineData("beurt!", Command.Turn, "")]
    [InlineData("vergeet", Command.Forget, "")]
    [InlineData("wat vinden jullie?", Command.None, "wat vinden jullie?")]
    public void Commands_AreRecognisedInDutchAndEnglish_WithTheirArgument(string text, Command command, string argument)
    {
        Assert.Equal((command, argument), Commands.Parse(text));
    }
}

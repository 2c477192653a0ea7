using IntervisieBot.Conversations.Messages;

namespace IntervisieBot.Conversations.Tests;

public sealed class TurnRouterTests
{
    private static readonly ConversationAddress Group = new("test", "group-1", ConversationScope.GroupChat, "tenant");
    private static readonly Participant Anna = new("u-anna", "Anna");
    private static readonly Participant Bot = new("b", "IntervisieBot");
    private readonly RecordingMessenger _channel = new();

    private Task SendAsync(TurnKind kind, string text = "", string? locale = "nl-NL", Dictionary<string, string>? values = null, string? replyTo = null) =>
        new TurnRouter().OnTurnAsync(new TurnContext(
            new IncomingTurn
            {
                Kind = kind, Conversation = Group, From = Anna, Bot = Bot, Text = text, Locale = locale,
                Values = values ?? [], ReplyToId = replyTo,
            },
            _channel));

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
        Assert.Single(card.Buttons);
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
        Assert.Single(card.Buttons);
    }
}

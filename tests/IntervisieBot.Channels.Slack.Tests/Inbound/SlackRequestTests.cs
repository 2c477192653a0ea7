using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.Slack.Inbound;
using IntervisieBot.Channels.Slack.Tests.Fakes;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Testing;

namespace IntervisieBot.Channels.Slack.Tests.Inbound;

/// <summary>What reaches the bot from Slack's request URLs, and what is refused, over HTTP.</summary>
public sealed class SlackRequestTests : IAsyncLifetime
{
    private const string Channel = "C0GROUP";
    private readonly RecordingBot _bot = new();
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        // A fixed clock: the five-minute window is checked against it, not against the machine's (a loaded machine is slow).
        _host = await SlackTestHost.StartAsync(_bot, new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 14, 0, 0, TimeSpan.Zero)));
        _host.Slack.AddUser("U0ANNA", "Anna", "nl-NL");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private DateTimeOffset Now => DateTimeOffset.FromUnixTimeSeconds(_host.Clock.GetUtcNow().ToUnixTimeSeconds());

    private static string Mention(string eventId = "Ev01", string ts = "1767600000.000100") =>
        SlackRequests.MessageEvent(eventId, "app_mention", "U0ANNA", Channel, "<@U0BOT> help", ts);

    [Fact]
    public async Task UrlVerification_EchoesTheChallenge()
    {
        var body = """{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

        using var response = await _host.SendAsync(SlackRequests.Event(body, Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", answer.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task ASignedMention_ReachesTheBot_AsAMessageFromTheMemberByName()
    {
        using var response = await _host.SendAsync(SlackRequests.Event(Mention(), Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(_bot.Turns);
        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Equal("help", turn.Text);
        Assert.Equal(new ConversationAddress("slack", "slack", Channel, ConversationScope.Channel, FakeSlackApi.TeamId), turn.Conversation);
        Assert.Equal(new Participant("U0ANNA", "Anna"), turn.From);
        Assert.Equal("nl-NL", turn.Locale);
        Assert.Equal(FakeSlackApi.BotUserId, turn.Bot.Id);
    }

    [Fact]
    public async Task ARequestSignedWithAnotherSecret_IsRefused()
    {
        var request = SlackRequests.Signed("/api/slack/events", Mention(), "application/json", Now, secret: "not-the-signing-secret");

        using var response = await _host.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Turns);
    }

    [Fact]
    public async Task ARequestWhoseBodyWasChanged_IsRefused()
    {
        var request = SlackRequests.Event(Mention(), Now);
        var signature = request.Headers.GetValues(SlackSignature.SignatureHeader).Single();
        var timestamp = request.Headers.GetValues(SlackSignature.TimestampHeader).Single();
        request.Dispose();
        using var tampered = new HttpRequestMessage(HttpMethod.Post, "/api/slack/events")
        {
            Content = new StringContent(Mention().Replace("help", "start incidentmethode", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"),
        };
        tampered.Headers.Add(SlackSignature.SignatureHeader, signature);
        tampered.Headers.Add(SlackSignature.TimestampHeader, timestamp);

        using var response = await _host.Client.SendAsync(tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Turns);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(-3600)]
    [InlineData(301)]
    public async Task ARequestWhoseTimestampIsMoreThanFiveMinutesOff_IsRefused(int seconds)
    {
        using var response = await _host.SendAsync(SlackRequests.Event(Mention(), Now.AddSeconds(seconds)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Turns);
    }

    [Theory]
    [InlineData(SlackSignature.SignatureHeader)]
    [InlineData(SlackSignature.TimestampHeader)]
    public async Task ARequestWithoutASigningHeader_IsRefused(string header)
    {
        var request = SlackRequests.Event(Mention(), Now);
        request.Headers.Remove(header);

        using var response = await _host.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Turns);
    }

    [Fact]
    public async Task ARetriedEvent_IsAnsweredButHandledOnce()
    {
        using var first = await _host.SendAsync(SlackRequests.Event(Mention(), Now));
        var retry = SlackRequests.Event(Mention(), Now.AddSeconds(1));
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        using var second = await _host.SendAsync(retry);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_bot.Turns);
    }

    [Fact]
    public async Task AReplayedEvent_IsHandledOnce()
    {
        var body = Mention();
        var at = Now;

        using var first = await _host.SendAsync(SlackRequests.Event(body, at));
        using var replay = await _host.SendAsync(SlackRequests.Event(body, at));

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Single(_bot.Turns);
    }

    [Fact]
    public async Task AMentionDeliveredAsAppMentionAndAsMessage_IsHandledOnce()
    {
        var ts = "1767600000.000200";
        var asMessage = SlackRequests.MessageEvent("Ev02", "message", "U0ANNA", Channel, "<@U0BOT> help", ts);

        using var mention = await _host.SendAsync(SlackRequests.Event(Mention("Ev01", ts), Now));
        using var message = await _host.SendAsync(SlackRequests.Event(asMessage, Now));

        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        Assert.Single(_bot.Turns);
    }

    [Fact]
    public async Task TheBotsOwnMessages_OtherBots_AndMessageSubtypes_AreIgnored()
    {
        var own = SlackRequests.MessageEvent("Ev10", "message", FakeSlackApi.BotUserId, "D0ANNA", "Hallo", "1.1", "im");
        var otherBot = SlackRequests.MessageEvent("Ev11", "message", "U0OTHER", "D0ANNA", "Hallo", "1.2", "im", new JsonObject { ["bot_id"] = "B0OTHER" });
        var edited = SlackRequests.MessageEvent("Ev12", "message", "U0ANNA", "D0ANNA", "help", "1.3", "im", new JsonObject { ["subtype"] = "message_changed" });
        var joined = SlackRequests.MessageEvent("Ev13", "message", "U0ANNA", Channel, "<@U0ANNA> has joined", "1.4", extra: new JsonObject { ["subtype"] = "channel_join" });

        foreach (var body in new[] { own, otherBot, edited, joined })
        {
            using var response = await _host.SendAsync(SlackRequests.Event(body, Now));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Empty(_bot.Turns);
    }

    [Fact]
    public async Task AChannelMessageNotAddressedToTheBot_IsIgnored_ButADirectMessageIsPersonal()
    {
        var chatter = SlackRequests.MessageEvent("Ev20", "message", "U0ANNA", Channel, "koffie?", "2.1");
        var direct = SlackRequests.MessageEvent("Ev21", "message", "U0ANNA", "D0ANNA", "methodes", "2.2", "im");

        using var first = await _host.SendAsync(SlackRequests.Event(chatter, Now));
        using var second = await _host.SendAsync(SlackRequests.Event(direct, Now));

        var turn = Assert.Single(_bot.Turns);
        Assert.Equal("methodes", turn.Text);
        Assert.Equal(ConversationScope.Personal, turn.Conversation.Scope);
        Assert.Equal("D0ANNA", turn.Conversation.ConversationId);
    }

    [Fact]
    public async Task WithOneWorkspace_EventsCommandsAndPressesFromAnotherWorkspace_AreAnsweredButNothingIsDone()
    {
        const string stranger = "T0STRANGER";
        var press = SlackRequests.ButtonPress("U0ANNA", Channel, "1767600000.000300", new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = "button:0",
            ["value"] = """{"action":"help","card":"welcome"}""",
        });
        var foreignPress = JsonNode.Parse(press.ToJsonString().Replace(FakeSlackApi.TeamId, stranger, StringComparison.Ordinal))!.AsObject();

        using var mention = await _host.SendAsync(SlackRequests.Event(Mention("Ev07").Replace(FakeSlackApi.TeamId, stranger, StringComparison.Ordinal), Now));
        using var command = await _host.SendAsync(SlackRequests.Command("start incidentmethode", "U0ANNA", Channel, Now, teamId: stranger));
        using var pressed = await _host.SendAsync(SlackRequests.Interaction(foreignPress, Now));
        using var ours = await _host.SendAsync(SlackRequests.Event(Mention("Ev08", "1767600000.000900"), Now));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { mention.StatusCode, command.StatusCode, pressed.StatusCode });
        Assert.Equal("", await command.Content.ReadAsStringAsync());
        var turn = Assert.Single(_bot.Turns);
        Assert.Equal(FakeSlackApi.TeamId, turn.Conversation.TenantId);
        Assert.DoesNotContain(_host.Slack.Calls, c => c.Method is "chat.postMessage" or "users.info" && c.Body.ToJsonString().Contains(stranger, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSlashCommand_IsAMessageInItsChannel_ShownToEveryone()
    {
        using var response = await _host.SendAsync(SlackRequests.Command("start incidentmethode", "U0ANNA", Channel, Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("in_channel", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("response_type").GetString());
        var turn = Assert.Single(_bot.Turns);
        Assert.Equal("start incidentmethode", turn.Text);
        Assert.Equal(Channel, turn.Conversation.ConversationId);
    }

    [Fact]
    public async Task TheSlashCommandWithoutText_AsksForHelp()
    {
        using var response = await _host.SendAsync(SlackRequests.Command("", "U0ANNA", Channel, Now));

        Assert.Equal("help", Assert.Single(_bot.Turns).Text);
    }

    [Fact]
    public async Task AReplayedSlashCommand_IsRefused()
    {
        var at = Now;
        using var first = await _host.SendAsync(SlackRequests.Command("help", "U0ANNA", Channel, at));
        using var replay = await _host.SendAsync(SlackRequests.Command("help", "U0ANNA", Channel, at));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Single(_bot.Turns);
    }

    [Fact]
    public async Task AReplayedButtonPress_IsRefused()
    {
        var press = SlackRequests.ButtonPress("U0ANNA", Channel, "1767600000.000300", new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = "button:0",
            ["value"] = """{"action":"help","card":"welcome"}""",
        });
        var at = Now;

        using var first = await _host.SendAsync(SlackRequests.Interaction(press, at));
        using var replay = await _host.SendAsync(SlackRequests.Interaction(press, at));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        var turn = Assert.Single(_bot.Turns);
        Assert.Equal(TurnKind.CardAction, turn.Kind);
        Assert.Equal("help", turn.Values["action"]);
        Assert.Equal("1767600000.000300", turn.ReplyToId);
    }

    [Fact]
    public async Task ABodyThatIsNotJson_GetsABadRequest()
    {
        using var response = await _host.SendAsync(SlackRequests.Event("{not json", Now));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ABodyLargerThanSlackSends_IsRefusedUnread()
    {
        var huge = "{\"type\":\"event_callback\",\"x\":\"" + new string('a', SlackAdapter.MaxBodyBytes) + "\"}";

        using var response = await _host.SendAsync(SlackRequests.Event(huge, Now));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task TheBotJoiningAChannel_IsWelcomedOnce()
    {
        var joined = new JsonObject { ["type"] = "member_joined_channel", ["user"] = FakeSlackApi.BotUserId, ["channel"] = Channel, ["channel_type"] = "C", ["inviter"] = "U0ANNA" };

        using var first = await _host.SendAsync(SlackRequests.Event(SlackRequests.Envelope("Ev30", joined), Now));
        using var again = await _host.SendAsync(SlackRequests.Event(SlackRequests.Envelope("Ev31", joined), Now));

        Assert.Equal(TurnKind.BotAdded, Assert.Single(_bot.Turns).Kind);
    }
}

using System.Net;
using System.Text.Json;
using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Conversations;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Testing;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.BotFramework;

/// <summary>Teams activities in over HTTP, answers out to a fake connector on 127.0.0.1: what a Teams user sees.</summary>
public sealed class TeamsEndToEndTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private FakeConnectorServer _connector = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnectorServer.StartAsync();
        _bot = new BotFactory(_folder.File("bot.db"));
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<HttpResponseMessage> SendAsync(string fixture)
    {
        var response = await TeamsFixture.PostAsync(_client, TeamsFixture.Load(fixture, _connector.ServiceUrl));
        await _bot.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();
        return response;
    }

    private static string CardText(RecordedRequest request) =>
        request.Activity!.Attachments!.Single().Content!.Value.GetRawText();

    [Fact]
    public async Task GroupChatMessage_MentioningTheBot_IsAnsweredInTheGroupInTheSendersLanguage()
    {
        var response = await SendAsync("groupchat-message-with-mention");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.Delivered);
        Assert.Equal("POST", reply.Method);
        Assert.Equal(TeamsFixture.GroupChatId, reply.ConversationId);
        Assert.Equal("application/vnd.microsoft.card.adaptive", reply.Activity!.Attachments!.Single().ContentType);
        Assert.Contains("Wat ik kan", CardText(reply), StringComparison.Ordinal);
        Assert.Equal(TeamsFixture.BotId, reply.Activity.From!.Id);
    }

    [Fact]
    public async Task BotAddedToGroupChat_AnnouncedTwiceByTeams_IsWelcomedOnce()
    {
        await SendAsync("bot-added-to-groupchat");
        await SendAsync("installation-add-groupchat");

        var welcome = Assert.Single(_connector.Delivered);
        Assert.Contains("IntervisieBot", CardText(welcome), StringComparison.Ordinal);
        Assert.Contains("forget", CardText(welcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotRemoved_PostsNothing_ForgetsNothing_AndStopsProactiveMessages()
    {
        await SendAsync("groupchat-message-with-mention");
        var before = _connector.Requests.Count;

        var response = await SendAsync("installation-remove-groupchat");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, _connector.Requests.Count);
        var messenger = _bot.Services.GetRequiredService<IChannelMessenger>();
        var group = new ConversationAddress("bf", "msteams", TeamsFixture.GroupChatId, ConversationScope.GroupChat, TeamsFixture.TenantId);
        await Assert.ThrowsAsync<ConversationUnreachableException>(() => messenger.SendAsync(group, new OutgoingMessage("Reminder")));
        Assert.Equal(before, _connector.Requests.Count);

        await SendAsync("installation-add-groupchat");
        Assert.NotNull(await messenger.SendAsync(group, new OutgoingMessage("Reminder")));
    }

    [Fact]
    public async Task ActionSubmit_UpdatesTheCardSoItCannotBePressedTwice_AndAnswers()
    {
        await SendAsync("groupchat-message-with-mention");

        await SendAsync("action-submit-message");

        var update = Assert.Single(_connector.Delivered, r => r.Method == "PUT");
        Assert.Equal("1763802000999", update.ActivityId);
        Assert.DoesNotContain("\"actions\"", CardText(update), StringComparison.Ordinal);
        Assert.Contains("Bram Jansen", CardText(update), StringComparison.Ordinal);
        Assert.Equal(2, _connector.Delivered.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task AdaptiveCardActionInvoke_IsAnsweredWithTheReplacementCard()
    {
        await SendAsync("groupchat-message-with-mention");

        var response = await SendAsync("adaptive-card-action-invoke");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        var card = body.RootElement.GetProperty("value");
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.False(card.TryGetProperty("actions", out _));
        Assert.Contains("Cees Bakker", card.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(_connector.Delivered, r => r.Method == "PUT");
    }

    [Fact]
    public async Task PersonalChatMessage_IsAnsweredInThePersonalChat()
    {
        await SendAsync("personal-message");

        var reply = Assert.Single(_connector.Delivered);
        Assert.Equal(TeamsFixture.PersonalChatId, reply.ConversationId);
        Assert.Contains("What I can do", CardText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterARestart_TheBotCanStillWriteToTheGroupAndToAMemberPrivately()
    {
        await SendAsync("groupchat-message-with-mention");
        await _bot.DisposeAsync();
        _bot = new BotFactory(_folder.File("bot.db"));
        _client = _bot.CreateClient();
        var messenger = _bot.Services.GetRequiredService<IChannelMessenger>();
        var group = new ConversationAddress("bf", "msteams", TeamsFixture.GroupChatId, ConversationScope.GroupChat, TeamsFixture.TenantId);

        await messenger.SendAsync(group, new OutgoingMessage("The meeting starts in a week."));
        await messenger.SendPrivateAsync(group, new Participant("29:1BramJansen-teams-user-id", "Bram Jansen"), new OutgoingMessage("It is your turn to bring a case."));

        var create = Assert.Single(_connector.Delivered, r => r.Method == "POST" && r.ConversationId is null);
        Assert.Contains("29:1BramJansen-teams-user-id", create.Body, StringComparison.Ordinal);
        Assert.Contains(TeamsFixture.TenantId, create.Body, StringComparison.Ordinal);
        Assert.Contains(_connector.Delivered, r => r.Activity?.Text == "The meeting starts in a week." && r.ConversationId == TeamsFixture.GroupChatId);
        Assert.Contains(_connector.Delivered, r => r.Activity?.Text == "It is your turn to bring a case." && r.ConversationId != TeamsFixture.GroupChatId);
    }

    [Fact]
    public async Task OutgoingMention_HasTheAtTagAndAMatchingEntity()
    {
        await SendAsync("groupchat-message-with-mention");
        var messenger = _bot.Services.GetRequiredService<IChannelMessenger>();
        var bram = new Participant("29:1BramJansen-teams-user-id", "Bram Jansen");
        var group = new ConversationAddress("bf", "msteams", TeamsFixture.GroupChatId, ConversationScope.GroupChat, TeamsFixture.TenantId);

        await messenger.SendAsync(group, new OutgoingMessage($"{OutgoingMessage.Mention(bram)}, your turn.") { Mentions = [bram] });

        var sent = _connector.Delivered[^1].Activity!;
        Assert.Equal("<at>Bram Jansen</at>, your turn.", sent.Text);
        var mention = Assert.Single(sent.Entities!);
        Assert.Equal("mention", mention.Type);
        Assert.Equal("<at>Bram Jansen</at>", mention.Text);
        Assert.Equal(bram.Id, mention.Mentioned!.Id);
    }
}

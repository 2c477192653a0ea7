using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntervisieBot.Conversations;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.Playground;

/// <summary>
/// The page's side of the protocol against the host on a real port: activities in at the playground's own
/// /playground/messages with the playground's service URL, and the bot's answers back through its ordinary connector
/// (presenting the playground's secret) into the playground channel.
/// </summary>
public sealed class PlaygroundOverHttpTests : IAsyncLifetime
{
    private PlaygroundHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = PlaygroundHost.Start();
        var registered = await _host.Http.PutAsync(
            new Uri("/playground/members", UriKind.Relative),
            JsonContent.Create(new { members = new[] { new { id = "anna", name = "Anna" }, new { id = "bram", name = "Bram" } } }));
        registered.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Group => _host.Channel.GroupConversationId;

    /// <summary>An activity as the page sends it: in the group it mentions the bot, as Teams does.</summary>
    private string Activity(string type, string conversationId, string from, string extra = "") => $$$"""
        {"type":"{{{type}}}","id":"{{{Guid.NewGuid():N}}}","channelId":"playground","serviceUrl":"{{{_host.ServiceUrl}}}",
         "conversation":{"id":"{{{conversationId}}}","conversationType":"{{{(conversationId.StartsWith("playground-personal-", StringComparison.Ordinal) ? "personal" : "groupChat")}}}","tenantId":"playground"},
         "from":{"id":"{{{from}}}","name":"{{{char.ToUpperInvariant(from[0]) + from[1..]}}}"},"recipient":{"id":"playground-bot","name":"IntervisieBot"},
         "locale":"nl-NL","channelData":{"tenant":{"id":"playground"}}{{{extra}}}}
        """;

    private async Task<HttpResponseMessage> DeliverAsync(string activity)
    {
        var response = await _host.Http.PostAsync(new Uri("/playground/messages", UriKind.Relative), new StringContent(activity, Encoding.UTF8, "application/json"));
        await _host.WhenBotIdleAsync();
        return response;
    }

    private async Task<HttpResponseMessage> PostToApiMessagesAsync(string activity)
    {
        var response = await _host.Http.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity, Encoding.UTF8, "application/json"));
        await _host.WhenBotIdleAsync();
        return response;
    }

    private static string CardOf(JsonElement activity) => activity.GetProperty("attachments")[0].GetProperty("content").GetRawText();

    [Fact]
    public async Task MessageToTheBot_WithThePlaygroundServiceUrl_IsAnsweredIntoTheChannelAndTheEventStream()
    {
        await using var events = await ServerSentEvents.OpenAsync(_host.Http);
        await events.NextAsync(e => e.Type == "snapshot");

        var response = await DeliverAsync(Activity("message", Group, "anna",
            ""","text":"<at>IntervisieBot</at> hulp","entities":[{"type":"mention","mentioned":{"id":"playground-bot","name":"IntervisieBot"},"text":"<at>IntervisieBot</at>"}]"""));
        var answer = await events.NextAsync(e => e.Type == "activity");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Group, answer.Json.GetProperty("conversationId").GetString());
        Assert.Equal("playground-bot", answer.Activity.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.Activity.GetProperty("attachments")[0].GetProperty("contentType").GetString());
        Assert.Contains("Wat ik kan", CardOf(answer.Activity), StringComparison.Ordinal);
        var stored = Assert.Single(_host.Channel.Activities(Group));
        Assert.Contains("Wat ik kan", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotAddedToTheGroupChat_Welcomes_AndItsButtonAnswersWithTheCardWithoutButtons()
    {
        await DeliverAsync(Activity("conversationUpdate", Group, "anna", ""","membersAdded":[{"id":"playground-bot","name":"IntervisieBot"}]"""));
        using var welcome = JsonDocument.Parse(Assert.Single(_host.Channel.Activities(Group)));
        var welcomeId = welcome.RootElement.GetProperty("id").GetString();

        var invoke = await DeliverAsync(Activity("invoke", Group, "bram",
            $$$""","name":"adaptiveCard/action","replyToId":"{{{welcomeId}}}","value":{"action":{"type":"Action.Execute","verb":"help","data":{"action":"help","card":"welcome"}},"trigger":"manual"}"""));

        Assert.Contains("Hallo, ik ben IntervisieBot", CardOf(welcome.RootElement), StringComparison.Ordinal);
        Assert.Contains("Action.Execute", CardOf(welcome.RootElement), StringComparison.Ordinal);
        var answer = await invoke.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.GetProperty("type").GetString());
        Assert.False(answer.GetProperty("value").TryGetProperty("actions", out _));
        Assert.Contains("Beantwoord door Bram", answer.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(2, _host.Channel.Activities(Group).Count);
        Assert.Contains("Wat ik kan", _host.Channel.Activities(Group)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateMessageFromTheBot_OpensTheMembersPersonalChat_AndArrivesThere()
    {
        await DeliverAsync(Activity("conversationUpdate", Group, "anna", ""","membersAdded":[{"id":"playground-bot","name":"IntervisieBot"}]"""));
        var messenger = _host.Factory.Services.GetRequiredService<IChannelMessenger>();
        var group = new ConversationAddress("playground", "playground", Group, ConversationScope.GroupChat, "playground");

        var members = await messenger.GetMembersAsync(group);
        await messenger.SendPrivateAsync(group, members.Single(m => m.Name == "Bram"), new OutgoingMessage("Je bent de volgende casusinbrenger."));

        Assert.Equal(["Anna", "Bram"], members.Select(m => m.Name));
        var personal = Assert.Single(_host.Channel.Activities("playground-personal-bram"));
        Assert.Contains("Je bent de volgende casusinbrenger.", personal, StringComparison.Ordinal);
        Assert.Empty(_host.Channel.Activities("playground-personal-anna"));
    }

    [Fact]
    public async Task PersonalChat_WithTheBot_IsAnsweredInThatChatOnly()
    {
        var response = await DeliverAsync(Activity("message", "playground-personal-anna", "anna", ",\"text\":\"help\"").Replace("nl-NL", "en-US", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("What I can do", Assert.Single(_host.Channel.Activities("playground-personal-anna")), StringComparison.Ordinal);
        Assert.Empty(_host.Channel.Activities(Group));
    }

    [Fact]
    public async Task PlaygroundActivity_PostedToApiMessages_IsRefused_AndNeitherAnsweredNorStored()
    {
        await DeliverAsync(Activity("message", Group, "anna", ",\"text\":\"<at>IntervisieBot</at> hulp\""));
        var before = await StoredRows.ReadAsync(_host.Factory.DatabasePath);
        var shown = _host.Channel.Activities(Group).Count;

        var response = await PostToApiMessagesAsync(Activity("message", Group, "bram", ",\"text\":\"<at>IntervisieBot</at> instellen\""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await StoredRows.ReadAsync(_host.Factory.DatabasePath));
        Assert.Equal(shown, _host.Channel.Activities(Group).Count);
    }

    [Theory]
    [InlineData("msteams", null)]
    [InlineData("playground", "playground-group-notstartedhere")]
    [InlineData("playground", "playground-personal-stranger")]
    public async Task ActivityForAConversationThePlaygroundDidNotStart_IsRefusedByItsEndpoint(string channelId, string? conversationId)
    {
        var activity = Activity("message", conversationId ?? Group, "anna", ",\"text\":\"help\"")
            .Replace("\"channelId\":\"playground\"", $"\"channelId\":\"{channelId}\"", StringComparison.Ordinal);

        var response = await DeliverAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StoredRows.ReadAsync(_host.Factory.DatabasePath));
    }

    [Fact]
    public async Task Connector_AnswersTheBotWithTheSecret_AndNobodyWithoutIt()
    {
        var response = await DeliverAsync(Activity("message", "playground-personal-anna", "anna", ",\"text\":\"help\""));
        using var withoutSecret = new HttpClient { BaseAddress = _host.Address };
        var forged = await withoutSecret.PostAsync(
            new Uri("/playground/connector/v3/conversations/playground-personal-anna/activities", UriKind.Relative),
            new StringContent("{\"type\":\"message\",\"text\":\"forged\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.DoesNotContain("forged", Assert.Single(_host.Channel.Activities("playground-personal-anna")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_IsServedFromTheRealPort()
    {
        var page = await _host.Http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>IntervisieBot", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Dialogs;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.BotFramework;

/// <summary>
/// What <c>/api/messages</c> lets in with authentication off: only this machine, only JSON, only the Bot Framework's
/// own channels; and what it accepts from the clients people use locally (the Emulator, Web Chat over Direct Line).
/// </summary>
public sealed class InboundEdgeOverHttpTests : IAsyncLifetime
{
    private FakeConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnectorServer.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string contentType = "application/json; charset=utf-8", Action<HttpRequestMessage>? tweak = null)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        tweak?.Invoke(request);
        return await client.SendAsync(request);
    }

    private static async Task WhenIdleAsync(BotFactory bot) => await bot.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();

    /// <summary>"help" in the Bot Framework Emulator: no token, no recipient, no conversation type or tenant, a localhost service URL.</summary>
    private string EmulatorMessage(string channelId = "emulator", string conversationId = "emulator-conversation-1") => $$"""
        {"type":"message","id":"1","channelId":"{{channelId}}","serviceUrl":"{{_connector.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)}}",
         "conversation":{"id":"{{conversationId}}"},"from":{"id":"user-1","name":"User"},"locale":"en-US","text":"help"}
        """;

    [Theory]
    [InlineData("slack")]
    [InlineData("playground")]
    [InlineData("Slack")]
    public async Task ChannelIdOfAnotherAdapter_OnApiMessages_Is400_AndChangesNoRow(string channelId)
    {
        await using var bot = new BotFactory();
        using var client = bot.CreateClient();
        await PostAsync(client, EmulatorMessage());
        await WhenIdleAsync(bot);
        var before = await StoredRows.ReadAsync(bot.DatabasePath);

        using var response = await PostAsync(client, EmulatorMessage(channelId, conversationId: "C0GROUP"));
        await WhenIdleAsync(bot);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(before);
        Assert.Equal(before, await StoredRows.ReadAsync(bot.DatabasePath));
        Assert.Single(_connector.Delivered);
    }

    [Fact]
    public async Task AuthenticationOff_CallerOnAnotherMachine_Is401_AndChangesNoRow()
    {
        await using var bot = new BotFactory().FromPeer(IPAddress.Parse("203.0.113.7"));
        using var client = bot.CreateClient();

        using var response = await PostAsync(client, EmulatorMessage(), tweak: r => r.Headers.Add("X-Forwarded-For", "127.0.0.1"));
        await WhenIdleAsync(bot);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("MicrosoftAppId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await StoredRows.ReadAsync(bot.DatabasePath));
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("Forwarded", "for=198.51.100.20")]
    [InlineData("X-Forwarded-For", "198.51.100.20")]
    public async Task AuthenticationOff_RequestAProxyOnThisMachineForwarded_Is401(string header, string value)
    {
        await using var bot = new BotFactory();
        using var client = bot.CreateClient();

        using var response = await PostAsync(client, EmulatorMessage(), tweak: r => r.Headers.Add(header, value));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task Activity_NotSentAsJson_Is415(string contentType)
    {
        await using var bot = new BotFactory();
        using var client = bot.CreateClient();

        using var response = await PostAsync(client, EmulatorMessage(), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Body_ThatIsNotJson_Gets400_ThatDoesNotEchoTheParser()
    {
        await using var bot = new BotFactory();
        using var client = bot.CreateClient();

        using var response = await PostAsync(client, """{"type":"message","text":"<script>x</script>""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("The body is not a Bot Framework activity.", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("script", problem.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("webchat")]
    [InlineData("directline")]
    public async Task LocalClient_WithoutRecipientTypeOrTenant_IsAnsweredFromTheBotsLocalIdentity(string channelId)
    {
        await using var bot = new BotFactory();
        using var client = bot.CreateClient();

        using var response = await PostAsync(client, EmulatorMessage(channelId), contentType: "application/json");
        await WhenIdleAsync(bot);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.Delivered);
        Assert.Equal("emulator-conversation-1", reply.ConversationId);
        Assert.Null(reply.Authorization);
        Assert.Equal("intervisiebot", reply.Activity!.From!.Id);
        Assert.Equal("IntervisieBot", reply.Activity.From.Name);
        Assert.Contains("What I can do", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectLineConversationUpdate_WithNoMembersAdded_IsAcceptedAndSaysNothing()
    {
        await using var bot = new BotFactory();
        using var client = bot.CreateClient();
        var update = $$"""
            {"type":"conversationUpdate","channelId":"directline","serviceUrl":"{{_connector.ServiceUrl}}",
             "conversation":{"id":"dl-1"},"from":{"id":"dl_user"},"membersAdded":[]}
            """;

        using var response = await PostAsync(client, update);
        await WhenIdleAsync(bot);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task EmulatorAddingTheBot_WithItsOwnBotId_IsWelcomedFromThatId()
    {
        await using var bot = new BotFactory();
        using var client = bot.CreateClient();
        var update = $$"""
            {"type":"conversationUpdate","channelId":"emulator","serviceUrl":"{{_connector.ServiceUrl}}",
             "conversation":{"id":"emu-2"},"from":{"id":"user-1"},"recipient":{"id":"emulator-bot","name":"Bot"},
             "membersAdded":[{"id":"emulator-bot","name":"Bot"},{"id":"user-1","name":"User"}]}
            """;

        using var response = await PostAsync(client, update);
        await WhenIdleAsync(bot);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(_connector.Delivered);
        Assert.Equal("emulator-bot", welcome.Activity!.From!.Id);
        Assert.Contains("IntervisieBot", welcome.Body, StringComparison.Ordinal);
    }
}

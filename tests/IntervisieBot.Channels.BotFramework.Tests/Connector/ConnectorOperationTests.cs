using System.Net;
using IntervisieBot.Channels.BotFramework.Connector;
using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Channels.BotFramework.Tests.Connector;

public sealed class ConnectorOperationTests
{
    /// <summary>A Teams channel thread: ':' '@' ';' and '=' must all be escaped inside the one path segment.</summary>
    private const string ThreadId = "19:abc123@thread.tacv2;messageid=1700000000000";
    private const string EscapedThreadId = "19%3Aabc123%40thread.tacv2%3Bmessageid%3D1700000000000";

    private static readonly ConversationAddress Thread = ConnectorHarness.Conversation(ThreadId);

    [Fact]
    public async Task Reply_PostsTheActivityUnderTheRepliedActivity_WithTheConversationIdEscaped()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var sent = harness.Connector.ReplyAsync(harness.Server.ServiceUrl, Thread, "1700000000000", ConnectorHarness.Message("Welkom"));
        await harness.RunAsync(sent);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/activities/1700000000000", request.RawTarget);
        Assert.Equal(ThreadId, request.ConversationId);
        Assert.Equal("Welkom", request.Activity!.Text);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("activity-1", (await sent).Id);
    }

    [Fact]
    public async Task Send_PostsTheActivityToTheConversation()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Thread, ConnectorHarness.Message("Ronde 1"));
        await harness.RunAsync(sent);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/activities", request.RawTarget);
        Assert.Equal("Ronde 1", request.Activity!.Text);
        Assert.Equal("message", request.Json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Update_PutsTheWholeActivityAtItsId()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var updated = harness.Connector.UpdateAsync(harness.Server.ServiceUrl, Thread, "1:activity/7", ConnectorHarness.Message("Beantwoord"));
        await harness.RunAsync(updated);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/activities/1%3Aactivity%2F7", request.RawTarget);
        Assert.Equal("1:activity/7", request.ActivityId);
        Assert.Equal("Beantwoord", request.Activity!.Text);
        Assert.Equal("1:activity/7", (await updated).Id);
    }

    [Fact]
    public async Task Delete_DeletesTheActivity_WithNoBody()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var deleted = harness.Connector.DeleteAsync(harness.Server.ServiceUrl, Thread, "1700000000001");
        await harness.RunAsync(deleted);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/activities/1700000000001", request.RawTarget);
        Assert.Equal("", request.Body);
    }

    [Fact]
    public async Task CreatePersonalConversation_PostsBotMemberAndTenant_AndReturnsTheNewConversation()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var created = harness.Connector.CreatePersonalConversationAsync(
            harness.Server.ServiceUrl, ConnectorHarness.Conversation("19:group@thread.v2", ConversationScope.GroupChat), new ChannelAccount("28:bot", "IntervisieBot"), new ChannelAccount("29:anna", "Anna"));
        await harness.RunAsync(created);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations", request.RawTarget);
        var body = request.Json;
        Assert.False(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("28:bot", body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("29:anna", Assert.Single(body.GetProperty("members").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(ConnectorHarness.TenantId, body.GetProperty("tenantId").GetString());
        Assert.Equal(ConnectorHarness.TenantId, body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("a:personal-1", (await created).Id);
    }

    [Fact]
    public async Task GetMembers_ReturnsTheConversationsMembers()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.SetMembers(ThreadId, new ChannelAccount("29:anna", "Anna") { AadObjectId = "aad-anna" }, new ChannelAccount("29:bram", "Bram"));

        var members = harness.Connector.GetMembersAsync(harness.Server.ServiceUrl, Thread);
        await harness.RunAsync(members);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/members", request.RawTarget);
        Assert.Equal(["Anna", "Bram"], (await members).Select(m => m.Name));
        Assert.Equal("aad-anna", (await members)[0].AadObjectId);
    }

    [Fact]
    public async Task GetPagedMembers_PassesPageSizeAndContinuationToken_UntilTheLastPage()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.SetMembers(ThreadId, new ChannelAccount("29:a", "A"), new ChannelAccount("29:b", "B"), new ChannelAccount("29:c", "C"));

        var names = new List<string?>();
        var pages = ReadAllAsync();
        await harness.RunAsync(pages);

        Assert.Equal(["A", "B", "C"], names);
        Assert.Equal(
            [$"/v3/conversations/{EscapedThreadId}/pagedmembers?pageSize=2", $"/v3/conversations/{EscapedThreadId}/pagedmembers?pageSize=2&continuationToken=2"],
            harness.Server.Requests.Select(r => r.RawTarget));

        async Task ReadAllAsync()
        {
            string? token = null;
            do
            {
                var page = await harness.Connector.GetPagedMembersAsync(harness.Server.ServiceUrl, Thread, pageSize: 2, continuationToken: token);
                names.AddRange(page.Members!.Select(m => m.Name));
                token = page.ContinuationToken;
            }
            while (token is not null);
        }
    }

    [Fact]
    public async Task ServiceUrlWithAPath_KeepsThePath()
    {
        await using var harness = await ConnectorHarness.StartAsync(basePath: "/emea/");

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl.TrimEnd('/'), Thread, ConnectorHarness.Message("Hoi"));
        await harness.RunAsync(sent);

        Assert.Equal($"/emea/v3/conversations/{EscapedThreadId}/activities", Assert.Single(harness.Server.Requests).RawTarget);
    }

    [Fact]
    public async Task ErrorAnswer_BecomesConnectorException_WithStatusCodeAndCorrelationId()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Script(FakeAnswer.Error(400, "BadArgument"));

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Thread, ConnectorHarness.Message("Hoi"));
        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.RunAsync(sent));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("BadArgument", error.ErrorCode);
        Assert.Equal("fake-1", error.CorrelationId);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task BlockedChatAnswer_WithTheSubCodeInsideTheMessage_ReadsAsMessageWritesBlocked()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        const string teamsBody = """{"errorCode":209,"message":"{\r\n \"subCode\": \"MessageWritesBlocked\",\r\n \"details\": \"Thread is blocked from message writes.\"\r\n}"}""";
        harness.Server.Script(new FakeAnswer(403, RawBody: teamsBody));
        var client = new ConnectorClient(new HttpClient(), harness.Server.ServiceUrl, new FixedTokenProvider("t"), harness.Services.GetRequiredService<ServiceUrlPolicy>());

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync("a:1", ConnectorHarness.Message("Hoi")));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("MessageWritesBlocked", error.ErrorCode);
    }
}

using System.Net;
using IntervisieBot.Channels.BotFramework.Connector;
using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Conversations;
using IntervisieBot.Conversations.Outbound;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Channels.BotFramework.Tests.Connector;

public sealed class OutboundSenderTests
{
    private static readonly ConversationAddress Group = ConnectorHarness.Conversation("19:group@thread.v2", ConversationScope.GroupChat);

    [Fact]
    public async Task Send_When429WithRetryAfter_WaitsAndDeliversOnce()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Script(FakeAnswer.Throttled(TimeSpan.FromSeconds(3)));

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("Hoi"));
        await harness.RunAsync(sent);

        var requests = harness.Server.Requests;
        Assert.Equal([429, 201], requests.Select(r => r.Status));
        Assert.Equal(TimeSpan.FromSeconds(3), requests[1].ArrivedAt - requests[0].ArrivedAt);
        Assert.Equal("Hoi", Assert.Single(harness.Server.Delivered).Activity!.Text);
        Assert.Equal("activity-2", (await sent).Id);
    }

    [Fact]
    public async Task Send_When429WithRetryAfterDate_WaitsUntilThatDate()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var until = harness.Clock.GetUtcNow().AddSeconds(7);
        harness.Server.Script(FakeAnswer.ThrottledUntil(until));

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("Hoi"));
        await harness.RunAsync(sent);

        Assert.Equal(until, harness.Server.Requests[1].ArrivedAt);
        Assert.Single(harness.Server.Delivered);
    }

    [Fact]
    public async Task Send_When429WithoutRetryAfter_BacksOffAndDeliversOnce()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Script(FakeAnswer.ThrottledWithoutRetryAfter());

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("Hoi"));
        await harness.RunAsync(sent);

        var requests = harness.Server.Requests;
        Assert.Equal([429, 201], requests.Select(r => r.Status));
        Assert.True(requests[1].ArrivedAt > requests[0].ArrivedAt);
    }

    [Fact]
    public async Task Send_When503Twice_RetriesWithGrowingJitteredBackoffAndDeliversOnce()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Script(FakeAnswer.Unavailable(), times: 2);

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("Hoi"));
        await harness.RunAsync(sent);

        var requests = harness.Server.Requests;
        Assert.Equal([503, 503, 201], requests.Select(r => r.Status));
        var firstWait = requests[1].ArrivedAt - requests[0].ArrivedAt;
        var secondWait = requests[2].ArrivedAt - requests[1].ArrivedAt;
        Assert.True(firstWait > TimeSpan.Zero && secondWait > firstWait, $"waits {firstWait} then {secondWait}");
        Assert.Single(harness.Server.Delivered);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Send_WhenTransientStatus_RetriesAndDeliversOnce(int status)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Script(new FakeAnswer(status));

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("Hoi"));
        await harness.RunAsync(sent);

        Assert.Equal([status, 201], harness.Server.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Send_WhenAlways503_GivesUpAfterTheLastAttempt_AsNotDelivered()
    {
        await using var harness = await ConnectorHarness.StartAsync(outbound: o => o.MaxRetryAttempts = 3);
        harness.Server.Script(FakeAnswer.Unavailable(), times: 10);

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("Hoi"));
        var error = Assert.IsType<ConnectorException>((await Assert.ThrowsAsync<MessageNotDeliveredException>(() => harness.RunAsync(sent))).InnerException);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task Send_WhenRetryAfterIsLongerThanMaxDelay_GivesUpAtOnce()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Script(FakeAnswer.Throttled(TimeSpan.FromMinutes(10)));

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("Hoi"));
        var error = Assert.IsType<ConnectorException>((await Assert.ThrowsAsync<MessageNotDeliveredException>(() => harness.RunAsync(sent))).InnerException);

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(10), error.RetryAfter?.Delta);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task Send_When503AsksToWaitLongerThanMaxDelay_GivesUpAtOnce_AsA429Does()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Script(new FakeAnswer(503, "ServiceUnavailable", RetryAfter: "600"));

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("Hoi"));
        var error = Assert.IsType<ConnectorException>((await Assert.ThrowsAsync<MessageNotDeliveredException>(() => harness.RunAsync(sent))).InnerException);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(harness.Server.Requests);
    }

    [Theory]
    [InlineData(403, "ConversationBlockedByUser")]
    [InlineData(403, "ForbiddenOperationException")]
    [InlineData(403, "MessageWritesBlocked")]
    [InlineData(404, "ConversationNotFound")]
    public async Task Send_WhenTheBotCannotWriteThere_ThrowsConversationUnreachableAfterOneRequest(int status, string code)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Script(FakeAnswer.Error(status, code));

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("Hoi"));
        var error = await Assert.ThrowsAsync<ConversationUnreachableException>(() => harness.RunAsync(sent));

        Assert.Equal(Group, error.Conversation);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task Send_When403BotNotInConversationRoster_ThrowsConversationUnreachableAfterOneRequest()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Script(FakeAnswer.Error(403, "BotNotInConversationRoster"));

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("Hoi"));
        var error = await Assert.ThrowsAsync<ConversationUnreachableException>(() => harness.RunAsync(sent));

        Assert.Equal(Group, error.Conversation);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task CreatePersonalConversation_WhenTheAppIsNotInstalledForTheMember_NamesTheMembersPersonalChat()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Script(FakeAnswer.Error(403, "BotNotInConversationRoster"));

        var created = harness.Connector.CreatePersonalConversationAsync(
            harness.Server.ServiceUrl, ConnectorHarness.Conversation("19:group@thread.v2", ConversationScope.GroupChat), new ChannelAccount("28:bot", null), new ChannelAccount("29:anna", "Anna"));
        var error = await Assert.ThrowsAsync<ConversationUnreachableException>(() => harness.RunAsync(created));

        Assert.Equal(new ConversationAddress("bf", "msteams", "29:anna", ConversationScope.Personal, ConnectorHarness.TenantId), error.Conversation);
    }

    [Fact]
    public async Task Send_When413_ThrowsMessageTooLargeAfterOneRequest()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Script(FakeAnswer.Error(413, "MessageSizeTooBig"));

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message(new string('x', 30_000)));
        var error = await Assert.ThrowsAsync<MessageTooLargeException>(() => harness.RunAsync(sent));

        Assert.Contains("too big", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests);
    }

    [Theory]
    [InlineData(400, "BadArgument")]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "SomethingElse")]
    [InlineData(404, "ActivityNotFound")]
    public async Task Send_WhenOtherClientError_ThrowsWithoutRetry(int status, string code)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Script(FakeAnswer.Error(status, code));

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("Hoi"));
        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.RunAsync(sent));

        Assert.Equal(status, (int)error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task Send_WhenTheConnectorIsDown_RetriesNetworkErrors()
    {
        await using var harness = await ConnectorHarness.StartAsync(outbound: o => o.MaxRetryAttempts = 2);
        var nobodyListens = $"http://127.0.0.1:{IntervisieBot.Testing.LoopbackPort.Free()}/";
        var start = harness.Clock.GetUtcNow();

        var sent = harness.Connector.SendAsync(nobodyListens, Group, ConnectorHarness.Message("Hoi"));

        var error = await Assert.ThrowsAsync<MessageNotDeliveredException>(() => harness.RunAsync(sent));
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.True(harness.Clock.GetUtcNow() > start, "the sender backed off before giving up");
    }

    [Fact]
    public async Task Send_ToManyConversationsWith429And503_DeliversEachMessageOnceInOrderWithinTeamsLimits()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        string[] ids = ["19:a@thread.v2", "19:b@thread.v2;messageid=1", "a:personal"];
        const int perConversation = 70;

        // Trouble at different moments in each conversation: throttling with seconds and with a date, and outages.
        harness.Server.Responder = r => (Array.IndexOf(ids, r.ConversationId), r.IndexInConversation) switch
        {
            (0, 3) or (2, 61) => FakeAnswer.Throttled(TimeSpan.FromSeconds(2)),
            (1, 5) => FakeAnswer.ThrottledUntil(harness.Clock.GetUtcNow().AddSeconds(4)),
            (0, 10) or (0, 11) or (1, 30) or (2, 8) => FakeAnswer.Unavailable(),
            (2, 40) => new FakeAnswer(502),
            _ => null,
        };

        // Asked all at once, as a burst of reminders would be: the sender alone keeps order and pace.
        var sends = ids.ToDictionary(
            id => id,
            id => Enumerable.Range(0, perConversation)
                .Select(i => harness.Connector.SendAsync(harness.Server.ServiceUrl, ConnectorHarness.Conversation(id), ConnectorHarness.Message($"{id} #{i:D2}")))
                .ToList());
        var all = Task.WhenAll(sends.Values.SelectMany(s => s));
        await harness.RunAsync(all, () => sends.Values.Count(s => s.Any(t => !t.IsCompleted)));

        foreach (var id in ids)
        {
            var received = harness.Server.Requests.Where(r => r.ConversationId == id).ToList();
            var delivered = received.Where(r => r.Status is >= 200 and < 300).Select(r => r.Activity!.Text).ToList();
            Assert.Equal(Enumerable.Range(0, perConversation).Select(i => $"{id} #{i:D2}"), delivered);
            RateLimitAssert.Within(received.Select(r => r.ArrivedAt).ToList(), TeamsRateLimits.Messages, id);
        }

        RateLimitAssert.Within(harness.Server.Requests.Select(r => r.ArrivedAt).ToList(), TeamsRateLimits.Tenant, "tenant");
        Assert.Equal(3 * perConversation + 8, harness.Server.Requests.Count);
        Assert.Equal(0, harness.Sender.ConversationsInLine);
    }

    [Fact]
    public async Task Send_WhileAnEarlierMessageWaitsOnRetryAfter_LaterMessagesWaitBehindIt()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Script(FakeAnswer.Throttled(TimeSpan.FromSeconds(5)));
        using var giveUp = new CancellationTokenSource();

        var first = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("1"));
        var cancelled = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("2"), giveUp.Token);
        var third = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("3"));
        await giveUp.CancelAsync();
        await harness.RunAsync(Task.WhenAll(first, third), () => first.IsCompleted && third.IsCompleted ? 0 : 1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(["1", "1", "3"], harness.Server.Requests.Select(r => r.Activity!.Text));
        Assert.True(harness.Server.Requests[2].ArrivedAt >= harness.Server.Requests[1].ArrivedAt);
        Assert.Equal(0, harness.Sender.ConversationsInLine);
    }

    [Fact]
    public async Task Send_ToDisallowedServiceUrl_RefusesWithoutRequest()
    {
        await using var harness = await ConnectorHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["BotFramework:AllowedServiceUrlHosts:0"] = "localhost" },
            tokens: new FixedTokenProvider("secret-token"));

        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(
            () => harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("Hoi")));
        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(
            () => harness.Connector.GetMembersAsync("https://smba.trafficmanager.net.evil.example/emea/", Group));

        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task Send_WithAToken_SendsItAsBearerToTheAllowedHost()
    {
        await using var harness = await ConnectorHarness.StartAsync(tokens: new FixedTokenProvider("secret-token"));

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("Hoi"));
        await harness.RunAsync(sent);

        Assert.Equal("Bearer secret-token", Assert.Single(harness.Server.Requests).Authorization);
    }

    [Fact]
    public async Task Send_WithoutAppId_SendsNoAuthorizationHeader()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var sent = harness.Connector.SendAsync(harness.Server.ServiceUrl, Group, ConnectorHarness.Message("Hoi"));
        await harness.RunAsync(sent);

        Assert.Null(Assert.Single(harness.Server.Requests).Authorization);
    }
}

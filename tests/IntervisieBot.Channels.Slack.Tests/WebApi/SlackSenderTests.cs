using IntervisieBot.Channels.Slack.Tests.Fakes;
using IntervisieBot.Channels.Slack.WebApi;
using IntervisieBot.Conversations;
using IntervisieBot.Conversations.Outbound;
using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Channels.Slack.Tests.WebApi;

/// <summary>Writing to Slack when Slack pushes back: 429, ok:false, the per-channel pace, removed channels.</summary>
public sealed class SlackSenderTests
{
    private static readonly ConversationAddress Group = new("slack", "slack", "C0GROUP", ConversationScope.Channel, FakeSlackApi.TeamId);
    private static readonly ConversationAddress Other = new("slack", "slack", "C0OTHER", ConversationScope.Channel, FakeSlackApi.TeamId);

    private static bool Posts(SlackCall call) => call.Method == "chat.postMessage";

    [Fact]
    public async Task Send_When429WithRetryAfter_WaitsThatLongAndPostsOnce()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Slack.Script(SlackAnswer.RateLimited(TimeSpan.FromSeconds(3)), Posts);

        var sent = harness.Messenger.SendAsync(Group, new OutgoingMessage("Hoi"));
        await harness.RunAsync(sent);

        var posts = harness.Slack.Calls.Where(Posts).ToList();
        Assert.Equal([429, 200], posts.Select(c => c.Status));
        Assert.Equal(TimeSpan.FromSeconds(3), posts[1].ArrivedAt - posts[0].ArrivedAt);
        var message = Assert.Single(harness.Slack.MessagesIn("C0GROUP"));
        Assert.Equal("Hoi", message["text"]!.GetValue<string>());
        Assert.Equal(message["ts"]!.GetValue<string>(), await sent);
    }

    [Fact]
    public async Task Send_When429AsksToWaitLongerThanTheLongestWait_GivesUpAtOnceInsteadOfStallingTheChannel()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Slack.Script(SlackAnswer.RateLimited(TimeSpan.FromMinutes(10)), Posts);

        var sent = harness.Messenger.SendAsync(Group, new OutgoingMessage("Hoi"));
        var error = Assert.IsType<SlackApiException>((await Assert.ThrowsAsync<MessageNotDeliveredException>(() => harness.RunAsync(sent))).InnerException);

        Assert.Equal(TimeSpan.FromMinutes(10), error.RetryAfter);
        Assert.Single(harness.Slack.Calls, Posts);
        Assert.Empty(harness.Slack.MessagesIn("C0GROUP"));
    }

    [Theory]
    [InlineData("service_unavailable")]
    [InlineData("ratelimited")]
    [InlineData("request_timeout")]
    public async Task Send_WhenSlackAnswersATransientCode_RetriesAndPostsOnce(string code)
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Slack.Script(SlackAnswer.NotOk(code), Posts);

        var sent = harness.Messenger.SendAsync(Group, new OutgoingMessage("Hoi"));
        await harness.RunAsync(sent);

        Assert.Equal([false, true], harness.Slack.Calls.Where(Posts).Select(c => c.Ok));
        Assert.Single(harness.Slack.MessagesIn("C0GROUP"));
    }

    [Fact]
    public async Task Send_WhenSlackAnswersInternalError_IsNotRepeated_BecauseItMayHavePosted()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Slack.Script(SlackAnswer.NotOk("internal_error"), Posts);

        var sent = harness.Messenger.SendAsync(Group, new OutgoingMessage("Hoi"));
        var error = await Assert.ThrowsAsync<SlackApiException>(() => harness.RunAsync(sent));

        Assert.Equal("internal_error", error.Error);
        Assert.Equal("chat.postMessage", error.Method);
        Assert.Single(harness.Slack.Calls, Posts);
    }

    [Fact]
    public async Task Update_WhenSlackAnswersInternalError_IsRepeated_BecauseAnUpdateCanBe()
    {
        await using var harness = await SenderHarness.StartAsync();
        var sent = harness.Messenger.SendAsync(Group, new OutgoingMessage("Vraag"));
        await harness.RunAsync(sent);
        harness.Slack.Script(SlackAnswer.NotOk("internal_error"), c => c.Method == "chat.update");

        var updated = harness.Messenger.UpdateAsync(Group, (await sent)!, new OutgoingMessage("Beantwoord"));
        await harness.RunAsync(updated);

        Assert.Equal([false, true], harness.Slack.Calls.Where(c => c.Method == "chat.update").Select(c => c.Ok));
        Assert.Equal("Beantwoord", Assert.Single(harness.Slack.MessagesIn("C0GROUP"))["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_WhenTheFailureIsNotTransient_SaysSlacksCode()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Slack.Script(SlackAnswer.NotOk("msg_too_long"), Posts);

        var sent = harness.Messenger.SendAsync(Group, new OutgoingMessage("Hoi"));
        var error = await Assert.ThrowsAsync<SlackApiException>(() => harness.RunAsync(sent));

        Assert.Equal("msg_too_long", error.Error);
        Assert.Contains("msg_too_long", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeSlackApi.BotToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_InOneChannel_GoOutInOrderAboutOneSecondApart_WhileAnotherChannelDoesNotWait()
    {
        await using var harness = await SenderHarness.StartAsync();

        var group = Enumerable.Range(1, 3).Select(i => harness.Messenger.SendAsync(Group, new OutgoingMessage("Bericht " + i))).ToList();
        var other = harness.Messenger.SendAsync(Other, new OutgoingMessage("Elders"));
        var all = Task.WhenAll([.. group, other]);
        await harness.RunAsync(all, () => all.IsCompleted ? 0 : 1);

        var posts = harness.Slack.Calls.Where(c => Posts(c) && c.String("channel") == "C0GROUP").ToList();
        Assert.Equal(["Bericht 1", "Bericht 2", "Bericht 3"], posts.Select(c => c.String("text")));
        Assert.Equal(TimeSpan.FromSeconds(1), posts[1].ArrivedAt - posts[0].ArrivedAt);
        Assert.Equal(TimeSpan.FromSeconds(1), posts[2].ArrivedAt - posts[1].ArrivedAt);
        var elsewhere = Assert.Single(harness.Slack.Calls, c => Posts(c) && c.String("channel") == "C0OTHER");
        Assert.Equal(posts[0].ArrivedAt, elsewhere.ArrivedAt);
    }

    [Fact]
    public async Task Messages_InOneChannel_WithTwoInstancesLive_GoOutTwoSecondsApart_SoTogetherTheyKeepToOneASecond()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Services.GetRequiredService<OutboundShare>().Counted(2);

        var group = Task.WhenAll(Enumerable.Range(1, 3).Select(i => harness.Messenger.SendAsync(Group, new OutgoingMessage("Bericht " + i))));
        await harness.RunAsync(group, () => group.IsCompleted ? 0 : 1);

        var posts = harness.Slack.Calls.Where(c => Posts(c) && c.String("channel") == "C0GROUP").ToList();
        Assert.Equal(TimeSpan.FromSeconds(2), posts[1].ArrivedAt - posts[0].ArrivedAt);
        Assert.Equal(TimeSpan.FromSeconds(2), posts[2].ArrivedAt - posts[1].ArrivedAt);
    }

    [Fact]
    public async Task ThrottlingAndRefusals_OnTheWay_LoseNothingAndDuplicateNothing()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Slack.Script(SlackAnswer.RateLimited(TimeSpan.FromSeconds(2)), Posts, times: 2);
        harness.Slack.Script(SlackAnswer.NotOk("service_unavailable"), Posts);
        harness.Slack.Script(new SlackAnswer(503, "service_unavailable"), Posts);

        var sends = Enumerable.Range(1, 5).Select(i => harness.Messenger.SendAsync(Group, new OutgoingMessage("Stap " + i))).ToList();
        var all = Task.WhenAll(sends);
        await harness.RunAsync(all);

        var shown = harness.Slack.MessagesIn("C0GROUP").Select(m => m["text"]!.GetValue<string>());
        Assert.Equal(["Stap 1", "Stap 2", "Stap 3", "Stap 4", "Stap 5"], shown);
        Assert.Equal(9, harness.Slack.Calls.Count(Posts));
    }

    [Fact]
    public async Task AnArchivedChannel_IsUnreachable_AndNotWrittenToAgain()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Slack.Script(SlackAnswer.NotOk("is_archived"), Posts);

        var first = harness.Messenger.SendAsync(Group, new OutgoingMessage("Hoi"));
        await Assert.ThrowsAsync<ConversationUnreachableException>(() => harness.RunAsync(first));
        var second = harness.Messenger.SendAsync(Group, new OutgoingMessage("Nog eens"));
        await Assert.ThrowsAsync<ConversationUnreachableException>(() => harness.RunAsync(second));

        Assert.Single(harness.Slack.Calls, Posts);
    }

    [Fact]
    public async Task TheMembers_AreEveryPageOfPeople_ByName_WithoutBots()
    {
        await using var harness = await SenderHarness.StartAsync();
        foreach (var name in new[] { "Anna", "Bram", "Cees" })
        {
            harness.Slack.AddUser("U0" + name.ToUpperInvariant(), name);
        }

        harness.Slack.AddUser("U0POLLY", "Polly", isBot: true);
        harness.Slack.SetMembers("C0GROUP", "U0ANNA", FakeSlackApi.BotUserId, "U0BRAM", "U0POLLY", "U0CEES");

        var members = harness.Messenger.GetMembersAsync(Group);
        await harness.RunAsync(members);

        Assert.Equal(["Anna", "Bram", "Cees"], (await members).Select(m => m.Name));
        Assert.Equal(3, harness.Slack.Calls.Count(c => c.Method == "conversations.members"));
    }

    [Fact]
    public async Task APrivateMessage_OpensTheMembersDirectMessageOnce()
    {
        await using var harness = await SenderHarness.StartAsync();
        var anna = new Participant("U0ANNA", "Anna");

        var first = harness.Messenger.SendPrivateAsync(Group, anna, new OutgoingMessage("Jouw vraag?"));
        await harness.RunAsync(first);
        var second = harness.Messenger.SendPrivateAsync(Group, anna, new OutgoingMessage("Dank je"));
        await harness.RunAsync(second);

        Assert.Single(harness.Slack.Calls, c => c.Method == "conversations.open");
        Assert.Equal(["Jouw vraag?", "Dank je"], harness.Slack.MessagesIn("DU0ANNA").Select(m => m["text"]!.GetValue<string>()));
    }
}

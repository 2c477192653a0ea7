using System.Text.Json.Nodes;
using IntervisieBot.Channels.Slack.Tests.Fakes;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Tests.Slack;

namespace IntervisieBot.Tests.Privacy;

/// <summary>"vergeet" in a Slack channel, over HTTP as Slack sends it: the request is announced, and erasing at once (the one who asked is the only one left) leaves no row of the channel.</summary>
public sealed class ForgetInSlackTests : IAsyncLifetime
{
    private const string Channel = SlackChannelChat.Channel;
    private SlackChannelChat _chat = null!;

    public async Task InitializeAsync() => _chat = await SlackChannelChat.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    private Task GroupAsync(string who, string text) => _chat.GroupAsync(who, text);

    /// <summary>Presses the button titled <paramref name="title"/> of the message <paramref name="ts"/>; returns that message afterwards.</summary>
    private async Task<JsonObject> PressAsync(string who, string ts, string title)
    {
        var message = _chat.Slack.MessagesIn(Channel).Single(m => m["ts"]!.GetValue<string>() == ts);
        var button = message["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray()
            .Single(b => b!["text"]!["text"]!.GetValue<string>() == title)!.AsObject();
        await _chat.InteractAsync(SlackRequests.ButtonPress(SlackChannelChat.Id(who), Channel, ts, SlackRequests.Pressed(button)));
        return _chat.Slack.MessagesIn(Channel).Single(m => m["ts"]!.GetValue<string>() == ts);
    }

    [Fact]
    public async Task Forget_ConfirmedTwice_InASlackChannel_LeavesNoRowOfTheChannel()
    {
        await GroupAsync("Anna", "start incidentmethode");
        await GroupAsync("Cees", "Anna");
        await GroupAsync("Cees", "Bram");
        await GroupAsync("Cees", "iedereen");
        Assert.Contains(RawRows.Read(_chat.Folder.File("bot.db")), r => r.Mentions(Channel));

        await GroupAsync("Eva", "vergeet");
        var ts = _chat.Slack.MessagesIn(Channel)[^1]["ts"]!.GetValue<string>();
        var announcement = await PressAsync("Eva", ts, "Ja, alles wissen");
        Assert.Contains("Eva heeft gevraagd alles van deze groep te wissen", announcement.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(RawRows.Read(_chat.Folder.File("bot.db")), r => r.Mentions(Channel));

        // Everyone else has left the channel, so the one who asked may erase at once instead of after the grace period.
        _chat.Slack.SetMembers(Channel, [FakeSlackApi.BotUserId, SlackChannelChat.Id("Eva")]);
        var done = await PressAsync("Eva", ts, "Nu wissen");

        Assert.Contains("Alles van deze groep is gewist", done.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(RawRows.Read(_chat.Folder.File("bot.db")), r => r.Mentions(Channel));
    }
}

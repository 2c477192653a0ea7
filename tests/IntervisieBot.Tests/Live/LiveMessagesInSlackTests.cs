using System.Text.Json.Nodes;
using IntervisieBot.Channels.Slack.Tests.Fakes;
using IntervisieBot.Tests.Slack;

namespace IntervisieBot.Tests.Live;

/// <summary>
/// Live cards and answers to the presser alone in a Slack channel, over HTTP against the fake Web API: the live card is
/// posted once and then changed with <c>chat.update</c>; a refused press is an ephemeral message to the presser.
/// </summary>
public sealed class LiveMessagesInSlackTests : IAsyncLifetime
{
    private const string Channel = SlackChannelChat.Channel;
    private SlackChannelChat _chat = null!;

    public async Task InitializeAsync() => _chat = await SlackChannelChat.StartAsync(LiveTestCard.AddTo);

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task LiveCard_IsPostedOnce_ThenChangedWithChatUpdate()
    {
        await PressAsync("Anna", "show", "Stap 1 van 5");
        var ts = _chat.Slack.Succeeded.Single(c => c.Method == "chat.postMessage").Answer["ts"]!.GetValue<string>();

        await PressAsync("Bram", "show", "Stap 2 van 5");
        await PressAsync("Anna", "show", "Stap 3 van 5");

        var updates = _chat.Slack.Succeeded.Where(c => c.Method == "chat.update").ToList();
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.Equal((Channel, ts), (u.String("channel"), u.String("ts"))));
        var card = Assert.Single(_chat.Slack.MessagesIn(Channel)).ToJsonString();
        Assert.Contains("Stap 3 van 5", card, StringComparison.Ordinal);
        Assert.Contains("Volgende", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveCard_DeletedInSlack_IsPostedAnew_AndTheNewOneIsChangedAfter()
    {
        await PressAsync("Anna", "show", "Stap 1 van 5");
        _chat.Slack.Script(SlackAnswer.NotOk("message_not_found"), c => c.Method == "chat.update");

        await PressAsync("Anna", "show", "Stap 2 van 5");
        await PressAsync("Anna", "show", "Stap 3 van 5");

        var posts = _chat.Slack.Succeeded.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.Equal(2, posts.Count);
        var update = Assert.Single(_chat.Slack.Succeeded, c => c.Method == "chat.update");
        Assert.Equal(posts[1].Answer["ts"]!.GetValue<string>(), update.String("ts"));
        Assert.Contains("Stap 3 van 5", _chat.Slack.MessagesIn(Channel)[^1].ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedPress_IsAnEphemeralMessageToThePresser_NeverAMessageInTheChannel()
    {
        await PressAsync("Cees", "stale", "Deze knop hoort bij een eerdere stap.");

        var answer = Assert.Single(_chat.Slack.Succeeded, c => c.Method == "chat.postEphemeral");
        Assert.Equal((Channel, SlackChannelChat.Id("Cees")), (answer.String("channel"), answer.String("user")));
        Assert.Equal("Deze knop hoort bij een eerdere stap.", answer.String("text"));
        Assert.DoesNotContain(_chat.Slack.Calls, c => c.Method == "chat.postMessage");
    }

    /// <summary>A member presses a button of the test card, on a message of the channel.</summary>
    private Task PressAsync(string who, string action, string text)
    {
        var data = new JsonObject(LiveTestCard.Press(action, text).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
        var button = new JsonObject
        {
            ["action_id"] = IntervisieBot.Channels.Slack.BlockKit.BlockKitRenderer.ButtonActionPrefix + "0",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = action },
            ["value"] = data.ToJsonString(),
        };
        return _chat.InteractAsync(SlackRequests.ButtonPress(SlackChannelChat.Id(who), Channel, "1767600000.000001", SlackRequests.Pressed(button)));
    }
}

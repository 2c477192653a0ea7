using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.Slack.Tests.Fakes;
using IntervisieBot.Conversations;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Testing;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.Privacy;

/// <summary>"vergeet" in a Slack channel, over HTTP as Slack sends it: two presses, and no row of the channel remains.</summary>
public sealed class ForgetInSlackTests : IAsyncLifetime
{
    private const string Channel = "C0INTERVISIE";
    private static readonly string[] Names = ["Anna", "Bram", "Cees", "Dewi", "Eva"];
    private readonly TempDirectory _folder = new();
    private FakeSlackApi _slack = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;
    private int _events;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        foreach (var name in Names)
        {
            _slack.AddUser(Id(name), name, "nl-NL");
        }

        _slack.SetMembers(Channel, [FakeSlackApi.BotUserId, .. Names.Select(Id)]);
        _bot = new BotFactory(_folder.File("bot.db"))
            .With("Slack:SigningSecret", SlackRequests.SigningSecret)
            .With("Slack:BotToken", FakeSlackApi.BotToken)
            .With("Slack:ApiBaseUrl", _slack.BaseUrl)
            .With("Slack:MessageInterval", "00:00:00");
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
        _folder.Dispose();
    }

    private static string Id(string name) => "U0" + name.ToUpperInvariant();

    private async Task GroupAsync(string who, string text)
    {
        var id = "Ev" + Interlocked.Increment(ref _events).ToString("D4", CultureInfo.InvariantCulture);
        var ts = "1767600000." + _events.ToString("D6", CultureInfo.InvariantCulture);
        using var request = SlackRequests.Event(
            SlackRequests.MessageEvent(id, "app_mention", Id(who), Channel, "<@" + FakeSlackApi.BotUserId + "> " + text, ts), TimeProvider.System.GetUtcNow());
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _bot.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();
    }

    /// <summary>Presses the button titled <paramref name="title"/> of the message <paramref name="ts"/>; returns that message afterwards.</summary>
    private async Task<JsonObject> PressAsync(string who, string ts, string title)
    {
        var message = _slack.MessagesIn(Channel).Single(m => m["ts"]!.GetValue<string>() == ts);
        var button = message["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray()
            .Single(b => b!["text"]!["text"]!.GetValue<string>() == title)!.AsObject();
        using var request = SlackRequests.Interaction(SlackRequests.ButtonPress(Id(who), Channel, ts, SlackRequests.Pressed(button)), TimeProvider.System.GetUtcNow());
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _bot.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();
        return _slack.MessagesIn(Channel).Single(m => m["ts"]!.GetValue<string>() == ts);
    }

    [Fact]
    public async Task Forget_ConfirmedTwice_InASlackChannel_LeavesNoRowOfTheChannel()
    {
        await GroupAsync("Anna", "start incidentmethode");
        await GroupAsync("Cees", "Anna");
        await GroupAsync("Cees", "Bram");
        await GroupAsync("Cees", "iedereen");
        Assert.Contains(RawRows.Read(_folder.File("bot.db")), r => r.Mentions(Channel));

        await GroupAsync("Eva", "vergeet");
        var ts = _slack.MessagesIn(Channel)[^1]["ts"]!.GetValue<string>();
        var lastCheck = await PressAsync("Eva", ts, "Ja, alles wissen");
        Assert.Contains("Definitief wissen", lastCheck.ToJsonString(), StringComparison.Ordinal);
        var done = await PressAsync("Eva", ts, "Definitief wissen");

        Assert.Contains("Alles van deze groep is gewist", done.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(RawRows.Read(_folder.File("bot.db")), r => r.Mentions(Channel));
    }
}

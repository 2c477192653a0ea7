using System.Globalization;
using System.Net;
using IntervisieBot.Channels.Slack.Tests.Fakes;
using IntervisieBot.Conversations;
using IntervisieBot.Testing;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.Slack;

/// <summary>
/// Five members run the Incidentmethode in a Slack channel from start to record, every turn over HTTP as Slack sends
/// it (signed events, mentions of the bot), with the private contributions in their direct messages with the bot.
/// </summary>
public sealed class IncidentSessionInSlackTests : IAsyncLifetime
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

    /// <summary>In the channel, mentioning the bot: Slack sends it as <c>app_mention</c>.</summary>
    private Task GroupAsync(string who, string text) =>
        PostAsync(SlackRequests.MessageEvent(NextId(), "app_mention", Id(who), Channel, "<@" + FakeSlackApi.BotUserId + "> " + text, NextTs()));

    /// <summary>In the member's direct message with the bot: <c>message.im</c>.</summary>
    private Task PrivateAsync(string who, string text) =>
        PostAsync(SlackRequests.MessageEvent(NextId(), "message", Id(who), "D" + Id(who), text, NextTs(), "im"));

    private async Task PostAsync(string body)
    {
        using var request = SlackRequests.Event(body, TimeProvider.System.GetUtcNow());
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _bot.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();
    }

    private string NextId() => "Ev" + Interlocked.Increment(ref _events).ToString("D4", CultureInfo.InvariantCulture);

    private string NextTs() => "1767600000." + _events.ToString("D6", CultureInfo.InvariantCulture);

    private string LastGroupMessage() => _slack.MessagesIn(Channel)[^1].ToJsonString();

    [Fact]
    public async Task FiveMembersRunTheIncidentMethod_FromStartToRecord()
    {
        await GroupAsync("Anna", "start incidentmethode");
        Assert.Contains("Wie brengt vandaag de casus in?", LastGroupMessage(), StringComparison.Ordinal);
        await GroupAsync("Cees", "Anna");
        await GroupAsync("Cees", "Bram");
        Assert.Contains("Wie is er verder bij?", LastGroupMessage(), StringComparison.Ordinal);
        await GroupAsync("Cees", "iedereen");
        Assert.Contains("Stap 1 van 5", LastGroupMessage(), StringComparison.Ordinal);

        await GroupAsync("Bram", "volgende");
        foreach (var speaker in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            await GroupAsync(speaker, "klaar");
        }

        await GroupAsync("Bram", "volgende");
        Assert.Equal(4, _slack.Succeeded.Count(c => c.Method == "conversations.open"));
        foreach (var member in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            Assert.NotEmpty(_slack.MessagesIn("D" + Id(member)));
            await PrivateAsync(member, $"{member} zag spanning");
            await PrivateAsync(member, $"{member} hoorde twijfel");
        }

        Assert.Empty(_slack.MessagesIn("D" + Id("Anna")));
        await GroupAsync("Bram", "volgende");
        Assert.Contains(_slack.MessagesIn(Channel), m => m.ToJsonString().Contains("Dewi hoorde twijfel (Dewi)", StringComparison.Ordinal));

        await GroupAsync("Bram", "volgende");
        await GroupAsync("Anna", "Ik vermijd spanning.");
        await GroupAsync("Bram", "volgende");
        await GroupAsync("Anna", "Ik zeg te snel ja.");
        await GroupAsync("Anna", "Ik bespreek het deze week met mijn teamleider.");
        await GroupAsync("Cees", "8");
        await GroupAsync("Bram", "volgende");

        Assert.Contains("Ik bespreek het deze week met mijn teamleider.", _slack.MessagesIn(Channel)[^2].ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Tweede casus", LastGroupMessage(), StringComparison.Ordinal);
        await GroupAsync("Eva", "verslag");
        Assert.Contains("Verslag: Incidentmethode", LastGroupMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(_slack.Calls, c => !c.Ok);
    }

    [Fact]
    public async Task ThePressOfACardButton_AnswersTheQuestion_AndTheCardLosesItsButtons()
    {
        await GroupAsync("Anna", "start incidentmethode");
        var question = _slack.MessagesIn(Channel)[^1];
        var buttons = question["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray();
        var anna = buttons.Single(b => b!["text"]!["text"]!.GetValue<string>() == "Anna")!.AsObject();

        using var request = SlackRequests.Interaction(
            SlackRequests.ButtonPress(Id("Cees"), Channel, question["ts"]!.GetValue<string>(), SlackRequests.Pressed(anna)), TimeProvider.System.GetUtcNow());
        using var response = await _client.SendAsync(request);
        await _bot.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answered = _slack.MessagesIn(Channel).Single(m => m["ts"]!.GetValue<string>() == question["ts"]!.GetValue<string>());
        Assert.DoesNotContain(answered["blocks"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "actions");
        Assert.Contains("Gekozen door Cees: Anna", answered.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Wie leidt het gesprek?", LastGroupMessage(), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Dialogs;
using IntervisieBot.Testing;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.BotFramework;

/// <summary>A Teams group runs the Incidentmethode from start to record, every turn over HTTP like Teams sends it.</summary>
public sealed class IncidentSessionOverHttpTests : IAsyncLifetime
{
    private static readonly string[] Names = ["Anna", "Bram", "Cees", "Dewi", "Eva"];
    private readonly TempDirectory _folder = new();
    private FakeConnectorServer _connector = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnectorServer.StartAsync();
        _connector.SetMembers(TeamsFixture.GroupChatId, [.. Names.Select(n => new ChannelAccount(Id(n), n))]);
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

    private static string Id(string name) => "29:1" + name + "-teams-user-id";

    /// <summary>A group-chat message from <paramref name="who"/>, mentioning the bot as Teams does.</summary>
    private async Task GroupAsync(string who, string text)
    {
        var activity = JsonNode.Parse(TeamsFixture.Load("groupchat-message-with-mention", _connector.ServiceUrl))!;
        activity["text"] = "<at>IntervisieBot</at> " + text;
        activity["from"] = new JsonObject { ["id"] = Id(who), ["name"] = who };
        activity["id"] = Guid.NewGuid().ToString("N");
        await PostAsync(activity.ToJsonString());
    }

    private async Task PrivateAsync(string who, string text)
    {
        var activity = JsonNode.Parse(TeamsFixture.Load("personal-message", _connector.ServiceUrl))!;
        activity["text"] = text;
        activity["from"] = new JsonObject { ["id"] = Id(who), ["name"] = who };
        activity["conversation"]!["id"] = "a:personal-" + who;
        activity["locale"] = "nl-NL";
        await PostAsync(activity.ToJsonString());
    }

    private async Task PostAsync(string json)
    {
        using var response = await TeamsFixture.PostAsync(_client, json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _bot.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();
    }

    private string LastGroupText() =>
        _connector.Delivered.Last(r => r.ConversationId == TeamsFixture.GroupChatId && r.Method == "POST").Body;

    [Fact]
    public async Task AGroupRunsTheIncidentMethod_FromStartToRecord()
    {
        await GroupAsync("Anna", "start incidentmethode");
        Assert.Contains("Wie brengt vandaag de casus in?", LastGroupText(), StringComparison.Ordinal);
        await GroupAsync("Cees", "Anna");
        await GroupAsync("Cees", "Bram");
        Assert.Contains("Wie is er verder bij?", LastGroupText(), StringComparison.Ordinal);
        await GroupAsync("Cees", "iedereen");
        Assert.Contains("Stap 1 van 5", LastGroupText(), StringComparison.Ordinal);

        await GroupAsync("Bram", "volgende");
        foreach (var speaker in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            await GroupAsync(speaker, "klaar");
        }

        await GroupAsync("Bram", "volgende");
        var opened = _connector.Delivered.Count(r => r.Method == "POST" && r.ConversationId is null);
        Assert.Equal(4, opened);
        foreach (var member in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            await PrivateAsync(member, $"{member} zag spanning");
            await PrivateAsync(member, $"{member} hoorde twijfel");
        }

        await GroupAsync("Bram", "volgende");
        Assert.Contains(_connector.Delivered, r => r.ConversationId == TeamsFixture.GroupChatId && r.Body.Contains("Dewi hoorde twijfel (Dewi)", StringComparison.Ordinal));

        await GroupAsync("Bram", "volgende");
        await GroupAsync("Anna", "Ik vermijd spanning.");
        await GroupAsync("Anna", "Ik bespreek het deze week met mijn teamleider.");
        // The last takeaway in the method's harvest step is the insight and the action, so the close goes straight to
        // the rating.
        await GroupAsync("Bram", "volgende");
        await GroupAsync("Cees", "8");
        await GroupAsync("Bram", "volgende");

        var closing = _connector.Delivered.Where(r => r.ConversationId == TeamsFixture.GroupChatId && r.Method == "POST").TakeLast(2).Select(r => r.Body).ToList();
        Assert.Contains("Ik bespreek het deze week met mijn teamleider.", closing[0], StringComparison.Ordinal);
        Assert.Contains("Tweede casus", closing[1], StringComparison.Ordinal);
        await GroupAsync("Eva", "verslag");
        Assert.Contains("Verslag: Incidentmethode", LastGroupText(), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Testing;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.BotFramework;

/// <summary>A Teams group chat sets the group up, from the welcome's button to the summary, every turn over HTTP.</summary>
public sealed partial class GroupSetUpOverHttpTests : IAsyncLifetime
{
    private static readonly string[] Names = ["Anna", "Bram", "Cees", "Dewi"];
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

    private async Task<HttpResponseMessage> PostAsync(JsonNode activity)
    {
        var response = await TeamsFixture.PostAsync(_client, activity.ToJsonString());
        await _bot.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();
        return response;
    }

    private async Task GroupAsync(string who, string text)
    {
        var activity = JsonNode.Parse(TeamsFixture.Load("groupchat-message-with-mention", _connector.ServiceUrl))!;
        activity["text"] = "<at>IntervisieBot</at> " + text;
        activity["from"] = new JsonObject { ["id"] = Id(who), ["name"] = who };
        activity["id"] = Guid.NewGuid().ToString("N");
        using var response = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private string LastGroupBody() =>
        _connector.Delivered.Last(r => r.ConversationId == TeamsFixture.GroupChatId && r.Method == "POST").Body;

    [Fact]
    public async Task AGroupIsSetUp_FromTheWelcomesButton_ToTheSummaryWithTheNextMeetings()
    {
        using (var added = await PostAsync(JsonNode.Parse(TeamsFixture.Load("bot-added-to-groupchat", _connector.ServiceUrl))!))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        var welcome = LastGroupBody();
        Assert.Contains("Groep instellen / Set up the group", welcome, StringComparison.Ordinal);
        var press = JsonNode.Parse(TeamsFixture.Load("adaptive-card-action-invoke", _connector.ServiceUrl))!;
        press["from"] = new JsonObject { ["id"] = Id("Anna"), ["name"] = "Anna" };
        press["locale"] = "nl-NL";
        press["value"]!["action"]!["data"] = new JsonObject { ["action"] = "setup", ["card"] = "welcome", ["command"] = "instellen" };
        using (var pressed = await PostAsync(press))
        {
            Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
            Assert.DoesNotContain("Groep instellen", await pressed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("Hoe heet jullie groep?", LastGroupBody(), StringComparison.Ordinal);
        foreach (var answer in new[] { "Team Noord", "nederlands", "om de 4 weken", "dinsdag", "19:30", "standaard", "90" })
        {
            await GroupAsync("Anna", answer);
        }

        // The first date is whatever Tuesday comes next on the real calendar: take the first one the bot suggests.
        var firstDate = SuggestedDate().Match(LastGroupBody()).Groups["date"].Value;
        Assert.NotEmpty(firstDate);
        foreach (var answer in new[] { firstDate, "iedereen", "nee", "wisselt", "ja" })
        {
            await GroupAsync("Anna", answer);
        }

        var summary = Regex.Unescape(LastGroupBody());
        Assert.Contains("Team Noord is ingesteld", summary, StringComparison.Ordinal);
        Assert.Contains(firstDate + " · 19:30", summary, StringComparison.Ordinal);
        Assert.Contains("Casusinbrenger: **Anna** · gespreksleider: **Bram**", summary, StringComparison.Ordinal);
        var group = await _bot.Services.GetRequiredService<GroupStore>().GetAsync(
            new ConversationAddress("bf", "msteams", TeamsFixture.GroupChatId, ConversationScope.GroupChat, TeamsFixture.TenantId));
        Assert.Equal(Names, group!.Roster.Members.Select(m => m.Name));
        Assert.Equal(6, group.Agreements.Count);
    }

    [GeneratedRegex("\"title\":\"(?<date>dinsdag \\d{1,2} [a-z]+ \\d{4})\"")]
    private static partial Regex SuggestedDate();
}

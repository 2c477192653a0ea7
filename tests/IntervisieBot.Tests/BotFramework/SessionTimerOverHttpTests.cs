using System.Net;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Dialogs;
using IntervisieBot.Scheduling;
using IntervisieBot.Testing;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.BotFramework;

/// <summary>
/// A Teams group in a timed step: while nobody writes, the bot tells the group over the connector how much time is
/// left and when it is up, as Teams would show it. The host runs on a fake clock; the test ticks its scheduler.
/// </summary>
public sealed class SessionTimerOverHttpTests : IAsyncLifetime
{
    private static readonly string[] Names = ["Anna", "Bram", "Cees", "Dewi"];
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 18, 30, 0, TimeSpan.Zero));
    private FakeConnectorServer _connector = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnectorServer.StartAsync();
        _connector.SetMembers(TeamsFixture.GroupChatId, [.. Names.Select(n => new ChannelAccount(Id(n), n))]);
        _bot = new BotFactory(_folder.File("bot.db")).WithServices(services => services.AddSingleton<TimeProvider>(_time));
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

    /// <summary>A group-chat message from <paramref name="who"/>, a few seconds after the previous one (people type at that pace).</summary>
    private async Task GroupAsync(string who, string text)
    {
        _time.Advance(TimeSpan.FromSeconds(3));
        var activity = JsonNode.Parse(TeamsFixture.Load("groupchat-message-with-mention", _connector.ServiceUrl))!;
        activity["text"] = "<at>IntervisieBot</at> " + text;
        activity["from"] = new JsonObject { ["id"] = Id(who), ["name"] = who };
        activity["id"] = Guid.NewGuid().ToString("N");
        using var response = await TeamsFixture.PostAsync(_client, activity.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _bot.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();
    }

    /// <summary>Nobody writes for <paramref name="span"/>; the scheduler ticks every 30 seconds. Returns what reached the group meanwhile.</summary>
    private async Task<List<string>> SilenceAsync(TimeSpan span)
    {
        var before = _connector.Delivered.Count;
        var scheduler = _bot.Services.GetRequiredService<SchedulerService>();
        for (var waited = TimeSpan.Zero; waited < span; waited += TimeSpan.FromSeconds(30))
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            await scheduler.TickAsync();
        }

        return _connector.Delivered.Skip(before).Where(r => r.ConversationId == TeamsFixture.GroupChatId && r.Method == "POST").Select(r => r.Body).ToList();
    }

    [Fact]
    public async Task TheTimeUpOfASilentStep_ReachesTheGroupWithNobodyTyping()
    {
        await GroupAsync("Anna", "start vrije intervisie");
        await GroupAsync("Anna", "ja");
        await GroupAsync("Cees", "Anna");
        await GroupAsync("Cees", "Bram");
        await GroupAsync("Cees", "iedereen");
        await GroupAsync("Bram", "volgende");
        Assert.Contains("Stap 2 van 6", _connector.Delivered[^1].Body, StringComparison.Ordinal);

        var left = Assert.Single(await SilenceAsync(TimeSpan.FromMinutes(2)));
        var up = Assert.Single(await SilenceAsync(TimeSpan.FromMinutes(1)));

        Assert.Contains("Nog 1 minuut voor deze stap.", left, StringComparison.Ordinal);
        Assert.Contains("De tijd voor deze stap (3 min) is om.", up, StringComparison.Ordinal);
        Assert.Contains("application/vnd.microsoft.card.adaptive", up, StringComparison.Ordinal);
        Assert.Empty(await SilenceAsync(TimeSpan.FromMinutes(10)));
    }
}

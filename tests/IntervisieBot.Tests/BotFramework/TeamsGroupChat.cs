using System.Net;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Dialogs;
using IntervisieBot.Testing;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.BotFramework;

/// <summary>
/// A Teams group chat with five members and the bot, over HTTP as Teams sends it to the real host, with a fake Bot
/// Connector on 127.0.0.1; each call returns once the bot has handled it.
/// </summary>
public sealed class TeamsGroupChat : IAsyncDisposable
{
    public static readonly string[] Names = ["Anna", "Bram", "Cees", "Dewi", "Eva"];

    private TeamsGroupChat()
    {
    }

    public TempDirectory Folder { get; } = new();

    public FakeConnectorServer Connector { get; private set; } = null!;

    public BotFactory Bot { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Starts the connector and the host; <paramref name="services"/> adds to or replaces the host's services.</summary>
    public static async Task<TeamsGroupChat> StartAsync(Action<IServiceCollection>? services = null)
    {
        var chat = new TeamsGroupChat { Connector = await FakeConnectorServer.StartAsync() };
        chat.Connector.SetMembers(TeamsFixture.GroupChatId, [.. Names.Select(n => new ChannelAccount(Id(n), n))]);
        chat.Bot = new BotFactory(chat.Folder.File("bot.db")).WithServices(services ?? (_ => { }));
        chat.Client = chat.Bot.CreateClient();
        return chat;
    }

    public static string Id(string name) => "29:1" + name + "-teams-user-id";

    /// <summary>The member's personal chat with the bot.</summary>
    public static string PersonalChat(string name) => "a:personal-" + name;

    /// <summary>A group-chat message from <paramref name="who"/>, mentioning the bot as Teams does.</summary>
    public async Task GroupAsync(string who, string text)
    {
        var activity = Activity("groupchat-message-with-mention", who);
        activity["text"] = "<at>IntervisieBot</at> " + text;
        using var response = await PostAsync(activity);
    }

    /// <summary>A message from <paramref name="who"/> in their personal chat with the bot.</summary>
    public async Task PrivateAsync(string who, string text)
    {
        var activity = Personal("personal-message", who);
        activity["text"] = text;
        using var response = await PostAsync(activity);
    }

    /// <summary>The fixture's activity, sent by <paramref name="who"/>, with a new id.</summary>
    public JsonNode Activity(string fixture, string who)
    {
        var activity = JsonNode.Parse(TeamsFixture.Load(fixture, Connector.ServiceUrl))!;
        activity["from"] = new JsonObject { ["id"] = Id(who), ["name"] = who };
        activity["id"] = Guid.NewGuid().ToString("N");
        return activity;
    }

    /// <summary>The fixture's activity, sent by <paramref name="who"/> in their personal chat with the bot, in Dutch.</summary>
    public JsonNode Personal(string fixture, string who)
    {
        var activity = Activity(fixture, who);
        activity["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TeamsFixture.TenantId, ["id"] = PersonalChat(who) };
        activity["locale"] = "nl-NL";
        return activity;
    }

    /// <summary>Posts the activity as Teams does, and waits until the bot has handled it.</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonNode activity)
    {
        var response = await TeamsFixture.PostAsync(Client, activity.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Bot.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        Folder.Dispose();
    }
}

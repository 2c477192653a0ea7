using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.Slack.Tests.Fakes;
using IntervisieBot.Dialogs;
using IntervisieBot.Testing;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.Slack;

/// <summary>
/// A Slack channel with five members and the bot, over HTTP as Slack sends it (signed events and interactions) to the
/// real host, with a fake Slack Web API on 127.0.0.1; each call returns once the bot has handled it.
/// </summary>
public sealed class SlackChannelChat : IAsyncDisposable
{
    public const string Channel = "C0INTERVISIE";
    public static readonly string[] Names = ["Anna", "Bram", "Cees", "Dewi", "Eva"];
    private HttpClient _client = null!;
    private int _events;

    private SlackChannelChat()
    {
    }

    public TempDirectory Folder { get; } = new();

    public FakeSlackApi Slack { get; private set; } = null!;

    public BotFactory Bot { get; private set; } = null!;

    public HttpClient Client => _client;

    /// <summary>Starts the channel and the host; <paramref name="services"/> adds to or replaces the host's services.</summary>
    public static async Task<SlackChannelChat> StartAsync(Action<IServiceCollection>? services = null)
    {
        var chat = new SlackChannelChat { Slack = await FakeSlackApi.StartAsync() };
        foreach (var name in Names)
        {
            chat.Slack.AddUser(Id(name), name, "nl-NL");
        }

        chat.Slack.SetMembers(Channel, [FakeSlackApi.BotUserId, .. Names.Select(Id)]);
        chat.Bot = new BotFactory(chat.Folder.File("bot.db"))
            .With("Slack:SigningSecret", SlackRequests.SigningSecret)
            .With("Slack:BotToken", FakeSlackApi.BotToken)
            .With("Slack:ApiBaseUrl", chat.Slack.BaseUrl)
            .With("Slack:MessageInterval", "00:00:00")
            .WithServices(services ?? (_ => { }));
        chat._client = chat.Bot.CreateClient();
        return chat;
    }

    public static string Id(string name) => "U0" + name.ToUpperInvariant();

    /// <summary>The member's direct message with the bot.</summary>
    public static string Dm(string name) => "D" + Id(name);

    /// <summary>In the channel, mentioning the bot: Slack sends it as <c>app_mention</c>.</summary>
    public Task GroupAsync(string who, string text) =>
        PostAsync(SlackRequests.MessageEvent(NextId(), "app_mention", Id(who), Channel, "<@" + FakeSlackApi.BotUserId + "> " + text, NextTs()));

    /// <summary>In the member's direct message with the bot: <c>message.im</c>.</summary>
    public Task PrivateAsync(string who, string text) =>
        PostAsync(SlackRequests.MessageEvent(NextId(), "message", Id(who), Dm(who), text, NextTs(), "im"));

    public Task InteractAsync(JsonObject payload) => SendAsync(SlackRequests.Interaction(payload, TimeProvider.System.GetUtcNow()));

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
        Folder.Dispose();
    }

    private Task PostAsync(string body) => SendAsync(SlackRequests.Event(body, TimeProvider.System.GetUtcNow()));

    private async Task SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Bot.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();
    }

    private string NextId() => "Ev" + Interlocked.Increment(ref _events).ToString("D4", CultureInfo.InvariantCulture);

    private string NextTs() => "1767600000." + _events.ToString("D6", CultureInfo.InvariantCulture);
}

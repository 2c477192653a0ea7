using IntervisieBot.Conversations;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntervisieBot.Channels.Slack.Tests.Fakes;

/// <summary>
/// The Slack channel as the host wires it (embedded store in a temporary folder, the bot's conversations, the
/// channel's endpoints) on Kestrel at 127.0.0.1, talking to a <see cref="FakeSlackApi"/>. A test can put its own
/// bot behind the channel and its own clock under it.
/// </summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();
    private WebApplication _app = null!;

    private SlackTestHost(FakeSlackApi slack, TimeProvider clock)
    {
        Slack = slack;
        Clock = clock;
    }

    public FakeSlackApi Slack { get; }

    public TimeProvider Clock { get; }

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    public ITableServiceClient Tables => Services.GetRequiredService<ITableServiceClient>();

    public static async Task<SlackTestHost> StartAsync(
        IBot? bot = null, TimeProvider? clock = null, IDictionary<string, string?>? settings = null, FakeSlackApi? slack = null)
    {
        var host = new SlackTestHost(slack ?? await FakeSlackApi.StartAsync(clock), clock ?? TimeProvider.System);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var values = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = host._folder.File("bot.db"),
            ["Privacy:LocalKeyPath"] = host._folder.File("keys"),
            ["Slack:SigningSecret"] = SlackRequests.SigningSecret,
            ["Slack:BotToken"] = FakeSlackApi.BotToken,
            ["Slack:ApiBaseUrl"] = host.Slack.BaseUrl,
            ["Slack:MessageInterval"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSingleton(host.Clock);
        builder.Services.AddStorage();
        builder.Services.AddConversations();
        builder.Services.AddSlackChannel(builder.Configuration);
        builder.Services.Configure<SlackOptions>(o => o.Randomizer = () => 0.5);
        if (bot is not null)
        {
            builder.Services.AddSingleton(bot);
        }

        host._app = builder.Build();
        host._app.MapSlack();
        await host._app.StartAsync();
        var address = host._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        host.Client = new HttpClient { BaseAddress = new Uri(address) };
        return host;
    }

    /// <summary>Sends a request and waits until every turn it queued has run.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            var response = await Client.SendAsync(request);
            await Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();
            return response;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Slack.DisposeAsync();
        _folder.Dispose();
    }
}

/// <summary>A bot that only remembers the turns it was given.</summary>
public sealed class RecordingBot : IBot
{
    private readonly List<IncomingTurn> _turns = [];

    public IReadOnlyList<IncomingTurn> Turns
    {
        get
        {
            lock (_turns)
            {
                return [.. _turns];
            }
        }
    }

    public Func<ITurnContext, CancellationToken, Task>? OnTurn { get; set; }

    public async Task OnTurnAsync(ITurnContext context, CancellationToken cancellationToken = default)
    {
        lock (_turns)
        {
            _turns.Add(context.Turn);
        }

        if (OnTurn is not null)
        {
            await OnTurn(context, cancellationToken);
        }
    }
}

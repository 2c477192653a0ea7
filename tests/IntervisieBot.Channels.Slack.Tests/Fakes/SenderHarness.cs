using IntervisieBot.Storage;
using IntervisieBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace IntervisieBot.Channels.Slack.Tests.Fakes;

/// <summary>
/// The Slack channel's outbound side as the host registers it, on a fake clock with fixed jitter, writing to a
/// <see cref="FakeSlackApi"/> that reads the same clock; the store is SQLite in a temporary folder. No hosted service
/// runs, so the only timers on the clock are the sender's own waits.
/// </summary>
internal sealed class SenderHarness : IAsyncDisposable
{
    private readonly TempDirectory _folder;

    private SenderHarness(FakeTimeProvider clock, FakeSlackApi slack, ServiceProvider services, TempDirectory folder)
    {
        Clock = clock;
        Slack = slack;
        Services = services;
        _folder = folder;
    }

    public FakeTimeProvider Clock { get; }

    public FakeSlackApi Slack { get; }

    public ServiceProvider Services { get; }

    public SlackMessenger Messenger => Services.GetRequiredService<SlackMessenger>();

    public static async Task<SenderHarness> StartAsync(Action<SlackOptions>? configure = null)
    {
        var clock = new FakeTimeProvider();
        var slack = await FakeSlackApi.StartAsync(clock);
        var folder = new TempDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = folder.File("bot.db"),
            ["Privacy:LocalKeyPath"] = folder.File("keys"),
            ["Slack:SigningSecret"] = SlackRequests.SigningSecret,
            ["Slack:BotToken"] = FakeSlackApi.BotToken,
            ["Slack:ApiBaseUrl"] = slack.BaseUrl,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = folder.Path, EnvironmentName = "Testing" })
            .AddStorage()
            .AddSlackChannel(configuration);
        services.Configure<SlackOptions>(o =>
        {
            o.Randomizer = () => 0.5;
            configure?.Invoke(o);
        });
        return new SenderHarness(clock, slack, services.BuildServiceProvider(validateScopes: true), folder);
    }

    /// <summary>Moves the clock for <paramref name="work"/> whenever each of its <paramref name="lines"/> unfinished parts waits on it.</summary>
    public Task RunAsync(Task work, Func<int>? lines = null) =>
        Clock.AutoAdvanceUntilAsync(work, lines ?? (() => work.IsCompleted ? 0 : 1));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Slack.DisposeAsync();
        _folder.Dispose();
    }
}

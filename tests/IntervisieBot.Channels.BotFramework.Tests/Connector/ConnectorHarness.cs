using IntervisieBot.Channels.BotFramework.Connector;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Channels.BotFramework.Tests.Connector;

/// <summary>
/// The connector as the host registers it, on a fake clock with fixed jitter, pointed at a <see cref="FakeConnectorServer"/>
/// that reads the same clock.
/// </summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    public const string TenantId = "tenant-1";

    private ConnectorHarness(FakeTimeProvider clock, FakeConnectorServer server, ServiceProvider services)
    {
        Clock = clock;
        Server = server;
        Services = services;
    }

    public FakeTimeProvider Clock { get; }

    public FakeConnectorServer Server { get; }

    public ServiceProvider Services { get; }

    public BotConnector Connector => Services.GetRequiredService<BotConnector>();

    public OutboundSender Sender => Services.GetRequiredService<OutboundSender>();

    public static async Task<ConnectorHarness> StartAsync(
        IDictionary<string, string?>? settings = null, IBotTokenProvider? tokens = null, Action<OutboundSenderOptions>? outbound = null, string basePath = "/")
    {
        var clock = new FakeTimeProvider();
        var server = await FakeConnectorServer.StartAsync(clock, basePath);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?> { ["BotFramework:AllowedServiceUrlHosts:0"] = "127.0.0.1" })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(clock)
            .AddBotFrameworkConnector();
        services.Configure<OutboundSenderOptions>(o =>
        {
            o.Randomizer = () => 0.5;
            outbound?.Invoke(o);
        });
        if (tokens is not null)
        {
            services.AddSingleton(tokens);
        }

        return new ConnectorHarness(clock, server, services.BuildServiceProvider(validateScopes: true));
    }

    public static ConversationAddress Conversation(string id, ConversationScope scope = ConversationScope.Channel) =>
        new("bf", "msteams", id, scope, TenantId);

    public static Schema.Activity Message(string text) => new() { Type = Schema.ActivityTypes.Message, Text = text };

    /// <summary>Runs the clock for <paramref name="work"/> while every unfinished piece of it waits on the clock.</summary>
    public Task RunAsync(Task work, Func<int> waiters) => Clock.AutoAdvanceUntilAsync(work, waiters);

    /// <summary>For work with a single line of requests (one conversation, one call at a time).</summary>
    public Task RunAsync(Task work) => Clock.AutoAdvanceUntilAsync(work, () => work.IsCompleted ? 0 : 1);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>A token provider that hands out one fixed token.</summary>
internal sealed class FixedTokenProvider(string token) : IBotTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(token);
}

using System.Net;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Conversations;
using IntervisieBot.Conversations.Inbound;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Inbox;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;
using IntervisieBot.Tests.BotFramework;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntervisieBot.Tests.Reliability;

/// <summary>
/// A turn answered 200 is in the store before the answer: 20 messages accepted by a host that is then stopped with no
/// time to finish (its running turn cancelled, the rest never started) are all answered, once each, by the next host
/// on the same database.
/// </summary>
public sealed class DurableTurnsTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    /// <summary>The first host's clock, well before the machine's: its leases have run out when the next host starts.</summary>
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));
    private FakeConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnectorServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        _folder.Dispose();
    }

    private JsonNode Message(string who, string text)
    {
        var activity = JsonNode.Parse(TeamsFixture.Load("groupchat-message-with-mention", _connector.ServiceUrl))!;
        activity["text"] = "<at>IntervisieBot</at> " + text;
        activity["from"] = new JsonObject { ["id"] = "29:1" + who + "-teams-user-id", ["name"] = who };
        activity["id"] = Guid.NewGuid().ToString("N");
        return activity;
    }

    private List<RecordedRequest> GroupPosts() =>
        [.. _connector.Delivered.Where(r => r.ConversationId == TeamsFixture.GroupChatId && r.Method == "POST")];

    [Fact]
    public async Task TwentyTurnsAccepted_ThenTheHostStoppedAbruptly_AreAllAnsweredOnceByTheNextHost()
    {
        var database = _folder.File("bot.db");
        await AcceptStopAndRestartAsync(() => new BotFactory(database));
    }

    [Fact]
    public async Task OnAzureTableStorage_TwentyTurnsAccepted_ThenTheHostStoppedAbruptly_AreAllAnsweredOnceByTheNextHost()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        await AcceptStopAndRestartAsync(() => new BotFactory()
            .With("Storage:Provider", "AzureTables")
            .With("Storage:ConnectionString", azurite.ConnectionString)
            .With("Privacy:EncryptionKey", key));
    }

    private async Task AcceptStopAndRestartAsync(Func<BotFactory> host)
    {
        var stuck = new StuckBot();
        var first = host().WithServices(services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.AddSingleton<IBot>(stuck);

            // No time to finish at shutdown: what runs is cancelled, what waits never starts.
            services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.Zero);
        });
        using (var client = first.CreateClient())
        {
            for (var i = 1; i <= 20; i++)
            {
                using var response = await TeamsFixture.PostAsync(client, Message(i % 2 == 0 ? "Anna" : "Bram", $"afspraak toevoegen Regel {i:00}").ToJsonString());
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await stuck.Entered.Task;
        }

        await first.DisposeAsync();
        Assert.Empty(GroupPosts());

        // The next process starts later than the old one's lease on its turns ran out (on the machine's clock, so the
        // connector's rate limits pass in real time).
        await using var second = host();
        using var secondClient = second.CreateClient();
        var recovery = second.Services.GetServices<IHostedService>().OfType<InboxRecoveryService>().Single();
        await recovery.FirstRound;
        await second.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();

        // Each of the 20 messages got its one answer (the group is not set up, so each says how to set it up).
        Assert.Equal(20, GroupPosts().Count);
        var inbox = second.Services.GetRequiredService<ITableServiceClient>().GetTableClient(TurnInbox.TableName);
        Assert.Empty((await inbox.QueryAsync(TurnInbox.Partition)).Entities);
    }

    /// <summary>A bot whose turns never end until they are cancelled, as a process that is killed mid-turn.</summary>
    private sealed class StuckBot : IBot
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnTurnAsync(Dialogs.Messages.ITurnContext context, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}

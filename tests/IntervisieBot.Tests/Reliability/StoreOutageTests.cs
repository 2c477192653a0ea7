using System.Net;
using System.Text.Json.Nodes;
using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Dialogs;
using IntervisieBot.Conversations.Inbound;
using IntervisieBot.Dialogs.Inbox;
using IntervisieBot.Storage.Resilience;
using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;
using IntervisieBot.Tests.BotFramework;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.Reliability;

/// <summary>
/// The store goes down for 30 s (of a fake clock) while three group chats keep writing: each chat hears one friendly
/// word at once, not one per message and not after the retries; after the store is back, fresh messages are answered
/// within 5 s, and a turn that was accepted just before the outage is handled then too.
/// </summary>
public sealed class StoreOutageTests : IAsyncLifetime
{
    private static readonly string[] Chats = ["19:chat-one@thread.v2", "19:chat-two@thread.v2", "19:chat-three@thread.v2"];
    private const string Notice = "Mijn geheugen is even onbereikbaar";
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 18, 30, 0, TimeSpan.Zero));
    private FakeConnectorServer _connector = null!;
    private FailingStore _store = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnectorServer.StartAsync();
        var database = _folder.File("bot.db");
        _store = new FailingStore(new SqliteTableServiceClient(database, "", _time));
        _bot = new BotFactory(database).WithServices(services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.AddSingleton<ITableServiceClient>(new CircuitBreakingTableServiceClient(_store, _time));
        });
        _client = _bot.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _store.IsDown = static _ => false;
        _client.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _folder.Dispose();
    }

    private Task<HttpResponseMessage> PostAsync(string chat, string text)
    {
        var activity = JsonNode.Parse(TeamsFixture.Load("groupchat-message-with-mention", _connector.ServiceUrl))!;
        activity["text"] = "<at>IntervisieBot</at> " + text;
        activity["conversation"]!["id"] = chat;
        activity["from"] = new JsonObject { ["id"] = "29:1Anna-teams-user-id", ["name"] = "Anna" };
        activity["id"] = Guid.NewGuid().ToString("N");
        return TeamsFixture.PostAsync(_client, activity.ToJsonString());
    }

    private List<string> Posts(string chat) =>
        [.. _connector.Delivered.Where(r => r.ConversationId == chat && r.Method == "POST").Select(r => r.Body)];

    private ConversationWorkQueue Queue => _bot.Services.GetRequiredService<ConversationWorkQueue>();

    [Fact]
    public async Task StoreDownFor30Seconds_EachChatHearsOneFriendlyWordAtOnce_AndFreshMessagesAreAnsweredWithin5SecondsOfRecovery()
    {
        foreach (var chat in Chats)
        {
            using var hello = await PostAsync(chat, "hulp");
            Assert.Equal(HttpStatusCode.OK, hello.StatusCode);
        }

        await Queue.WhenIdleAsync();
        var before = Chats.ToDictionary(c => c, c => Posts(c).Count);
        Assert.All(Chats, c => Assert.Equal(1, before[c]));

        // The first chat's message is accepted just as the store starts failing: it cannot run yet.
        _store.IsDown = static table => table != TurnInbox.TableName;
        using (var accepted = await PostAsync(Chats[0], "afspraken"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        _store.IsDown = static _ => true;
        var outageStart = _time.GetUtcNow();
        var firstAnswer = new Dictionary<string, TimeSpan>();
        while (_time.GetUtcNow() - outageStart < TimeSpan.FromSeconds(30))
        {
            foreach (var chat in Chats)
            {
                var sent = _time.GetUtcNow();
                using var response = await PostAsync(chat, "hulp");

                // Not stored, so not acknowledged: the channel is told to try again.
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                if (!firstAnswer.ContainsKey(chat) && Posts(chat).Any(p => p.Contains(Notice, StringComparison.Ordinal)))
                {
                    firstAnswer[chat] = _time.GetUtcNow() - sent;
                }
            }

            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // One friendly word per chat, within 2 s of its first message in the outage; nothing else.
        foreach (var chat in Chats)
        {
            Assert.True(firstAnswer.TryGetValue(chat, out var waited) && waited <= TimeSpan.FromSeconds(2), $"{chat} waited {waited}");
            Assert.Single(Posts(chat).Skip(before[chat]));
            Assert.Contains(Notice, Posts(chat)[^1], StringComparison.Ordinal);
        }

        // The breaker answered for the store most of the time: far fewer calls reached it than messages were sent.
        Assert.True(_store.Failures < 45, $"{_store.Failures} calls reached the store that was down, for 90 messages");

        // The store is back; members write again and get their answers within 5 s.
        _store.IsDown = static _ => false;
        var recovered = _time.GetUtcNow();
        // The waiting turn tries again after its delay (the breaker's probe), and is answered.
        _time.Advance(InboundTurns.OutageRetryDelay);
        await Queue.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(before[Chats[0]] + 2, Posts(Chats[0]).Count);
        foreach (var chat in Chats)
        {
            using var fresh = await PostAsync(chat, "hulp");
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        await Queue.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(_time.GetUtcNow() - recovered <= TimeSpan.FromSeconds(5));
        foreach (var chat in Chats)
        {
            var after = Posts(chat).Skip(before[chat] + 1).ToList();
            Assert.DoesNotContain(after, p => p.Contains(Notice, StringComparison.Ordinal));
            Assert.Contains("Wat ik kan", after[^1], StringComparison.Ordinal);
        }

        // The turn accepted before the outage ran too (the agreements of a group not set up say how to set it up).
        Assert.Equal(before[Chats[0]] + 3, Posts(Chats[0]).Count);
    }
}

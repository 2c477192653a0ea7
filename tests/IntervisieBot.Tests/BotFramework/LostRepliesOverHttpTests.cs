using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Texts;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Testing;
using IntervisieBot.Tests.Host;
using IntervisieBot.Tests.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.BotFramework;

/// <summary>
/// Teams refuses 40 % of the bot's sends (429 or 503, seeded), and the sender gives up after one retry, so about one
/// reply in six is still refused when its attempts are spent: such replies go to the outbox and the scheduler delivers
/// them later. Every reply arrives exactly once, and no member is told "something went wrong" about a change that was
/// stored.
/// </summary>
public sealed class LostRepliesOverHttpTests : IAsyncLifetime
{
    private const int Adds = 40;
    private static readonly ConversationAddress Group = new("bf", "msteams", TeamsFixture.GroupChatId, ConversationScope.GroupChat, TeamsFixture.TenantId);
    private readonly TempDirectory _folder = new();
    private readonly Random _random = new(20261202);
    private FakeConnectorServer _connector = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;
    private TeamsConversation _chat = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnectorServer.StartAsync();
        _bot = new BotFactory(_folder.File("bot.db"))
            .With("BotFramework:Outbound:MaxRetryAttempts", "1")
            .With("BotFramework:Outbound:BaseDelay", "00:00:00.010")
            .With("BotFramework:Outbound:MaxDelay", "00:00:01")
            .With("Scheduler:TickInterval", "00:00:01")
            .With("Scheduler:RetryDelay", "00:00:01");
        _client = _bot.CreateClient();
        _chat = new TeamsConversation(_bot, _client, _connector, TeamsFixture.GroupChatId);
        _chat.HasMembers();
        await _bot.Services.GetRequiredService<GroupStore>().SaveAsync(Group, Domain.Groups.Group.Create(
            new GroupSettings { Name = "Team Noord", Language = Language.Dutch, Cadence = Cadence.EveryWeeks(4, DayOfWeek.Tuesday), FirstMeeting = new DateOnly(2027, 1, 12), StartTime = new TimeOnly(19, 30) },
            TeamsConversation.Names.Select(n => new Member(TeamsConversation.Id(n), n))));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task FortyPercentOfSendsRefused_EveryReplyArrivesExactlyOnce_AndNoApologyAfterAStoredChange()
    {
        _connector.Responder = request => request is { Method: "POST", Resource: "activities" } && _random.NextDouble() < 0.4
            ? (_random.Next(2) == 0 ? FakeAnswer.Throttled(TimeSpan.Zero) : FakeAnswer.Unavailable())
            : null;

        for (var i = 1; i <= Adds; i++)
        {
            // The number is the id each reply carries: "Afspraak toegevoegd: Regel 07 …".
            await _chat.GroupAsync(TeamsConversation.Names[i % 5], $"afspraak toevoegen Regel {i:00} we beginnen op tijd");
        }

        var expected = Enumerable.Range(1, Adds).Select(i => $"Afspraak toegevoegd: Regel {i:00} we beginnen op tijd").ToList();
        var arrived = await WaitForAsync(() => expected.All(e => Replies(e).Delivered >= 1), TimeSpan.FromSeconds(90));

        Assert.True(arrived, "replies still missing: " + string.Join(", ", expected.Where(e => Replies(e).Delivered == 0)));
        Assert.All(expected, e => Assert.Equal(1, Replies(e).Delivered));
        // Some replies were refused on both attempts of their turn, and still arrived: through the outbox.
        Assert.Contains(expected, e => Replies(e).Refused >= 2);
        var apology = BotTexts.For(Language.Dutch).SomethingWentWrong;
        Assert.DoesNotContain(_connector.Requests, r => r.Body.Contains(apology, StringComparison.Ordinal));
        var group = await _bot.Services.GetRequiredService<GroupStore>().GetAsync(Group);
        Assert.Equal(Adds, group!.Agreements.Count(a => a.Text.StartsWith("Regel ", StringComparison.Ordinal)));
    }

    private (int Delivered, int Refused) Replies(string text)
    {
        var sends = _connector.Requests.Where(r => r.Method == "POST" && r.Resource == "activities" && r.Body.Contains(text, StringComparison.Ordinal)).ToList();
        return (sends.Count(r => r.Status is >= 200 and < 300), sends.Count(r => r.Status >= 400));
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (!condition())
        {
            if (limit.IsCancellationRequested)
            {
                return false;
            }

            // Real time: the scheduler's ticks and the sender's backoff run on the system clock in this test.
            await Task.Delay(50, CancellationToken.None);
        }

        return true;
    }
}

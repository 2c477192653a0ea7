using System.Net;
using System.Text.Json;
using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Sessions;
using IntervisieBot.Testing;
using IntervisieBot.Tests.BotFramework;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntervisieBot.Tests.Privacy;

/// <summary>Forget, export and the logs, over HTTP as Teams sends activities, with the real host.</summary>
public sealed class PrivacyOverHttpTests : IAsyncLifetime
{
    private const string Secret = "Vertrouwelijk";
    private const string OtherGroupChatId = "19:0b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e@thread.v2";
    private static readonly string Key = Convert.ToBase64String([.. Enumerable.Range(40, 32).Select(i => (byte)i)]);
    private FakeConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnectorServer.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    private (TeamsConversation Group, TeamsConversation Other, HttpClient Client) Conversations(BotFactory bot)
    {
        var client = bot.CreateClient();
        var group = new TeamsConversation(bot, client, _connector, TeamsFixture.GroupChatId);
        var other = new TeamsConversation(bot, client, _connector, OtherGroupChatId);
        group.HasMembers();
        other.HasMembers();
        return (group, other, client);
    }

    [Fact]
    public async Task Forget_OnAzureTableStorage_LeavesNoRowOfTheGroupInAnyTable_AndOtherGroupsKeepTheirs()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var bot = new BotFactory()
            .With("Storage:Provider", "AzureTables")
            .With("Storage:ConnectionString", azurite.ConnectionString)
            .With("Privacy:EncryptionKey", Key);
        var (group, other, client) = Conversations(bot);
        using var _ = client;
        await group.RunIncidentSessionAsync(Secret);
        await group.StartUntilCollectingAsync(Secret);
        await other.RunIncidentSessionAsync(Secret);

        var before = await RawAzureTables.ReadAllAsync(azurite);
        Assert.Contains(before, r => r.Json.Contains(TeamsFixture.GroupChatId, StringComparison.Ordinal));
        Assert.DoesNotContain(before, r => r.Json.Contains(Secret, StringComparison.Ordinal) || r.Json.Contains("spanning", StringComparison.Ordinal));
        var otherRows = before.Count(r => r.Json.Contains(OtherGroupChatId, StringComparison.Ordinal));

        await group.GroupAsync("Eva", "vergeet");
        Assert.Contains("Alles van deze groep wissen?", group.LastGroupText(), StringComparison.Ordinal);
        var cardId = "activity-" + _connector.Delivered.Last(r => r.ConversationId == TeamsFixture.GroupChatId && r.Method == "POST").Sequence;
        var announcement = await group.PressAsync("Eva", "Ja, alles wissen");
        Assert.Contains("Eva heeft gevraagd alles van deze groep te wissen", announcement, StringComparison.Ordinal);
        Assert.Contains(before, r => r.Json.Contains(TeamsFixture.GroupChatId, StringComparison.Ordinal));

        // Everyone else has left the chat, so the one who asked may erase at once instead of after the grace period.
        _connector.SetMembers(TeamsFixture.GroupChatId, [new Channels.BotFramework.Schema.ChannelAccount(TeamsConversation.Id("Eva"), "Eva")]);
        var done = await group.PressInAnswerAsync("Eva", announcement, "Nu wissen", cardId);

        Assert.Contains("Alles van deze groep is gewist", done, StringComparison.Ordinal);
        Assert.Contains("Ik bewaar niets meer van deze groep.", done, StringComparison.Ordinal);
        var after = await RawAzureTables.ReadAllAsync(azurite);
        Assert.DoesNotContain(after, r => r.Json.Contains(TeamsFixture.GroupChatId, StringComparison.Ordinal));
        Assert.Equal(otherRows, after.Count(r => r.Json.Contains(OtherGroupChatId, StringComparison.Ordinal)));

        // The group can start again: the bot answers there as before.
        await group.GroupAsync("Anna", "verslag");
        Assert.Contains("Er is nog geen verslag", group.LastGroupText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_GivesTheGroupsDataAsAJsonFile_Once_UntilTheLinkExpires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 18, 30, 0, TimeSpan.Zero));
        await using var bot = new BotFactory().WithServices(services => services.AddSingleton<TimeProvider>(time));
        var (group, _, client) = Conversations(bot);
        using var __ = client;
        var address = new ConversationAddress("bf", "msteams", TeamsFixture.GroupChatId, ConversationScope.GroupChat, TeamsFixture.TenantId);
        var started = time.GetUtcNow().AddDays(-7);
        await bot.Services.GetRequiredService<SessionRecordStore>().SaveAsync(address, new SessionRecord(
            "incident", 1, started, started.AddHours(1), new SessionMember(TeamsConversation.Id("Anna"), "Anna"), new SessionMember(TeamsConversation.Id("Bram"), "Bram"),
            [new SessionMember(TeamsConversation.Id("Cees"), "Cees")], ["Ik zeg te snel ja."], "Ik bespreek het met mijn teamleider.", 8, 1, true));

        await group.GroupAsync("Cees", "export");

        var posted = group.LastGroupText();
        var start = posted.IndexOf("http://localhost:3978/api/export/", StringComparison.Ordinal);
        Assert.True(start >= 0, posted);
        var path = posted[(start + "http://localhost:3978".Length)..posted.IndexOf(')', start)];
        // Opening the link (as a browser, or a chat's link preview does) shows a download button and spends nothing.
        for (var look = 0; look < 2; look++)
        {
            using var page = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("<form method=\"post\">", html, StringComparison.Ordinal);
            Assert.DoesNotContain("teamleider", html, StringComparison.Ordinal);
            Assert.Contains("no-store", page.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }

        using (var response = await client.PostAsync(new Uri(path, UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("intervisiebot-export-20261203-1830.json", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var record = json.RootElement.GetProperty("data").GetProperty("sessionRecords")[0];
            Assert.Equal("Ik bespreek het met mijn teamleider.", record.GetProperty("action").GetString());
            Assert.Equal(TeamsFixture.GroupChatId, json.RootElement.GetProperty("conversation").GetProperty("conversationId").GetString());
        }

        using (var again = await client.PostAsync(new Uri(path, UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
            Assert.DoesNotContain("teamleider", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var used = await client.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, used.StatusCode);
            Assert.Contains("export", await used.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var unknown = await client.GetAsync(new Uri("/api/export/AAAAAAAAAAAAAAAAAAAAAA", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        await group.GroupAsync("Cees", "export");
        posted = group.LastGroupText();
        start = posted.IndexOf("http://localhost:3978/api/export/", StringComparison.Ordinal);
        path = posted[(start + "http://localhost:3978".Length)..posted.IndexOf(')', start)];
        time.Advance(TimeSpan.FromMinutes(15));
        using var expired = await client.PostAsync(new Uri(path, UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.DoesNotContain("teamleider", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWholeSession_ThenReportExportAndForget_LeaveNoCaseTextOrContributionInAnyLogLine()
    {
        var logs = new CapturingLoggerProvider();
        await using var bot = new BotFactory()
            .With("Logging:LogLevel:Default", "Trace")
            .With("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .With("Logging:LogLevel:System.Net.Http.HttpClient", "Trace")
            .WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        var (group, _, client) = Conversations(bot);
        using var __ = client;

        await group.RunIncidentSessionAsync(Secret);
        await group.StartUntilCollectingAsync(Secret);
        await group.GroupAsync("Eva", "verslag");
        await group.GroupAsync("Eva", "export");
        await group.GroupAsync("Eva", "vergeet");
        var cardId = "activity-" + _connector.Delivered.Last(r => r.ConversationId == TeamsFixture.GroupChatId && r.Method == "POST").Sequence;
        _connector.SetMembers(TeamsFixture.GroupChatId, [new Channels.BotFramework.Schema.ChannelAccount(TeamsConversation.Id("Eva"), "Eva")]);
        await group.PressInAnswerAsync("Eva", await group.PressAsync("Eva", "Ja, alles wissen"), "Nu wissen", cardId);

        Assert.True(logs.Lines.Count > 100, $"only {logs.Lines.Count} log lines were captured");
        Assert.Contains(_connector.Delivered, r => r.Body.Contains(Secret + " mijn actie", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("spanning", StringComparison.Ordinal) || l.Contains("twijfel", StringComparison.Ordinal));
    }
}

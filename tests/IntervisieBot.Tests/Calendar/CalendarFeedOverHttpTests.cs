using System.Net;
using System.Text.RegularExpressions;
using IntervisieBot.Channels.BotFramework.Tests.Connector;
using IntervisieBot.Conversations.Calendar;
using IntervisieBot.Conversations.Cases;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Conversations.Tests.Calendar;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Cases;
using IntervisieBot.Testing;
using IntervisieBot.Tests.BotFramework;
using IntervisieBot.Tests.Host;
using IntervisieBot.Tests.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.Calendar;

/// <summary>
/// The group's calendar feed over HTTP: "agenda" in a Teams group chat gives the link, a calendar app fetches it, and
/// a strict RFC 5545 reader checks what it gets; moved and cancelled meetings, a single meeting's file, renewing and
/// forgetting the link.
/// </summary>
public sealed partial class CalendarFeedOverHttpTests : IAsyncLifetime
{
    private const string Secret = "Joris onderbrak mij";
    private static readonly ConversationAddress Group = new("bf", "msteams", TeamsFixture.GroupChatId, ConversationScope.GroupChat, TeamsFixture.TenantId);

    /// <summary>Monday 4 January 2027, 10:00 in Amsterdam.</summary>
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TempDirectory _folder = new();
    private FakeConnectorServer _connector = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;
    private TeamsConversation _chat = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnectorServer.StartAsync();
        _bot = new BotFactory(_folder.File("bot.db")).WithServices(services => services.AddSingleton<TimeProvider>(_time));
        _client = _bot.CreateClient();
        _chat = new TeamsConversation(_bot, _client, _connector, TeamsFixture.GroupChatId);
        _chat.HasMembers();
        foreach (var answer in new[] { "instellen", "Team Noord; \"de, bijeenkomst\"", "nederlands", "om de 4 weken", "dinsdag", "19:30", "standaard", "90", "12-1-2027", "iedereen", "nee", "wisselt", "ja" })
        {
            await SayAsync("Anna", answer);
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>A group-chat message a few seconds after the previous one (people type at that pace; the host's rate limits run on this clock).</summary>
    private Task SayAsync(string who, string text)
    {
        _time.Advance(TimeSpan.FromSeconds(3));
        return _chat.GroupAsync(who, text);
    }

    [GeneratedRegex(@"/api/calendar/([A-Za-z0-9_-]{22})\.ics")]
    private static partial Regex FeedLink();

    /// <summary>"agenda" in the group; returns the token of the link the bot gave.</summary>
    private async Task<string> AskForTheLinkAsync()
    {
        await SayAsync("Cees", "agenda");
        var card = _chat.LastGroupText();
        Assert.Contains("Jullie bijeenkomsten in je eigen agenda", card, StringComparison.Ordinal);
        return FeedLink().Match(card).Groups[1].Value;
    }

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<ICalComponent> FeedAsync(string token)
    {
        var (response, body) = await GetAsync(CalendarCommands.FeedPath(token));
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        }

        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        return StrictICalendar.Parse(body);
    }

    [Fact]
    public async Task TheFeed_HasAnEventPerMeeting_WithRolesInTheGroupsTimeZone_AMovedOneWithAHigherSequence_AndACancelledOneMarked()
    {
        var token = await AskForTheLinkAsync();
        Assert.Contains("De volgende bijeenkomst als los bestand", _chat.LastGroupText(), StringComparison.Ordinal);
        await _bot.Services.GetRequiredService<CaseStore>().SaveAsync(Group, TeamsConversation.Id("Anna"), new PreparedCase { Title = Secret, Situation = Secret, Question = Secret, HotSpot = Secret });
        await _bot.Services.GetRequiredService<GroupStore>().UpdateAsync(Group, g =>
        {
            g.MoveMeeting(new DateOnly(2027, 2, 9), new DateOnly(2027, 2, 11), new TimeOnly(20, 0));
            g.CancelMeeting(new DateOnly(2027, 3, 9));
            return (true, 0);
        });

        var calendar = await FeedAsync(token);

        Assert.Equal("Intervisie Team Noord; \"de, bijeenkomst\"", calendar.Text("X-WR-CALNAME"));
        var events = calendar.Components.Where(c => c.Name == "VEVENT").ToList();
        Assert.True(events.Count >= 8, $"{events.Count} events");
        Assert.Equal(events.Count, events.Select(e => e.Text("UID")).Distinct().Count());
        var first = events[0];
        Assert.Equal(("20270112T193000", "Europe/Amsterdam"), (first.Single("DTSTART").Value, first.Single("DTSTART").Parameters["TZID"]));
        Assert.Equal(new DateTimeOffset(2027, 1, 12, 18, 30, 0, TimeSpan.Zero), StrictICalendar.ResolveUtc(calendar, first.Single("DTSTART")));
        Assert.Equal(new DateTimeOffset(2027, 1, 12, 20, 0, 0, TimeSpan.Zero), StrictICalendar.ResolveUtc(calendar, first.Single("DTEND")));
        Assert.Equal("Casusinbrenger: Anna\nGespreksleider: Bram", first.Text("DESCRIPTION"));
        Assert.Equal(("0", "CONFIRMED"), (first.Single("SEQUENCE").Value, first.Single("STATUS").Value));

        var moved = events[1];
        Assert.Equal(("20270211T200000", "1"), (moved.Single("DTSTART").Value, moved.Single("SEQUENCE").Value));
        Assert.Contains("Deze bijeenkomst is verplaatst.", moved.Text("DESCRIPTION"), StringComparison.Ordinal);
        Assert.Equal(("CANCELLED", "1"), (events[2].Single("STATUS").Value, events[2].Single("SEQUENCE").Value));
        Assert.Equal(("CONFIRMED", "0"), (events[3].Single("STATUS").Value, events[3].Single("SEQUENCE").Value));

        // Moved once more: a calendar app that has the first move sees a newer version of the same event.
        await _bot.Services.GetRequiredService<GroupStore>().UpdateAsync(Group, g =>
        {
            g.MoveMeeting(new DateOnly(2027, 2, 9), new DateOnly(2027, 2, 10));
            return (true, 0);
        });
        var again = (await FeedAsync(token)).Components.Where(c => c.Name == "VEVENT").ToList()[1];
        Assert.Equal((moved.Text("UID"), "2", "20270210T193000"), (again.Text("UID"), again.Single("SEQUENCE").Value, again.Single("DTSTART").Value));
    }

    [Fact]
    public async Task ASingleMeeting_DownloadsAsAnIcsFile_WithTheSameUidAsInTheFeed()
    {
        var token = await AskForTheLinkAsync();
        var feedUid = (await FeedAsync(token)).Components.First(c => c.Name == "VEVENT").Text("UID");

        var (response, body) = await GetAsync(CalendarCommands.MeetingPath(token, "2027-01-12"));

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Equal("intervisie-2027-01-12.ics", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        }

        var meeting = Assert.Single(StrictICalendar.Parse(body).Components, c => c.Name == "VEVENT");
        Assert.Equal(feedUid, meeting.Text("UID"));
        using var none = (await GetAsync(CalendarCommands.MeetingPath(token, "2027-01-13"))).Response;
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task UnknownRenewedAndForgottenLinks_Answer404()
    {
        var token = await AskForTheLinkAsync();
        Assert.Equal(token, await AskForTheLinkAsync());
        foreach (var wrong in new[] { "AAAAAAAAAAAAAAAAAAAAAA", "not-a-token", token[..^1] })
        {
            using var unknown = (await GetAsync(CalendarCommands.FeedPath(wrong))).Response;
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        _time.Advance(TimeSpan.FromSeconds(3));
        var renewed = await _chat.PressAsync("Dewi", "Nieuwe link (de oude werkt dan niet meer)");
        Assert.Contains("Dewi heeft een nieuwe agenda-link gemaakt; de oude werkt niet meer.", renewed + _chat.LastGroupText(), StringComparison.Ordinal);
        var fresh = FeedLink().Match(_chat.LastGroupText()).Groups[1].Value;
        Assert.NotEqual(token, fresh);
        using (var old = (await GetAsync(CalendarCommands.FeedPath(token))).Response)
        {
            Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        }

        await FeedAsync(fresh);
        await _bot.Services.GetRequiredService<GroupData>().ForgetAsync(Group);

        using var forgotten = (await GetAsync(CalendarCommands.FeedPath(fresh))).Response;
        Assert.Equal(HttpStatusCode.NotFound, forgotten.StatusCode);
    }
}

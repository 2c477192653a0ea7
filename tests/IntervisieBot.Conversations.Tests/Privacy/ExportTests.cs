using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Tests.Privacy;

public sealed class ExportTests : IDisposable
{
    private const string Secret = "Vertrouwelijk";
    private readonly BotClient _bot = BotClient.TwoGroups();

    private BotClient A => _bot;

    private BotClient B => _bot.Chat(BotClient.GroupB);

    public void Dispose() => _bot.Dispose();

    private static string Text(OutgoingMessage message) =>
        string.Join("\n", new[] { message.Card?.Title ?? "", message.Text }.Concat(message.Card?.Body.OfType<CardText>().Select(t => t.Text) ?? []));

    [Fact]
    public async Task Export_PostsALinkToTheGroupsData_ThatWorksOnce()
    {
        await A.RunSessionAsync(BotClient.Incident, BotClient.NamesA, Secret);

        var said = Text(Assert.Single(await A.Say("Eva", "export")));

        Assert.Contains("De link werkt 15 minuten, en maar één keer.", said, StringComparison.Ordinal);
        var start = said.IndexOf("(http://localhost:3978/api/export/", StringComparison.Ordinal) + "(http://localhost:3978/api/export/".Length;
        var token = said[start..said.IndexOf(')', start)];
        Assert.Equal(22, token.Length);
        Assert.DoesNotContain(_bot.Rows(), r => r.Mentions(token));
        var links = _bot.Get<ExportLinkStore>();
        var group = Assert.IsType<ExportLink.Group>(await links.TakeAsync(token)).Address;
        Assert.Equal(A.Address, group);
        var export = await _bot.Get<GroupData>().ExportAsync(group);
        Assert.Equal(Secret + ": Anna's actie", export["data"]!["sessionRecords"]![0]!["action"]!.GetValue<string>());
        Assert.Null(await links.TakeAsync(token));
    }

    [Fact]
    public async Task AnExportLink_StopsWorkingAfterFifteenMinutes()
    {
        var said = Text(Assert.Single(await A.Say("Eva", "export")));
        var start = said.IndexOf("/api/export/", StringComparison.Ordinal) + "/api/export/".Length;
        var token = said[start..said.IndexOf(')', start)];

        _bot.Time.Advance(TimeSpan.FromMinutes(15));

        Assert.Null(await _bot.Get<ExportLinkStore>().TakeAsync(token));
    }

    [Fact]
    public async Task ANewExport_ClearsTheGroupsExpiredLinks_AndLeavesOtherGroupsAlone()
    {
        await A.Say("Eva", "export");
        await B.Say("Zara", "export");
        _bot.Time.Advance(TimeSpan.FromMinutes(16));

        await A.Say("Eva", "export");

        var links = _bot.Rows().Where(r => r.Table == ExportLinkStore.TableName).ToList();
        Assert.Single(links, r => r.Mentions(A.Address.ConversationId));
        Assert.Single(links, r => r.Mentions(B.Address.ConversationId));
    }
}

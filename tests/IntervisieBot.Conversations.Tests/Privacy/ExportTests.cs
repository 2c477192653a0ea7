using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Tests.Privacy;

public sealed class ExportTests : IDisposable
{
    private const string Secret = "Vertrouwelijk";
    private readonly PrivacyBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private static string Text(OutgoingMessage message) =>
        string.Join("\n", new[] { message.Card?.Title ?? "", message.Text }.Concat(message.Card?.Body.OfType<CardText>().Select(t => t.Text) ?? []));

    [Fact]
    public async Task Export_PostsALinkToTheGroupsData_ThatWorksOnce()
    {
        await _bot.A.RunSessionAsync(PrivacyBot.Incident, PrivacyBot.NamesA, Secret);

        var said = Text(Assert.Single(await _bot.A.Say("Eva", "export")));

        Assert.Contains("De link werkt 15 minuten, en maar één keer.", said, StringComparison.Ordinal);
        var start = said.IndexOf("(http://localhost:3978/api/export/", StringComparison.Ordinal) + "(http://localhost:3978/api/export/".Length;
        var token = said[start..said.IndexOf(')', start)];
        Assert.Equal(22, token.Length);
        Assert.DoesNotContain(_bot.Rows(), r => r.Mentions(token));
        var links = _bot.Get<ExportLinkStore>();
        var group = Assert.IsType<ExportLink.Group>(await links.TakeAsync(token)).Address;
        Assert.Equal(_bot.A.Address, group);
        var export = await _bot.Get<GroupData>().ExportAsync(group);
        Assert.Equal(Secret + ": Anna's actie", export["data"]!["sessionRecords"]![0]!["action"]!.GetValue<string>());
        Assert.Null(await links.TakeAsync(token));
    }

    [Fact]
    public async Task AnExportLink_StopsWorkingAfterFifteenMinutes()
    {
        var said = Text(Assert.Single(await _bot.A.Say("Eva", "export")));
        var start = said.IndexOf("/api/export/", StringComparison.Ordinal) + "/api/export/".Length;
        var token = said[start..said.IndexOf(')', start)];

        _bot.Time.Advance(TimeSpan.FromMinutes(15));

        Assert.Null(await _bot.Get<ExportLinkStore>().TakeAsync(token));
    }

    [Fact]
    public async Task ANewExport_ClearsTheGroupsExpiredLinks_AndLeavesOtherGroupsAlone()
    {
        await _bot.A.Say("Eva", "export");
        await _bot.B.Say("Zara", "export");
        _bot.Time.Advance(TimeSpan.FromMinutes(16));

        await _bot.A.Say("Eva", "export");

        var links = _bot.Rows().Where(r => r.Table == ExportLinkStore.TableName).ToList();
        Assert.Single(links, r => r.Mentions(_bot.A.Address.ConversationId));
        Assert.Single(links, r => r.Mentions(_bot.B.Address.ConversationId));
    }
}

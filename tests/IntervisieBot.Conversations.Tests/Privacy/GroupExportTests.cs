using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Cases;
using IntervisieBot.Conversations.Evaluation;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Cases;

namespace IntervisieBot.Conversations.Tests.Privacy;

/// <summary>
/// The group's export holds only what belongs to the group: no member's prepared case, no running session, no single
/// survey answer or rating; as a member who is not the case owner would fetch it.
/// </summary>
public sealed class GroupExportTests : IDisposable
{
    private const string Secret = "Vertrouwelijk";
    private const string AnnasSituation = "Mijn collega Joris onderbrak mij drie keer in het overleg.";
    private readonly BotClient _bot = BotClient.TwoGroups();

    private BotClient A => _bot;

    private BotClient B => _bot.Chat(BotClient.GroupB);

    public void Dispose() => _bot.Dispose();

    private static string Text(OutgoingMessage message) =>
        string.Join("\n", new[] { message.Card?.Title ?? "", message.Text }.Concat(message.Card?.Body.OfType<CardText>().Select(t => t.Text) ?? []));

    /// <summary>Bram types "export" in the group; returns the export behind the link the bot posted.</summary>
    private async Task<JsonObject> ExportAsBramAsync()
    {
        var said = Text(Assert.Single(await A.Say("Bram", "export")));
        const string prefix = "(http://localhost:3978/api/export/";
        var start = said.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length;
        var token = said[start..said.IndexOf(')', start)];
        var link = await _bot.Get<ExportLinkStore>().TakeAsync(token);
        var group = Assert.IsType<ExportLink.Group>(link).Address;
        Assert.Equal(A.Address, group);
        return await _bot.Get<GroupData>().ExportAsync(group);
    }

    [Fact]
    public async Task AnExportByBram_WhileASessionCollects_HoldsNoCaseOfAnnaAndNoContributionBeforeTheReveal()
    {
        await A.RunSessionAsync(BotClient.Incident, BotClient.NamesA, Secret);
        await _bot.Get<CaseStore>().SaveAsync(A.Address, "u-anna", new PreparedCase
        {
            Title = "Onderbroken",
            Situation = AnnasSituation,
            Question = "Hoe geef ik mijn grens aan?",
        });
        await A.StartUntilCollectingAsync(BotClient.Incident, BotClient.NamesA, Secret);

        var export = await ExportAsBramAsync();

        var json = export.ToJsonString();
        Assert.DoesNotContain("Joris", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Cees vraagt iets", json, StringComparison.Ordinal);
        Assert.Equal(["sessionRecords"], export["data"]!.AsObject().Select(p => p.Key));
        Assert.Equal(Secret + ": Anna's actie", export["data"]!["sessionRecords"]![0]!["action"]!.GetValue<string>());

        // The session carries on: the contribution was kept for the reveal, only the export left it out.
        Assert.StartsWith("Ontvangen", Assert.Single(await A.Privately("Dewi", "Wat voelde je toen?")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGroupExport_HoldsNoSingleRatingOrMemberIdInTheRecord()
    {
        await A.RunSessionAsync(BotClient.Incident, BotClient.NamesA, Secret);

        var record = (await ExportAsBramAsync())["data"]!["sessionRecords"]![0]!.AsObject();

        Assert.Equal(8.0, record["averageRating"]!.GetValue<double>());
        Assert.Equal(1, record["ratedBy"]!.GetValue<int>());
        Assert.False(record.ContainsKey("ratings"));
    }

    [Fact]
    public async Task SurveyAnswers_AreInTheGroupExportOnlyAsAveragesOfAtLeastThree()
    {
        var evaluations = _bot.Get<EvaluationStore>();
        var first = new DateOnly(2026, 11, 5);
        var second = new DateOnly(2026, 12, 3);
        await evaluations.AnswerAsync(A.Address, first, "u-anna", new EvaluationAnswer(9, 5, 4, "yes"), default);
        await evaluations.AnswerAsync(A.Address, first, "u-bram", new EvaluationAnswer(6, 3, 2, "doubt"), default);
        await evaluations.AnswerAsync(A.Address, second, "u-anna", new EvaluationAnswer(7, 4, 4, "yes"), default);
        await evaluations.AnswerAsync(A.Address, second, "u-bram", new EvaluationAnswer(8, 4, 3, "yes"), default);
        await evaluations.AnswerAsync(A.Address, second, "u-cees", new EvaluationAnswer(10, 5, 5, "no"), default);

        var surveys = (await ExportAsBramAsync())["data"]!["evaluations"]!.AsArray();

        var shown = Assert.Single(surveys)!.AsObject();
        Assert.Equal("2026-12-03", shown["meeting"]!.GetValue<string>());
        Assert.Equal(3, shown["answers"]!.GetValue<int>());
        Assert.Equal(8.3, shown["satisfaction"]!.GetValue<double>());
        Assert.Equal((2, 0, 1), (shown["carryOnYes"]!.GetValue<int>(), shown["carryOnDoubt"]!.GetValue<int>(), shown["carryOnNo"]!.GetValue<int>()));
    }

    [Fact]
    public void OnlyTheStoresThatOptedIn_AreInTheGroupExport()
    {
        var parts = _bot.Get<IEnumerable<IGroupDataStore>>().OfType<IGroupExportPart>().Select(s => s.Name).Order();

        Assert.Equal(["evaluations", "group", "sessionRecords"], parts);
    }
}

using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Tests.Privacy;

/// <summary>A member of group A cannot reach group B's data: not with B's buttons, not by naming B's ids, not privately.</summary>
public sealed class CrossGroupTests : IDisposable
{
    private const string Secret = "Vertrouwelijk";
    private const string Refused = "Die knop hoort bij een ander gesprek, dus hier doe ik er niets mee. Er is niets veranderd.";
    private readonly BotClient _bot = BotClient.TwoGroups();

    private BotClient A => _bot;

    private BotClient B => _bot.Chat(BotClient.GroupB);

    public void Dispose() => _bot.Dispose();

    private static string Text(OutgoingMessage message) =>
        string.Join("\n", new[] { message.Card?.Title ?? "", message.Text }.Concat(message.Card?.Body.OfType<CardText>().Select(t => t.Text) ?? []));

    private Task<StoredState> StateOf(BotClient group) => _bot.Get<DialogStateStore>().LoadAsync(group.Address);

    [Fact]
    public async Task AButtonFromGroupB_PressedInGroupA_IsRefused_AndChangesNothing()
    {
        var cardInB = Assert.Single(await B.Say("Zara", "start incidentmethode"));
        var cardInA = Assert.Single(await A.Say("Cees", "start incidentmethode"));
        var before = await StateOf(A);

        var answer = Assert.Single(await A.Press("Cees", cardInB.Card!.Buttons.Single(b => b.Title == "Zara").Data));

        Assert.Equal(Refused, answer.Text);
        var after = await StateOf(A);
        Assert.Equal((before.Json, before.ETag), (after.Json, after.ETag));
        var own = Assert.Single(await A.Press("Cees", cardInA.Card!.Buttons.Single(b => b.Title == "Anna").Data));
        Assert.Contains("Wie leidt het gesprek?", Text(own), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AButtonOfGroupA_PressedInGroupA_Works()
    {
        var card = Assert.Single(await A.Say("Cees", "start incidentmethode"));

        var next = Assert.Single(await A.Press("Cees", card.Card!.Buttons.Single(b => b.Title == "Anna").Data));

        Assert.Contains("Wie leidt het gesprek?", Text(next), StringComparison.Ordinal);
        Assert.Contains(ConversationGuard.OriginKey, card.Card.Buttons[0].Data.Keys);
    }

    [Fact]
    public async Task GroupBsEraseButton_PressedInGroupA_ErasesNothing_WithOrWithoutItsStamp()
    {
        await A.RunSessionAsync(BotClient.Incident, BotClient.NamesA, Secret);
        await B.RunSessionAsync(BotClient.Incident, BotClient.NamesB, Secret);
        var ask = Assert.Single(await B.Say("Zara", "vergeet"));
        var cardInB = B.LastMessageId();
        var announcement = Assert.Single(await B.Press("Zara", ask.Card!.Buttons[0].Data, cardInB));
        var erase = announcement.Card!.Buttons.Single(b => b.Title == "Nu wissen").Data;
        var unstamped = erase.Where(v => v.Key != ConversationGuard.OriginKey).ToDictionary();
        await A.Press("Anna", Assert.Single(await A.Say("Anna", "vergeet")).Card!.Buttons[0].Data, A.LastMessageId());
        _bot.Channel.MembersOf[A.Address.ConversationId] = [BotClient.Member("Anna")];
        _bot.Channel.MembersOf[B.Address.ConversationId] = [BotClient.Member("Zara")];

        Assert.Equal(Refused, Assert.Single(await A.Press("Anna", erase, cardInB)).Text);
        Assert.Contains("Deze kaart is verouderd", Text(Assert.Single(await A.Press("Anna", unstamped, cardInB))), StringComparison.Ordinal);

        Assert.NotNull(await _bot.Get<SessionRecordStore>().LatestAsync(A.Address));
        Assert.NotNull(await _bot.Get<SessionRecordStore>().LatestAsync(B.Address));
        Assert.Equal("Alles van deze groep is gewist", Assert.Single(await B.Press("Zara", erase, cardInB)).Card!.Title);
        Assert.Empty(_bot.RowsOf(B));
        Assert.NotNull(await _bot.Get<SessionRecordStore>().LatestAsync(A.Address));
    }

    [Fact]
    public async Task CommandsNamingGroupBsData_InGroupA_ReachOnlyGroupAsOwn()
    {
        await B.RunSessionAsync(BotClient.Incident, BotClient.NamesB, Secret);
        var recordOfB = _bot.Rows().Single(r => r.Table == SessionRecordStore.TableName).RowKey;
        var tokenOfB = Token(Assert.Single(await B.Say("Zara", "export")));

        var report = Assert.Single(await A.Say("Cees", "verslag " + recordOfB));
        var export = Assert.Single(await A.Say("Cees", "export " + tokenOfB));

        Assert.StartsWith("Er is nog geen verslag", report.Text, StringComparison.Ordinal);
        var tokenOfA = Token(export);
        Assert.NotEqual(tokenOfB, tokenOfA);
        var links = _bot.Get<ExportLinkStore>();
        Assert.Equal(A.Address, Assert.IsType<ExportLink.Group>(await links.TakeAsync(tokenOfA)).Address);
        Assert.Equal(B.Address, Assert.IsType<ExportLink.Group>(await links.TakeAsync(tokenOfB)).Address);
        var dataOfA = (await _bot.Get<GroupData>().ExportAsync(A.Address)).ToJsonString();
        Assert.DoesNotContain(Secret, dataOfA, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APrivateMessage_ReachesOnlyTheSessionItsAuthorIsRoutedTo()
    {
        await A.StartUntilCollectingAsync(BotClient.Incident, BotClient.NamesA, Secret);
        await B.StartUntilCollectingAsync(BotClient.Incident, BotClient.NamesB, Secret);

        // (Besides the answer, the group's live card counts one more answer.)
        var fromZara = Assert.Single(await B.Privately("Zara", "Wat wilde je bereiken?"), m => m.Card is null);
        var fromCees = Assert.Single(await A.Privately("Cees", "Wie was er nog meer bij?"), m => m.Card is null);
        var revealA = Text((await A.Say("Bram", "volgende"))[0]);
        var revealB = Text((await B.Say("Bram", "volgende"))[0]);

        Assert.StartsWith("Ontvangen", fromZara.Text, StringComparison.Ordinal);
        Assert.StartsWith("Ontvangen", fromCees.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Wat wilde je bereiken?", revealA, StringComparison.Ordinal);
        Assert.Contains("Wat wilde je bereiken?", revealB, StringComparison.Ordinal);
        Assert.Contains("Wie was er nog meer bij?", revealA, StringComparison.Ordinal);
        Assert.DoesNotContain("Wie was er nog meer bij?", revealB, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APrivateMessage_FromSomeoneWhoIsNotInTheGroup_NeverReachesItsSession()
    {
        await A.StartUntilCollectingAsync(BotClient.Incident, BotClient.NamesA, Secret);

        var answer = Assert.Single(await A.Privately("Zara", "Mag ik ook iets vragen?"));
        var reveal = Text((await A.Say("Bram", "volgende"))[0]);

        Assert.Equal("Dat begrijp ik (nog) niet. Typ **hulp** om te zien wat ik kan.", answer.Text);
        Assert.DoesNotContain("Mag ik ook iets vragen?", reveal, StringComparison.Ordinal);
    }

    private static string Token(OutgoingMessage message)
    {
        var text = Text(message);
        var start = text.IndexOf("/api/export/", StringComparison.Ordinal) + "/api/export/".Length;
        return text[start..text.IndexOf(')', start)];
    }
}

using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Tests.Privacy;

/// <summary>
/// "vergeet": a member asks and confirms; the group hears it, anyone can cancel it during the grace period (a day), and
/// only after that is every row of the group gone; other groups keep theirs.
/// </summary>
public sealed class ForgetTests : IDisposable
{
    private const string Secret = "Vertrouwelijk";
    private static readonly TimeSpan Grace = TimeSpan.FromDays(1);
    private readonly BotClient _bot = BotClient.TwoGroups();

    private BotClient A => _bot;

    private BotClient B => _bot.Chat(BotClient.GroupB);

    public void Dispose() => _bot.Dispose();

    private static string Text(OutgoingMessage message) =>
        string.Join("\n", new[] { message.Card?.Title ?? "", message.Text }.Concat(message.Card?.Body.OfType<CardText>().Select(t => t.Text) ?? []));

    private static CardButton Button(OutgoingMessage message, string title) => message.Card!.Buttons.Single(b => b.Title == title);

    [Fact]
    public void EveryStoreTheReceiptCanName_HasAReadableNameInDutchAndEnglish()
    {
        var stores = _bot.Get<IEnumerable<Conversations.Privacy.IGroupDataStore>>().Select(s => s.Name).ToList();

        Assert.True(stores.Count >= 10, $"only {stores.Count} stores are composed");
        Assert.DoesNotContain(stores, name => !PrivacyTexts.Dutch.StoreNames.ContainsKey(name));
        Assert.DoesNotContain(stores, name => !PrivacyTexts.English.StoreNames.ContainsKey(name));
    }

    /// <summary>Group A has one finished session and one that is collecting; group B has one finished session.</summary>
    private async Task TwoGroupsWithHistoryAsync()
    {
        await A.RunSessionAsync(BotClient.Incident, BotClient.NamesA, Secret);
        await B.RunSessionAsync(BotClient.Incident, BotClient.NamesB, Secret);
        await A.StartUntilCollectingAsync(BotClient.Incident, BotClient.NamesA, Secret);
        Assert.NotEmpty(_bot.RowsOf(A));
    }

    /// <summary>"vergeet", then "Ja, alles wissen"; returns the announcement in the group and the id of its message.</summary>
    private static async Task<(OutgoingMessage Announcement, string CardId)> AskToForgetAsync(BotClient group, string who = "Cees")
    {
        var ask = Assert.Single(await group.Say(who, "vergeet"));
        var cardId = group.LastMessageId();
        var announcement = Assert.Single(await group.Press(who, Button(ask, "Ja, alles wissen").Data, cardId));
        return (announcement, cardId);
    }

    private OutgoingMessage LastSaidIn(BotClient group)
    {
        lock (_bot.Channel.Sent)
        {
            return _bot.Channel.Sent.Last(s => s.Kind == "send" && s.Conversation == group.Address).Message;
        }
    }

    [Fact]
    public async Task Forget_Confirmed_IsAnnouncedInTheGroup_ErasesNothingDuringTheGracePeriod_ThenEveryRowOfTheGroup()
    {
        await TwoGroupsWithHistoryAsync();
        var rowsOfB = _bot.RowsOf(B).Count;
        var ask = Assert.Single(await A.Say("Cees", "vergeet"));
        Assert.Contains("de verslagen van alle eerdere bijeenkomsten", Text(ask), StringComparison.Ordinal);
        Assert.Contains("alles over 24 uur", Text(ask), StringComparison.Ordinal);
        Assert.Contains("niet ongedaan", Text(ask), StringComparison.Ordinal);
        var askId = A.LastMessageId();

        var announcement = Assert.Single(await A.Press("Cees", Button(ask, "Ja, alles wissen").Data, askId));

        Assert.Equal("Alles van deze groep wordt gewist", announcement.Card!.Title);
        Assert.Contains("Cees heeft gevraagd alles van deze groep te wissen. Dat gebeurt op vrijdag 4 december om 19:30", Text(announcement), StringComparison.Ordinal);
        Assert.Contains("de verslagen van alle eerdere bijeenkomsten", Text(announcement), StringComparison.Ordinal);
        Assert.Equal(["Niet wissen", "Nu wissen"], announcement.Card.Buttons.Select(b => b.Title));

        await _bot.PassAsync(Grace - TimeSpan.FromMinutes(1));
        Assert.NotNull(await _bot.Get<SessionRecordStore>().LatestAsync(A.Address));
        Assert.NotEmpty((await _bot.Get<DialogStateStore>().LoadAsync(A.Address)).State.Stack);

        await _bot.PassAsync(TimeSpan.FromMinutes(2));

        Assert.Empty(_bot.RowsOf(A));
        Assert.Equal(rowsOfB, _bot.RowsOf(B).Count);
        Assert.NotNull(await _bot.Get<SessionRecordStore>().LatestAsync(B.Address));
        var done = LastSaidIn(A);
        Assert.Equal("Alles van deze groep is gewist", done.Card!.Title);
        var said = Text(done);
        Assert.Contains("Gewist op verzoek van Cees", said, StringComparison.Ordinal);
        Assert.Contains("- verslagen van bijeenkomsten\n", said, StringComparison.Ordinal);
        Assert.Contains("- de lopende sessie (of ander gesprek met mij) en wat daarin is gezegd\n", said, StringComparison.Ordinal);
        Assert.Contains("- verwijzingen van privégesprekken naar deze groep\n", said, StringComparison.Ordinal);
        // The receipt is words: no store names, no counts of rows ("scheduled: 1").
        Assert.DoesNotMatch(@":\s*\d", said);
        Assert.DoesNotContain("scheduled", said, StringComparison.Ordinal);
        Assert.Contains("Ik bewaar niets meer van deze groep.", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterForget_TheGroupStartsFresh()
    {
        await TwoGroupsWithHistoryAsync();
        await AskToForgetAsync(A);
        await _bot.PassAsync(Grace);

        Assert.StartsWith("Er is nog geen verslag", Assert.Single(await A.Say("Eva", "verslag")).Text, StringComparison.Ordinal);
        Assert.Equal("Dat begrijp ik (nog) niet. Typ **hulp** om te zien wat ik kan.", Assert.Single(await A.Privately("Dewi", "nog een vraag")).Text);
        await A.Say("Anna", "start incidentmethode");
        await A.Say("Anna", "Anna");
        await A.Say("Anna", "Bram");
        var opening = await A.Say("Anna", "iedereen");
        Assert.Contains("Jullie eerste bijeenkomst", Text(opening[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_CancelledByAnotherMember_ErasesNothing_EvenAfterTheGracePeriod()
    {
        await TwoGroupsWithHistoryAsync();
        var (announcement, cardId) = await AskToForgetAsync(A);

        var cancelled = Assert.Single(await A.Press("Dewi", Button(announcement, "Niet wissen").Data, cardId));
        await _bot.PassAsync(Grace + TimeSpan.FromMinutes(1));

        Assert.Contains("Het wissen is geannuleerd door Dewi. Alles blijft bewaard.", Text(cancelled), StringComparison.Ordinal);
        Assert.Empty(cancelled.Card!.Buttons);
        Assert.NotNull(await _bot.Get<SessionRecordStore>().LatestAsync(A.Address));
        Assert.NotEmpty((await _bot.Get<DialogStateStore>().LoadAsync(A.Address)).State.Stack);
    }

    [Fact]
    public async Task ForgetCancelTyped_WhileASessionRuns_StopsTheErase_AndTheSessionCarriesOn()
    {
        await A.StartUntilCollectingAsync(BotClient.Incident, BotClient.NamesA, Secret);
        await AskToForgetAsync(A);

        var cancelled = Assert.Single(await A.Say("Eva", "vergeet annuleren"));
        await _bot.PassAsync(Grace + TimeSpan.FromMinutes(1));

        Assert.Contains("geannuleerd door Eva", Text(cancelled), StringComparison.Ordinal);
        Assert.NotEmpty(_bot.RowsOf(A));
        Assert.StartsWith("Ontvangen", Assert.Single(await A.Privately("Dewi", "Wat voelde je toen?")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetTypedAgain_ShowsThePlannedErase_AndPlansItOnce()
    {
        await AskToForgetAsync(A);
        _bot.Time.Advance(TimeSpan.FromHours(3));

        var again = Assert.Single(await A.Say("Eva", "vergeet"));

        Assert.Contains("Cees heeft gevraagd alles van deze groep te wissen. Dat gebeurt op vrijdag 4 december om 19:30", Text(again), StringComparison.Ordinal);
        Assert.Single(await _bot.Get<IDueWorkScheduler>().ListAsync(A.Address), w => w.Id == "forget");
    }

    [Fact]
    public async Task EraseNow_WorksOnlyForTheOneWhoAsked_WhenNobodyElseIsLeft()
    {
        await TwoGroupsWithHistoryAsync();
        var (announcement, cardId) = await AskToForgetAsync(A);
        var now = Button(announcement, "Nu wissen").Data;

        var refusedForAnother = Assert.Single(await A.Press("Dewi", now, cardId));
        var refusedWithOthersLeft = Assert.Single(await A.Press("Cees", now, cardId));
        Assert.Contains("Meteen wissen kan alleen wie het vroeg", refusedForAnother.Text, StringComparison.Ordinal);
        Assert.Contains("alleen als er verder niemand meer in dit gesprek is", refusedWithOthersLeft.Text, StringComparison.Ordinal);
        Assert.NotNull(await _bot.Get<SessionRecordStore>().LatestAsync(A.Address));

        _bot.Channel.MembersOf[A.Address.ConversationId] = [BotClient.Member("Cees")];
        var done = Assert.Single(await A.Press("Cees", now, cardId));

        Assert.Equal("Alles van deze groep is gewist", done.Card!.Title);
        Assert.Contains("Gewist op verzoek van Cees", Text(done), StringComparison.Ordinal);
        Assert.Empty(_bot.RowsOf(A));
    }

    [Fact]
    public async Task TheButtonsOfAnEarlierRequest_DoNothing()
    {
        await TwoGroupsWithHistoryAsync();
        var (first, firstId) = await AskToForgetAsync(A);
        await A.Press("Dewi", Button(first, "Niet wissen").Data, firstId);
        await AskToForgetAsync(A, "Eva");
        _bot.Channel.MembersOf[A.Address.ConversationId] = [BotClient.Member("Cees")];

        var stale = Assert.Single(await A.Press("Cees", Button(first, "Nu wissen").Data, firstId));
        var staleCancel = Assert.Single(await A.Press("Cees", Button(first, "Niet wissen").Data, firstId));

        Assert.Contains("Deze kaart is verouderd", stale.Text, StringComparison.Ordinal);
        Assert.Contains("Deze kaart is verouderd", staleCancel.Text, StringComparison.Ordinal);
        Assert.Single(await _bot.Get<IDueWorkScheduler>().ListAsync(A.Address), w => w.Id == "forget");
        Assert.NotNull(await _bot.Get<SessionRecordStore>().LatestAsync(A.Address));
    }

    [Fact]
    public async Task Forget_AnsweredNo_PlansNothing()
    {
        var ask = Assert.Single(await A.Say("Cees", "vergeet"));

        var no = Assert.Single(await A.Press("Cees", Button(ask, "Nee, niets wissen").Data, A.LastMessageId()));

        Assert.Contains("Niets gewist", Text(no), StringComparison.Ordinal);
        Assert.DoesNotContain(await _bot.Get<IDueWorkScheduler>().ListAsync(A.Address), w => w.Id == "forget");
    }

    [Theory]
    [InlineData("vergeet", "Typ **vergeet** in het groepsgesprek zelf")]
    [InlineData("export", "typ daar **export**")]
    public async Task ForgetOrExport_InAPersonalChat_ExplainsItIsDoneInTheGroup(string command, string explanation)
    {
        var answer = (await A.Privately("Cees", command))[0];

        Assert.Contains(explanation, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_ConfirmedWhileASessionRuns_EndsTheSessionAndErasesItWhenDue()
    {
        // The forget card's buttons work while a session runs: card handlers go before the running flow.
        var ask = Assert.Single(await A.Say("Cees", "vergeet"));
        var cardId = A.LastMessageId();
        await A.StartUntilCollectingAsync(BotClient.Incident, BotClient.NamesA, Secret);
        await A.Press("Cees", Button(ask, "Ja, alles wissen").Data, cardId);

        await _bot.PassAsync(Grace);

        Assert.Empty(_bot.RowsOf(A));
        Assert.Empty((await _bot.Get<DialogStateStore>().LoadAsync(A.Address)).State.Stack);
    }
}

using IntervisieBot.Conversations.Dialogs;
using IntervisieBot.Conversations.Messages;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Conversations.Tests.Harness;

namespace IntervisieBot.Conversations.Tests.Privacy;

/// <summary>"vergeet": a member asks, presses twice, and every row of the group is gone; other groups keep theirs.</summary>
public sealed class ForgetTests : IDisposable
{
    private const string Secret = "Vertrouwelijk";
    private readonly PrivacyBot _bot = new();

    public void Dispose() => _bot.Dispose();

    private static string Text(OutgoingMessage message) =>
        string.Join("\n", new[] { message.Card?.Title ?? "", message.Text }.Concat(message.Card?.Body.OfType<CardText>().Select(t => t.Text) ?? []));

    private static CardButton Button(OutgoingMessage message, string title) => message.Card!.Buttons.Single(b => b.Title == title);

    /// <summary>Group A has one finished session and one that is collecting; group B has one finished session.</summary>
    private async Task TwoGroupsWithHistoryAsync()
    {
        await _bot.A.RunSessionAsync(PrivacyBot.Incident, PrivacyBot.NamesA, Secret);
        await _bot.B.RunSessionAsync(PrivacyBot.Incident, PrivacyBot.NamesB, Secret);
        await _bot.A.StartUntilCollectingAsync(PrivacyBot.Incident, PrivacyBot.NamesA, Secret);
        Assert.NotEmpty(_bot.RowsOf(_bot.A));
    }

    /// <summary>"vergeet", then "Ja, alles wissen"; returns the last check and the id of its message.</summary>
    private static async Task<(OutgoingMessage Final, string CardId)> AskToForgetAsync(GroupChat group, string who = "Cees")
    {
        var ask = Assert.Single(await group.Say(who, "vergeet"));
        var cardId = group.LastMessageId();
        var final = Assert.Single(await group.Press(who, Button(ask, "Ja, alles wissen").Data, cardId));
        return (final, cardId);
    }

    [Fact]
    public async Task Forget_ConfirmedTwice_ErasesEveryRowOfTheGroup_AndSaysWhatItErased()
    {
        await TwoGroupsWithHistoryAsync();
        var rowsOfB = _bot.RowsOf(_bot.B).Count;

        var ask = Assert.Single(await _bot.A.Say("Cees", "vergeet"));
        Assert.Contains("de verslagen van alle eerdere bijeenkomsten", Text(ask), StringComparison.Ordinal);
        Assert.Contains("niet ongedaan", Text(ask), StringComparison.Ordinal);
        var askId = _bot.A.LastMessageId();
        Assert.NotEmpty(_bot.RowsOf(_bot.A));

        var final = Assert.Single(await _bot.A.Press("Cees", Button(ask, "Ja, alles wissen").Data, askId));
        Assert.Contains("Definitief wissen", Text(final), StringComparison.Ordinal);
        Assert.NotEmpty(_bot.RowsOf(_bot.A));

        var done = Assert.Single(await _bot.A.Press("Dewi", Button(final, "Definitief wissen").Data, askId));

        Assert.Equal("Alles van deze groep is gewist", done.Card!.Title);
        Assert.Empty(done.Card.Buttons);
        var said = Text(done);
        Assert.Contains("Gewist op verzoek van Dewi", said, StringComparison.Ordinal);
        Assert.Contains("- verslagen van bijeenkomsten: 1", said, StringComparison.Ordinal);
        Assert.Contains("- de lopende bijeenkomst (of ander gesprek met mij) en wat daarin is gezegd: 1", said, StringComparison.Ordinal);
        Assert.Contains("- verwijzingen van privégesprekken naar deze groep: 4", said, StringComparison.Ordinal);
        Assert.Contains("Ik bewaar niets meer van deze groep.", said, StringComparison.Ordinal);
        Assert.Empty(_bot.RowsOf(_bot.A));
        Assert.Equal(rowsOfB, _bot.RowsOf(_bot.B).Count);
        Assert.NotNull(await _bot.Get<SessionRecordStore>().LatestAsync(_bot.B.Address));
    }

    [Fact]
    public async Task AfterForget_TheGroupStartsFresh()
    {
        await TwoGroupsWithHistoryAsync();
        var (final, cardId) = await AskToForgetAsync(_bot.A);
        await _bot.A.Press("Cees", Button(final, "Definitief wissen").Data, cardId);

        Assert.StartsWith("Er is nog geen verslag", Assert.Single(await _bot.A.Say("Eva", "verslag")).Text, StringComparison.Ordinal);
        Assert.Equal("Dat begrijp ik (nog) niet. Typ **hulp** om te zien wat ik kan.", Assert.Single(await _bot.A.Privately("Dewi", "nog een vraag")).Text);
        await _bot.A.Say("Anna", "start incidentmethode");
        await _bot.A.Say("Anna", "Anna");
        await _bot.A.Say("Anna", "Bram");
        var opening = await _bot.A.Say("Anna", "iedereen");
        Assert.Contains("Jullie eerste bijeenkomst", Text(opening[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_TheFirstPressAlone_ErasesNothing()
    {
        await TwoGroupsWithHistoryAsync();
        var before = _bot.RowsOf(_bot.A).Count;

        await AskToForgetAsync(_bot.A);

        Assert.Equal(before, _bot.RowsOf(_bot.A).Count);
        Assert.NotNull(await _bot.Get<SessionRecordStore>().LatestAsync(_bot.A.Address));
    }

    [Fact]
    public async Task Forget_Cancelled_ErasesNothing_AndTheLastCheckNoLongerWorks()
    {
        await TwoGroupsWithHistoryAsync();
        var (final, cardId) = await AskToForgetAsync(_bot.A);

        var cancelled = Assert.Single(await _bot.A.Press("Eva", Button(final, "Nee, niets wissen").Data, cardId));
        var late = Assert.Single(await _bot.A.Press("Cees", Button(final, "Definitief wissen").Data, cardId));

        Assert.Contains("Niets gewist", Text(cancelled), StringComparison.Ordinal);
        Assert.Contains("geldt niet meer", Text(late), StringComparison.Ordinal);
        Assert.NotNull(await _bot.Get<SessionRecordStore>().LatestAsync(_bot.A.Address));
    }

    [Fact]
    public async Task Forget_TheLastCheckPressedAfterItsTime_ErasesNothing()
    {
        await TwoGroupsWithHistoryAsync();
        var (final, cardId) = await AskToForgetAsync(_bot.A);
        _bot.Time.Advance(TimeSpan.FromMinutes(11));

        var late = Assert.Single(await _bot.A.Press("Cees", Button(final, "Definitief wissen").Data, cardId));

        Assert.Contains("geldt niet meer", Text(late), StringComparison.Ordinal);
        Assert.NotNull(await _bot.Get<SessionRecordStore>().LatestAsync(_bot.A.Address));
    }

    [Fact]
    public async Task Forget_AnEraseButtonWithAGuessedCode_ErasesNothing()
    {
        await TwoGroupsWithHistoryAsync();
        var (final, cardId) = await AskToForgetAsync(_bot.A);
        var guessed = new Dictionary<string, string>(Button(final, "Definitief wissen").Data) { [PrivacyCommands.CodeKey] = new string('0', 32) };

        var refused = Assert.Single(await _bot.A.Press("Cees", guessed, cardId));

        Assert.Contains("geldt niet meer", Text(refused), StringComparison.Ordinal);
        Assert.NotNull(await _bot.Get<SessionRecordStore>().LatestAsync(_bot.A.Address));
    }

    [Fact]
    public async Task Forget_WhenNothingIsStored_SaysSo()
    {
        var (final, cardId) = await AskToForgetAsync(_bot.A);

        var done = Assert.Single(await _bot.A.Press("Cees", Button(final, "Definitief wissen").Data, cardId));

        Assert.Contains("Er stond niets over deze groep opgeslagen", Text(done), StringComparison.Ordinal);
        Assert.Empty(_bot.RowsOf(_bot.A));
    }

    [Theory]
    [InlineData("vergeet", "Typ **vergeet** in het groepsgesprek zelf")]
    [InlineData("export", "typ daar **export**")]
    public async Task ForgetOrExport_InAPersonalChat_ExplainsItIsDoneInTheGroup(string command, string explanation)
    {
        var answer = Assert.Single(await _bot.A.Privately("Cees", command));

        Assert.Contains(explanation, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetTyped_WhileASessionRuns_ShowsTheQuestion_AndTheSessionCarriesOn()
    {
        await _bot.A.StartUntilCollectingAsync(PrivacyBot.Incident, PrivacyBot.NamesA, Secret);

        var ask = Assert.Single(await _bot.A.Say("Cees", "vergeet"));

        Assert.Equal("Alles van deze groep wissen?", ask.Card!.Title);
        Assert.StartsWith("Ontvangen", Assert.Single(await _bot.A.Privately("Dewi", "Wat voelde je toen?")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_ConfirmedWhileASessionRuns_EndsTheSessionAndErasesIt()
    {
        // The forget card's buttons work while a session runs: card handlers go before the running flow.
        var (final, cardId) = await AskToForgetAsync(_bot.A);
        await _bot.A.StartUntilCollectingAsync(PrivacyBot.Incident, PrivacyBot.NamesA, Secret);

        var done = Assert.Single(await _bot.A.Press("Cees", Button(final, "Definitief wissen").Data, cardId));

        Assert.Equal("Alles van deze groep is gewist", done.Card!.Title);
        Assert.Empty(_bot.RowsOf(_bot.A));
        Assert.Empty((await _bot.Get<DialogStateStore>().LoadAsync(_bot.A.Address)).State.Stack);
    }
}

using IntervisieBot.Conversations.Cases;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using static IntervisieBot.Conversations.Tests.Harness.BotClient;

namespace IntervisieBot.Conversations.Tests.Cases;

/// <summary>The prepared case in the session: its method first, shared only by its owner, and its text gone afterwards unless kept.</summary>
public sealed class CaseInSessionTests : IAsyncLifetime
{
    /// <summary>Tuesday 12 January 2027, 19:25 in Amsterdam: just before the first meeting, where Anna brings the case.</summary>
    private static readonly DateTimeOffset MeetingNight = new(2027, 1, 12, 18, 25, 0, TimeSpan.Zero);

    private readonly BotClient _chat = new("Anna", "Bram", "Cees", "Dewi", "Eva");

    public async Task InitializeAsync()
    {
        await _chat.SetUpAsync();
        await CasePreparationTests.SubmitFormAsync(_chat, CasePreparationTests.Form(method: "starr"));
        foreach (var answer in new[] { "ja", "ja", "ja", "1" })
        {
            await _chat.Privately("Anna", answer);
        }

        _chat.Time.SetUtcNow(MeetingNight);
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private CaseStore Cases => _chat.Get<CaseStore>();

    /// <summary>"start" with the case's method, Anna and Bram, everyone present; returns the session's opening.</summary>
    private async Task<List<OutgoingMessage>> StartAsync()
    {
        var methods = Assert.Single(await _chat.Say("Eva", "start"));
        Assert.Equal("STARR-methode (35–50 min) · aanbevolen", methods.Card!.Buttons[0].Title);
        await _chat.Press("Eva", methods.Card.Buttons[0]);
        await _chat.Say("Eva", "Anna");
        await _chat.Say("Eva", "Bram");
        return await _chat.Say("Eva", "iedereen");
    }

    private async Task<List<OutgoingMessage>> RunToTheEndAsync()
    {
        var said = new List<OutgoingMessage>();
        for (var i = 0; i < 20 && !said.Any(m => m.Card?.Title?.StartsWith("Verslag", StringComparison.Ordinal) == true); i++)
        {
            said.AddRange(await _chat.Say("Bram", "volgende"));
        }

        return said;
    }

    [Fact]
    public async Task OnlyTheCaseOwner_CanShareTheCase_AndTheGroupSeesTitleSituationQuestionAndTheMomentThatMatters()
    {
        var opening = await StartAsync();
        var introduction = Assert.Single(opening, m => m.Card?.Buttons.Any(b => b.Title == "Deel mijn casus") == true);
        Assert.Equal("**Anna** heeft een casus voorbereid. Alleen Anna kan hem hier delen.", Assert.Single(introduction.Card!.Body.OfType<CardText>()).Text);
        Assert.DoesNotContain(_chat.InGroup(), m => Text(m).Contains("Joris", StringComparison.Ordinal));

        Assert.Equal("Alleen Anna kan de eigen casus delen.", Assert.Single(await _chat.Press("Cees", Button(introduction, "Deel mijn casus"))).Text);
        Assert.DoesNotContain(_chat.InGroup(), m => Text(m).Contains("Joris", StringComparison.Ordinal));

        var shared = await _chat.Press("Anna", Button(introduction, "Deel mijn casus"));

        var card = Assert.Single(shared, m => m.Card?.Title == "Casus van Anna: Onderbroken in het overleg").Card!;
        var facts = Assert.Single(card.Body.OfType<CardFacts>()).Facts;
        Assert.Equal(
            [("Situatie", CasePreparationTests.Situation), ("Vraag", CasePreparationTests.Question), ("Hittepunt", CasePreparationTests.HotSpot)],
            facts.Select(f => (f.Title, f.Value)));
        Assert.Contains(shared, m => Text(m).Contains("Gedeeld door Anna", StringComparison.Ordinal) && m.Card!.Buttons.Count == 0);
    }

    [Fact]
    public async Task TheOwnerTypingCasus_InTheSession_SharesIt_AndAtTheCloseIsAskedPrivatelyWhetherToKeepIt()
    {
        await StartAsync();
        Assert.Contains(await _chat.Say("Anna", "casus"), m => m.Card?.Title == "Casus van Anna: Onderbroken in het overleg");

        await RunToTheEndAsync();

        var ask = Assert.Single(_chat.Channel.Sent, s => s.Kind == "private" && s.Message.Card?.Buttons.Any(b => b.Title == "Bewaren") == true);
        Assert.Equal("u-anna", ask.To!.Id);
        Assert.Contains("Onderbroken in het overleg", Text(ask.Message), StringComparison.Ordinal);
        Assert.False(await Cases.HasCaseAsync(_chat.Address, "u-anna", null));

        var erased = await _chat.PressPrivately("Anna", Button(ask.Message, "Nu wissen"));

        Assert.Contains(erased, m => m.Text == "Je casustekst is gewist.");
        Assert.Null(await Cases.GetAsync(_chat.Address, "u-anna"));
    }

    [Fact]
    public async Task WithoutAnAnswer_TheCaseTextIsGoneADayAfterTheSession_AndAKeptOneStays()
    {
        await StartAsync();
        await RunToTheEndAsync();
        Assert.NotNull(await Cases.GetAsync(_chat.Address, "u-anna"));

        _chat.Time.Advance(CaseStore.KeepWindow);

        Assert.Null(await Cases.GetAsync(_chat.Address, "u-anna"));
        var ask = _chat.Channel.Sent.Single(s => s.Kind == "private" && s.Message.Card?.Buttons.Any(b => b.Title == "Bewaren") == true);
        Assert.Contains(await _chat.PressPrivately("Anna", Button(ask.Message, "Bewaren")), m => m.Text == "Er staat geen casus van je klaar.");
    }

    [Fact]
    public async Task AKeptCase_StaysAfterTheDay()
    {
        await StartAsync();
        await RunToTheEndAsync();
        var ask = _chat.Channel.Sent.Single(s => s.Kind == "private" && s.Message.Card?.Buttons.Any(b => b.Title == "Bewaren") == true);

        Assert.Contains(await _chat.PressPrivately("Anna", Button(ask.Message, "Bewaren")), m => m.Text.StartsWith("Bewaard.", StringComparison.Ordinal));
        _chat.Time.Advance(CaseStore.KeepWindow * 2);

        Assert.Equal("Onderbroken in het overleg", (await Cases.GetAsync(_chat.Address, "u-anna"))!.Title);
    }
}

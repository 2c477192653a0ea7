using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;
using static IntervisieBot.Conversations.Tests.Harness.BotClient;

namespace IntervisieBot.Conversations.Tests.Groups;

/// <summary>J1: set-up in the group chat, one question at a time, through the bot as the host composes it.</summary>
public sealed class GroupSetupTests : IDisposable
{
    private readonly BotClient _chat = new("Anna", "Bram", "Cees", "Dewi", "Eva");

    public void Dispose() => _chat.Dispose();

    [Fact]
    public async Task SetUp_WithButtons_AsksOneQuestionAtATime_AndEndsWithTheNextThreeMeetingsAndTheirRoles()
    {
        var name = Assert.Single(await _chat.Say("Anna", "instellen"));
        Assert.Contains("Hoe heet jullie groep?", Text(name), StringComparison.Ordinal);
        var language = Assert.Single(await _chat.Say("Anna", "Team Noord"));
        var cadence = Assert.Single(await _chat.Press("Bram", Button(language, "Nederlands")), m => m.Card?.Buttons.Count > 0);
        var weekday = Assert.Single(await _chat.Press("Anna", Button(cadence, "Om de 4 weken")), m => m.Card?.Buttons.Count > 0);
        Assert.Equal(["Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag"], weekday.Card!.Buttons.Select(b => b.Title));
        var startTime = Assert.Single(await _chat.Press("Anna", Button(weekday, "Dinsdag")), m => m.Card is null || m.Card.Buttons.Count == 0 && m.Text.Contains("Hoe laat", StringComparison.Ordinal));
        Assert.Contains("Hoe laat beginnen jullie?", Text(startTime), StringComparison.Ordinal);
        var zone = Assert.Single(await _chat.Say("Anna", "19.30"));
        var duration = Assert.Single(await _chat.Press("Anna", Button(zone, "Europe/Amsterdam (standaard)")), m => m.Card?.Buttons.Count > 0);
        var first = Assert.Single(await _chat.Press("Anna", Button(duration, "90 minuten")), m => m.Card?.Buttons.Count > 0);
        Assert.Equal(["dinsdag 5 januari 2027", "dinsdag 12 januari 2027", "dinsdag 19 januari 2027"], first.Card!.Buttons.Select(b => b.Title));
        var members = Assert.Single(await _chat.Press("Anna", Button(first, "12 januari")), m => m.Card?.Buttons.Count > 0);
        Assert.Equal(["Anna", "Bram", "Cees", "Dewi", "Eva"], members.Card!.Body.OfType<CardChoiceInput>().Single().Choices.Select(c => c.Title));
        var line = Assert.Single(await _chat.Press("Anna", Button(members, "Klopt"), new Dictionary<string, string> { ["chosen"] = "u-anna,u-bram,u-cees,u-dewi,u-eva" }), m => m.Card?.Buttons.Count > 0);
        Assert.Contains("lijnrelatie", Text(line), StringComparison.Ordinal);
        var facilitator = Assert.Single(await _chat.Press("Anna", Button(line, "Nee")), m => m.Card?.Buttons.Count > 0);
        var agreements = Assert.Single(await _chat.Press("Anna", Button(facilitator, "Wisselt")), m => m.Card?.Buttons.Count > 0);
        Assert.Contains("Wat hier gezegd wordt, blijft in de groep.", Text(agreements), StringComparison.Ordinal);

        var summary = Assert.Single(await _chat.Press("Anna", Button(agreements, "Ja, overnemen")), m => m.Card?.Title is not null);

        var text = Text(summary);
        Assert.Equal("Team Noord is ingesteld", summary.Card!.Title);
        Assert.Contains("Ritme: om de 4 weken op dinsdag", text, StringComparison.Ordinal);
        Assert.Contains("Tijd: 19:30–21:00 (Europe/Amsterdam)", text, StringComparison.Ordinal);
        Assert.Contains("**dinsdag 12 januari 2027 · 19:30**\nCasusinbrenger: **Anna** · gespreksleider: **Bram**", text, StringComparison.Ordinal);
        Assert.Contains("**dinsdag 9 februari 2027 · 19:30**\nCasusinbrenger: **Bram** · gespreksleider: **Anna**", text, StringComparison.Ordinal);
        Assert.Contains("**dinsdag 9 maart 2027 · 19:30**\nCasusinbrenger: **Cees** · gespreksleider: **Dewi**", text, StringComparison.Ordinal);
        var group = await _chat.GroupAsync();
        Assert.Equal(5, group!.Roster.Count);
        Assert.Equal(6, group.Agreements.Count);
        Assert.All(group.Agreements, a => Assert.Equal(("Anna", Monday), (a.AddedBy, a.AddedAt)));
    }

    [Fact]
    public async Task SetUp_TypedInEnglish_WorksTheSame()
    {
        _chat.Locale = "en-US";
        foreach (var answer in new[] { "setup", "North Team", "english", "every 5 weeks", "thursday", "7:30 pm", "europe/london", "2 hours", "7 january 2027", "everyone", "no", "rotating" })
        {
            await _chat.Say("Anna", answer);
        }

        var summary = Assert.Single(await _chat.Say("Anna", "no"));

        Assert.Equal("North Team is set up", summary.Card!.Title);
        Assert.Contains("Time: 19:30–21:30 (Europe/London)", Text(summary), StringComparison.Ordinal);
        Assert.Contains("**Thursday 11 February 2027 · 19:30**", Text(summary), StringComparison.Ordinal);
        var group = await _chat.GroupAsync();
        Assert.Equal((5, DayOfWeek.Thursday, "en"), (group!.Settings.Cadence.Weeks, group.Settings.Cadence.Weekday, group.Settings.Language.Code));
        Assert.Empty(group.Agreements);
    }

    [Theory]
    [InlineData(2, "om de 40 weken", "Kies om de 4, 5 of 6 weken, of maandelijks")]
    [InlineData(2, "elke week", "Kies om de 4, 5 of 6 weken, of maandelijks")]
    [InlineData(4, "25:00", "Dat is geen tijd op de klok.")]
    [InlineData(5, "Mars/Olympus", "Die tijdzone ken ik niet.")]
    [InlineData(6, "10 uur", "Typ een duur tussen 30 en 240 minuten")]
    [InlineData(7, "29-12-2026", "dinsdag 29 december 2026 is al voorbij.")]
    [InlineData(7, "13-1-2027", "woensdag 13 januari 2027 is een woensdag, maar jullie komen op dinsdag bij elkaar.")]
    [InlineData(7, "32-1-2027", "Die datum herken ik niet.")]
    public async Task AWrongAnswer_GetsTheReason_AndTheSameQuestionAgain(int answered, string wrong, string reason)
    {
        var answers = new[] { "instellen", "Team Noord", "nederlands", "om de 4 weken", "dinsdag", "19:30", "standaard", "90", "12-1-2027" };
        List<OutgoingMessage> question = [];
        foreach (var answer in answers.Take(answered + 1))
        {
            question = await _chat.Say("Anna", answer);
        }

        var again = Assert.Single(await _chat.Say("Anna", wrong));

        Assert.Contains(reason, Text(again), StringComparison.Ordinal);
        Assert.EndsWith(Assert.Single(question).Text, again.Text, StringComparison.Ordinal);
        var next = Assert.Single(await _chat.Say("Anna", answers[answered + 1]));
        Assert.DoesNotContain(reason, Text(next), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonthlyOnTheSecondTuesday_SuggestsOnlySecondTuesdays()
    {
        foreach (var answer in new[] { "instellen", "Team Noord", "nl", "maandelijks" })
        {
            await _chat.Say("Anna", answer);
        }

        await _chat.Say("Anna", "2e");
        await _chat.Say("Anna", "di");
        await _chat.Say("Anna", "19:30");
        await _chat.Say("Anna", "Europe/Amsterdam");
        var first = Assert.Single(await _chat.Say("Anna", "anderhalf uur"));

        Assert.Equal(["dinsdag 12 januari 2027", "dinsdag 9 februari 2027", "dinsdag 9 maart 2027"], first.Card!.Buttons.Select(b => b.Title));
        Assert.Contains("is niet de 2e dinsdag van de maand", Text(Assert.Single(await _chat.Say("Anna", "19-1-2027"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoppingMidway_LeavesNothingSaved()
    {
        foreach (var answer in new[] { "instellen", "Team Noord", "nederlands", "om de 4 weken", "dinsdag", "19:30" })
        {
            await _chat.Say("Anna", answer);
        }

        Assert.StartsWith("Gestopt.", Assert.Single(await _chat.Say("Anna", "stop")).Text, StringComparison.Ordinal);

        Assert.Null(await _chat.GroupAsync());
        Assert.Contains("Hoe heet jullie groep?", Text(Assert.Single(await _chat.Say("Anna", "instellen"))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Anna en Bram", "Met minder dan drie mensen krijgt de casusinbrenger te weinig vragen en invalshoeken")]
    [InlineData("zonder Eva", null)]
    public async Task TooFewParticipants_GetAWarningWithTheReason(string who, string? warning)
    {
        foreach (var answer in new[] { "instellen", "Team Noord", "nederlands", "om de 4 weken", "dinsdag", "19:30", "standaard", "90", "12-1-2027" })
        {
            await _chat.Say("Anna", answer);
        }

        var said = await _chat.Say("Anna", who);

        Assert.Equal(warning is null ? 1 : 2, said.Count);
        if (warning is not null)
        {
            Assert.Contains(warning, said[0].Text, StringComparison.Ordinal);
        }

        Assert.Contains("Werken er in deze groep mensen in een lijnrelatie met elkaar", Text(said[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALineRelationshipInTheGroup_IsAnsweredWithTheSourcesAdvice_ThenSetUpGoesOn()
    {
        foreach (var answer in new[] { "instellen", "Team Noord", "nederlands", "om de 4 weken", "dinsdag", "19:30", "standaard", "90", "12-1-2027" })
        {
            await _chat.Say("Anna", answer);
        }

        var asked = BotClient.Text(await _chat.Say("Anna", "iedereen"));
        var answered = await _chat.Say("Anna", "ja");

        Assert.Contains("Werken er in deze groep mensen in een lijnrelatie met elkaar, zoals een leidinggevende en iemand uit diens team?", asked, StringComparison.Ordinal);
        Assert.Contains("raden daarom aan leidinggevende en medewerker in verschillende intervisiegroepen", answered[0].Text, StringComparison.Ordinal);
        Assert.Contains("Wie leidt het gesprek?", BotClient.Text(answered.Skip(1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoLineRelationship_GetsNoAdvice_AndTheNextQuestion()
    {
        foreach (var answer in new[] { "instellen", "Team Noord", "nederlands", "om de 4 weken", "dinsdag", "19:30", "standaard", "90", "12-1-2027", "iedereen" })
        {
            await _chat.Say("Anna", answer);
        }

        var answered = BotClient.Text(await _chat.Say("Anna", "nee"));

        Assert.DoesNotContain("lijnrelatie", answered, StringComparison.Ordinal);
        Assert.DoesNotContain("verschillende intervisiegroepen", answered, StringComparison.Ordinal);
        Assert.Contains("Wie leidt het gesprek?", answered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreThanEightParticipants_GetAWarningWithTheReason()
    {
        _chat.Channel.Members.AddRange(new[] { "Fenna", "Gijs", "Hana", "Ivo" }.Select(Member));
        foreach (var answer in new[] { "instellen", "Team Noord", "nederlands", "om de 4 weken", "dinsdag", "19:30", "standaard", "90", "12-1-2027" })
        {
            await _chat.Say("Anna", answer);
        }

        var said = await _chat.Say("Anna", "iedereen");

        Assert.Contains("met 9 deelnemers is de groep groot. Boven de acht komt niet iedereen aan bod", said[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetUpAgain_ShowsTheSettings_AndChangesOnlyTheOneChosen()
    {
        await _chat.SetUpAsync();

        var menu = Assert.Single(await _chat.Say("Bram", "instellen"));
        Assert.Equal("Instellingen van Team Noord", menu.Card!.Title);
        var ask = Assert.Single(await _chat.Press("Bram", Button(menu, "Tijd")));
        Assert.Contains("Hoe laat beginnen jullie?", Text(ask), StringComparison.Ordinal);
        Assert.Equal("Zo laten (19:30)", Assert.Single(ask.Card!.Buttons).Title);
        var saved = Assert.Single(await _chat.Say("Bram", "20:00"));

        Assert.Equal("Opgeslagen: Team Noord", saved.Card!.Title);
        Assert.Contains("dinsdag 12 januari 2027 · 20:00", Text(saved), StringComparison.Ordinal);
        var group = await _chat.GroupAsync();
        Assert.Equal((new TimeOnly(20, 0), 6, 5), (group!.Settings.StartTime, group.Agreements.Count, group.Roster.Count));
    }

    [Fact]
    public async Task ChangingTheRhythm_AsksTheDayAndTheNextDateToo()
    {
        await _chat.SetUpAsync();

        foreach (var answer in new[] { "instellen ritme", "om de 6 weken", "zo laten" })
        {
            await _chat.Say("Anna", answer);
        }

        var saved = Assert.Single(await _chat.Say("Anna", "zo laten"));

        Assert.Contains("Ritme: om de 6 weken op dinsdag", Text(saved), StringComparison.Ordinal);
        Assert.Contains("dinsdag 23 februari 2027 · 19:30", Text(saved), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWelcome_InAGroup_OffersSetUp()
    {
        var welcome = Assert.Single(await _chat.BotAdded());

        var first = await _chat.Press("Anna", Button(welcome, "Groep instellen"));

        Assert.Contains(first, m => m.Card is { Buttons.Count: 0 });
        Assert.Contains("Hoe heet jullie groep?", Text(first[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFixedFacilitator_IsChosenFromTheParticipants()
    {
        var summary = Assert.Single(await _chat.SetUpAsync("vast", "Eva"));

        Assert.Contains("Gespreksleider: vast: Eva", Text(summary), StringComparison.Ordinal);
        Assert.Equal((FacilitatorMode.Fixed, "u-eva"), ((await _chat.GroupAsync())!.Settings.FacilitatorMode, (await _chat.GroupAsync())!.Settings.FixedFacilitator));
    }
}

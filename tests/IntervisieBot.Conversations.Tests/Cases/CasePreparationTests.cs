using IntervisieBot.Conversations.Cases;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Storage.Protection;
using static IntervisieBot.Conversations.Tests.Harness.BotClient;

namespace IntervisieBot.Conversations.Tests.Cases;

/// <summary>J5 in the member's personal chat: the case by form or question by question, the checks, the advice; never in the group.</summary>
public sealed class CasePreparationTests : IAsyncLifetime
{
    public const string Situation = "Dinsdag in het teamoverleg onderbrak mijn collega Joris mij drie keer; ik zei niets.";
    public const string Question = "Mijn vraag is: hoe kan ik rustig mijn grens aangeven bij een collega die mij steeds onderbreekt?";
    public const string HotSpot = "Het moment dat Joris zei: laat mij het maar even uitleggen.";

    private readonly BotClient _chat = new("Anna", "Bram", "Cees", "Dewi", "Eva");

    public Task InitializeAsync() => _chat.SetUpAsync();

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    public static Dictionary<string, string> Form(string question = Question, string method = "none") => new()
    {
        [CaseCards.TitleInput] = "Onderbroken in het overleg",
        [CaseCards.SituationInput] = Situation,
        [CaseCards.QuestionInput] = question,
        [CaseCards.TriedInput] = "Ik heb het er met mijn teamleider over gehad.",
        [CaseCards.HotSpotInput] = HotSpot,
        [CaseCards.MethodInput] = method,
    };

    /// <summary>Anna opens the form from her personal chat and submits it; returns what the bot said after the submit.</summary>
    public static async Task<List<OutgoingMessage>> SubmitFormAsync(BotClient chat, Dictionary<string, string> form, string who = "Anna")
    {
        var way = await chat.Privately(who, "casus");
        var formCard = Assert.Single(await chat.PressPrivately(who, Button(way, "Formulier")), m => m.Card?.Body.OfType<CardInput>().Any() == true);
        return await chat.PressPrivately(who, Button(formCard, "Opslaan"), form);
    }

    [Fact]
    public async Task TheForm_HasEveryField_AndAfterSavingTheBotChecksTheCase_ThenAdvisesThreeMethods()
    {
        var way = Assert.Single(await _chat.Privately("Anna", "casus"));
        Assert.Equal("Je casus voor **Team Noord** (bijeenkomst van di 12 jan). Hoe wil je hem invullen?", way.Text);

        var form = Assert.Single(await _chat.PressPrivately("Anna", Button(way, "Formulier")), m => m.Card?.Title == "Je casus voorbereiden").Card!;
        Assert.Equal(["title", "situation", "question", "tried", "hotSpot", "fundamental"], form.Body.OfType<CardInput>().Select(i => i.Id));
        Assert.Contains("als een filmpje", form.Body.OfType<CardInput>().Single(i => i.Id == "situation").Label, StringComparison.Ordinal);
        Assert.Contains("hittepunt", form.Body.OfType<CardInput>().Single(i => i.Id == "hotSpot").Label, StringComparison.Ordinal);
        Assert.Equal("Geen voorkeur", form.Body.OfType<CardChoiceInput>().Single().Choices[0].Title);

        var saved = await _chat.PressPrivately("Anna", Button(new OutgoingMessage("", form), "Opslaan"), Form());
        Assert.Contains(saved, m => m.Text.StartsWith("Opgeslagen, versleuteld.", StringComparison.Ordinal));
        Assert.Contains("Is het je eigen vraag?", Text(saved[^1]), StringComparison.Ordinal);
        Assert.Contains("Speelt het nu?", Text(await _chat.Privately("Anna", "ja")), StringComparison.Ordinal);
        var reflective = Text(await _chat.Privately("Anna", "ja"));
        Assert.Contains("Reflecteren of regelen?", reflective, StringComparison.Ordinal);
        Assert.DoesNotContain("klinkt een beetje als", reflective, StringComparison.Ordinal);
        var kind = Assert.Single(await _chat.Privately("Anna", "ja"));
        Assert.Contains("Wat voor vraag is het?", kind.Text, StringComparison.Ordinal);

        var advice = await _chat.PressPrivately("Anna", Button(kind, "Wrijving in een werkrelatie"));

        var methods = Assert.Single(advice, m => m.Card?.Title == "Methodes die bij je casus passen").Card!;
        Assert.Equal(3, methods.Body.Count);
        // A new group: the method made for friction at work asks for some experience, so an easier one that also serves it comes first.
        Assert.StartsWith("1. **Vijf stappen** (45–60 min)\n- Ook bruikbaar bij wrijving in een werkrelatie", ((CardText)methods.Body[0]).Text, StringComparison.Ordinal);
        // The group meets 90 minutes: the advice goes by that, so the ten-step method's 70-minute plan fits.
        Assert.Contains(methods.Body, e => ((CardText)e).Text.Contains("**Tienstappenmethode**", StringComparison.Ordinal) && ((CardText)e).Text.Contains("- Past in de tijd die jullie hebben (60–75 min)", StringComparison.Ordinal));
        var ready = Assert.Single(advice, m => m.Card?.Title == "Je casus staat klaar");
        Assert.Contains("Deel mijn casus", Text(ready), StringComparison.Ordinal);
        Assert.Equal(["Bewerken", "Intrekken", "Exporteren"], ready.Card!.Buttons.Select(b => b.Title));
        Assert.DoesNotContain(_chat.InGroup(), m => Text(m).Contains("Joris", StringComparison.Ordinal) || Text(m).Contains("casus voor", StringComparison.Ordinal));

        var stored = await _chat.Get<CaseStore>().GetAsync(_chat.Address, "u-anna");
        Assert.Equal((true, true, true), (stored!.Checks.OwnQuestion, stored.Checks.Current, stored.Checks.Reflective));
        Assert.Equal(("2027-01-12", "five-steps"), (stored.MeetingId, stored.MethodForSession));
        Assert.True(await _chat.Get<CaseStore>().HasCaseAsync(_chat.Address, "u-anna", "2027-01-12"));
        Assert.False(await _chat.Get<CaseStore>().HasCaseAsync(_chat.Address, "u-anna", "2027-02-09"));
        Assert.False(await _chat.Get<CaseStore>().HasCaseAsync(_chat.Address, "u-bram", null));
        var reminders = _chat.Get<IntervisieBot.Conversations.Reminders.ICaseSubmissions>();
        Assert.True(await reminders.HasCaseAsync(_chat.Address, "u-anna", new DateOnly(2027, 1, 12), default));
        Assert.False(await reminders.HasCaseAsync(_chat.Address, "u-anna", new DateOnly(2027, 2, 9), default));
    }

    [Fact]
    public async Task QuestionByQuestion_AWhyQuestionGetsTheWhatMakesSuggestion_AndATaskSoundingQuestionIsQuestioned()
    {
        var way = Assert.Single(await _chat.Privately("Bram", "case"));
        Assert.Contains("Geef je casus een korte titel.", Text(await _chat.PressPrivately("Bram", Button(way, "Vraag voor vraag"))), StringComparison.Ordinal);
        Assert.Contains("als een filmpje", Text(await _chat.Privately("Bram", "De planning")), StringComparison.Ordinal);
        Assert.Contains("Mijn vraag is", Text(await _chat.Privately("Bram", "Maandag vroeg de directeur waar het rooster bleef.")), StringComparison.Ordinal);
        Assert.Contains("Wat heb je al geprobeerd?", Text(await _chat.Privately("Bram", "Waarom regelt niemand het rooster?")), StringComparison.Ordinal);
        Assert.Contains("hittepunt", Text(await _chat.Privately("Bram", "niets")), StringComparison.Ordinal);
        var method = Assert.Single(await _chat.Privately("Bram", "Toen de directeur zuchtte."));
        Assert.Equal("Geen voorkeur", method.Card!.Buttons[0].Title);
        Assert.Contains("Is het je eigen vraag?", Text(await _chat.Privately("Bram", "geen")), StringComparison.Ordinal);

        await _chat.Privately("Bram", "ja");
        var reflective = Text(await _chat.Privately("Bram", "ja"));
        Assert.Contains("klinkt een beetje als iets dat geregeld of besloten moet worden", reflective, StringComparison.Ordinal);
        var why = Text(await _chat.Privately("Bram", "nee"));
        Assert.Contains("Probeer hem naar jezelf te draaien", why, StringComparison.Ordinal);
        Assert.Contains("Je vraag begint met 'waarom'", why, StringComparison.Ordinal);
        Assert.Contains("Wat maakt dat ik", why, StringComparison.Ordinal);
        Assert.Contains("Typ je vraag opnieuw", Text(await _chat.Privately("Bram", "ja")), StringComparison.Ordinal);
        Assert.Contains("Wat voor vraag is het?", Text(await _chat.Privately("Bram", "Wat maakt dat ik het rooster steeds zelf oplos?")), StringComparison.Ordinal);

        var advice = Text(await _chat.Privately("Bram", "Weet ik niet: schat jij het in"));

        Assert.Contains("Ik schat in: een probleem waarin je eigen aandeel groot is.", advice, StringComparison.Ordinal);
        var stored = await _chat.Get<CaseStore>().GetAsync(_chat.Address, "u-bram");
        Assert.Equal("Wat maakt dat ik het rooster steeds zelf oplos?", stored!.Question);
        Assert.Null(stored.Tried);
        Assert.False(stored.Checks.Reflective);
    }

    [Fact]
    public async Task AMissingField_IsNamed_AndTheFormComesBackWithWhatWasTyped()
    {
        var form = Form();
        form[CaseCards.HotSpotInput] = " ";

        var said = await SubmitFormAsync(_chat, form);

        var again = Assert.Single(said).Card!;
        Assert.Contains("vul ook het hittepunt in", Text(new OutgoingMessage("", again)), StringComparison.Ordinal);
        Assert.Equal(Situation, again.Body.OfType<CardInput>().Single(i => i.Id == "situation").Value);
        Assert.Null(await _chat.Get<CaseStore>().GetAsync(_chat.Address, "u-anna"));
    }

    [Fact]
    public async Task TheOwnerCanViewEditAndWithdraw_UntilTheSession()
    {
        await SubmitFormAsync(_chat, Form(method: "starr"));

        var menu = await _chat.Privately("Anna", "casus");
        Assert.Contains(menu, m => m.Card?.Title == "Onderbroken in het overleg" && Text(m).Contains(HotSpot, StringComparison.Ordinal) && Text(m).Contains("Methode: STARR-methode", StringComparison.Ordinal));
        var edit = Assert.Single(await _chat.PressPrivately("Anna", Button(menu, "Bewerken")), m => m.Card?.Body.OfType<CardInput>().Any() == true).Card!;
        Assert.Equal(Situation, edit.Body.OfType<CardInput>().Single(i => i.Id == "situation").Value);
        Assert.Equal("starr", edit.Body.OfType<CardChoiceInput>().Single().Value);

        var withdrawn = await _chat.PressPrivately("Anna", Button(await _chat.Privately("Anna", "casus"), "Intrekken"));

        Assert.Contains(withdrawn, m => m.Text == "Je casus is ingetrokken en gewist.");
        Assert.Null(await _chat.Get<CaseStore>().GetAsync(_chat.Address, "u-anna"));
    }

    /// <summary>Anna opens the edit form of her stored case (from the "casus" menu) and returns its Save button.</summary>
    private async Task<CardButton> EditFormSaveAsync()
    {
        var menu = await _chat.Privately("Anna", "casus");
        var form = Assert.Single(await _chat.PressPrivately("Anna", Button(menu, "Bewerken")), m => m.Card?.Body.OfType<CardInput>().Any() == true);
        return Button(form, "Opslaan");
    }

    [Fact]
    public async Task AnOldEditForm_AfterTheCaseWasWithdrawn_SavesNothing()
    {
        await SubmitFormAsync(_chat, Form());
        var oldSave = await EditFormSaveAsync();
        await _chat.PressPrivately("Anna", Button(await _chat.Privately("Anna", "casus"), "Intrekken"));

        var said = await _chat.PressPrivately("Anna", oldSave, Form());

        Assert.Contains(said, m => m.Text.StartsWith("Deze kaart is verouderd: je casus is sindsdien gewijzigd of gewist. Er is niets opgeslagen", StringComparison.Ordinal));
        Assert.Null(await _chat.Get<CaseStore>().GetAsync(_chat.Address, "u-anna"));
    }

    [Fact]
    public async Task AnOldEditForm_AfterTheCaseChanged_SavesNothing_AndTheNewTextStays()
    {
        await SubmitFormAsync(_chat, Form());
        var first = await EditFormSaveAsync();
        var second = await EditFormSaveAsync();
        await _chat.PressPrivately("Anna", first, new Dictionary<string, string>(Form()) { [CaseCards.TitleInput] = "Nogmaals" });
        var stored = await _chat.Get<CaseStore>().GetAsync(_chat.Address, "u-anna");

        var said = await _chat.PressPrivately("Anna", second, new Dictionary<string, string>(Form()) { [CaseCards.TitleInput] = "Oud formulier" });

        Assert.Contains(said, m => m.Text.StartsWith("Deze kaart is verouderd", StringComparison.Ordinal));
        Assert.Equal("Nogmaals", stored!.Title);
        Assert.Equal("Nogmaals", (await _chat.Get<CaseStore>().GetAsync(_chat.Address, "u-anna"))!.Title);
    }

    [Fact]
    public async Task ExportInThePersonalChat_GivesAnnaALinkToHerOwnCase_AndBramNone()
    {
        await SubmitFormAsync(_chat, Form());

        var anna = await _chat.Privately("Anna", "export");
        var bram = await _chat.Privately("Bram", "export");

        Assert.Contains("typ daar **export**", anna[0].Text, StringComparison.Ordinal);
        var said = Text(anna[1]);
        Assert.Contains("Je voorbereide casussen (Team Noord: Onderbroken in het overleg)", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Joris", said, StringComparison.Ordinal);
        var start = said.IndexOf("/api/export/", StringComparison.Ordinal) + "/api/export/".Length;
        var link = Assert.IsType<ExportLink.Member>(await _chat.Get<ExportLinkStore>().TakeAsync(said[start..said.IndexOf(')', start)]));
        Assert.Equal("u-anna", link.MemberId);
        var own = await _chat.Get<MemberData>().ExportAsync(link.PersonalChat, link.MemberId);
        Assert.Contains(Situation, own.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Van jou bewaar ik geen voorbereide casus, dus er is niets van jezelf om te exporteren.", bram[1].Text);
        Assert.DoesNotContain(_chat.InGroup(), m => Text(m).Contains("/api/export/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheExportButtonOnTheCaseCard_GivesTheOwnerHerLink()
    {
        var ready = (await SubmitFormAsync(_chat, Form()))[^1];
        while (ready.Card?.Title != "Je casus staat klaar")
        {
            var answer = await _chat.Privately("Anna", "ja");
            ready = answer[^1];
            if (ready.Card?.Buttons.Any(b => b.Title == "Wrijving in een werkrelatie") == true)
            {
                ready = Assert.Single(await _chat.PressPrivately("Anna", Button(ready, "Wrijving in een werkrelatie")), m => m.Card?.Title == "Je casus staat klaar");
            }
        }

        var said = await _chat.PressPrivately("Anna", Button(ready, "Exporteren"));

        Assert.Contains(said, m => m.Card?.Title == "Je eigen gegevens als bestand");
    }

    [Fact]
    public async Task InTheGroup_CaseSendsAPrivateInvitation_AndSomeoneInNoGroupIsToldHowToJoinOne()
    {
        var said = await _chat.Say("Cees", "casus");

        Assert.Contains(said, m => m.Text.StartsWith("Je casus bereid je voor in een privégesprek", StringComparison.Ordinal));
        Assert.Contains(_chat.Channel.Sent, s => s.Kind == "private" && s.To!.Id == "u-cees" && s.Message.Text.Contains("Typ **casus**", StringComparison.Ordinal));
        Assert.Contains("Ik vind geen intervisiegroep waarin jij bij de deelnemers staat.", Assert.Single(await _chat.Privately("Zoë", "casus")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberOfTwoGroups_ChoosesTheGroup_AndLeavingTheRosterLeavesTheIndex()
    {
        var other = new ConversationAddress(_chat.Address.Adapter, _chat.Address.ChannelId, "group-2", ConversationScope.GroupChat, _chat.Address.TenantId);
        var settings = (await _chat.GroupAsync())!.Settings with { Name = "Team Zuid" };
        var groups = _chat.Get<GroupStore>();
        await groups.SaveAsync(other, Group.Create(settings, [new Member("u-anna", "Anna"), new Member("u-fenna", "Fenna"), new Member("u-gijs", "Gijs")]));

        var which = Assert.Single(await _chat.Privately("Anna", "casus"));
        Assert.Equal("Voor welke groep bereid je een casus voor?", which.Text);
        Assert.Equal(["Team Noord", "Team Zuid"], which.Card!.Buttons.Select(b => b.Title).Order());
        Assert.Contains("**Team Zuid**", Text(await _chat.PressPrivately("Anna", Button(which, "Team Zuid"))), StringComparison.Ordinal);

        await groups.UpdateAsync(other, g => (g.RemoveMember("u-anna"), 0));
        await _chat.Privately("Anna", "stop");
        Assert.Contains("**Team Noord**", Assert.Single(await _chat.Privately("Anna", "casus")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCase_IsEncryptedBoundToGroupAndOwner_ExportedDecryptedOnlyToItsOwner_AndForgottenWithTheGroup()
    {
        await SubmitFormAsync(_chat, Form());
        var tables = _chat.Tables;
        var row = await tables.GetTableClient(CaseStore.TableName).GetEntityIfExistsAsync(_chat.Address.Key, "u-anna");
        Assert.StartsWith(PrivacyProtector.TextPrefix, row!.GetString("Data"), StringComparison.Ordinal);
        Assert.DoesNotContain("Joris", string.Join("|", row.Values), StringComparison.Ordinal);

        var data = _chat.Get<GroupData>();
        Assert.DoesNotContain("Joris", (await data.ExportAsync(_chat.Address)).ToJsonString(), StringComparison.Ordinal);
        var own = await _chat.Get<MemberData>().ExportAsync(_chat.Address, "u-anna");
        Assert.Contains("Joris", own.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty((await _chat.Get<MemberData>().ExportAsync(_chat.Address, "u-bram"))["cases"]!.AsArray());

        await data.ForgetAsync(_chat.Address);

        Assert.Null(await _chat.Get<CaseStore>().GetAsync(_chat.Address, "u-anna"));
        Assert.Empty(await _chat.Get<MemberGroupIndex>().GroupsOfAsync(_chat.Address, "u-anna"));
    }
}

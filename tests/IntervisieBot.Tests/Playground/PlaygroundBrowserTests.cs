using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntervisieBot.Conversations;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntervisieBot.Tests.Playground;

/// <summary>
/// The playground as a newcomer uses it, in Chromium: simulated members take turns with the bot in the group chat
/// and in private, and cards render and answer. Every wait is for something on the page, bounded.
/// </summary>
public sealed class PlaygroundBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private static readonly Regex Mine = new(@"\bmine\b");

    private PlaygroundPage _browser = null!;
    private PlaygroundHost _host = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _browser = await PlaygroundPage.StartAsync(chromium);
        (_host, _page) = (_browser.Host, _browser.Page);
    }

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private ILocator BotMessage(string text) => _page.Locator("article.msg.from-bot", new PageLocatorOptions { HasText = text });

    private ILocator Composer(string label) => _page.GetByLabel(label, new PageGetByLabelOptions { Exact = true });

    /// <summary>Opens the page and waits for the bot's welcome in the group chat: the members are registered by then.</summary>
    private async Task<ILocator> OpenAsync()
    {
        await _page.GotoAsync(_host.PageUrl);
        var welcome = BotMessage("Hallo, ik ben IntervisieBot");
        await Expect(welcome).ToBeVisibleAsync();
        return welcome;
    }

    /// <summary>The whole conversation in one picture: the page grows as tall as its messages, then is photographed.</summary>
    private async Task ScreenshotAsync(string name)
    {
        var height = await _page.EvaluateAsync<int>("() => document.getElementById('log').scrollHeight");
        await _page.SetViewportSizeAsync(1280, Math.Clamp(height + 330, 860, 4000));
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(name) });
        await _page.SetViewportSizeAsync(1280, 860);
    }

    private static string ScreenshotPath(string name)
    {
        // Next to the trx results, so CI keeps it; a temp folder when the tests run outside the repository.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "IntervisieBot.sln")))
        {
            root = root.Parent;
        }

        var folder = Path.Combine(root?.FullName ?? Path.GetTempPath(), "TestResults", "Playground");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    [Fact]
    public async Task Page_OpenedWithTheKeyFromTheLog_DropsTheKeyFromTheAddress_AndStillWorksAfterAReload()
    {
        await OpenAsync();

        Assert.Equal(_host.Address.AbsoluteUri, _page.Url);
        await _page.ReloadAsync();
        await Expect(BotMessage("Hallo, ik ben IntervisieBot")).ToBeVisibleAsync();
        using var stranger = new HttpClient { BaseAddress = _host.Address };
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Empty(_browser.Errors);
    }

    [Fact]
    public async Task TwoMembers_TakeTurnsWithTheBot_AndTheWelcomeCardIsAnsweredOnce()
    {
        var welcome = await OpenAsync();

        // Anna (the first member, who the page starts as) asks for help in the group.
        await Composer("Bericht aan de groep, als Anna").FillAsync("hulp");
        await Composer("Bericht aan de groep, als Anna").PressAsync("Enter");
        var annasMessage = _page.Locator("article.msg.from-member", new PageLocatorOptions { HasText = "hulp" });
        await Expect(annasMessage).ToHaveClassAsync(Mine);
        await Expect(annasMessage.Locator(".mention")).ToHaveTextAsync("@IntervisieBot");
        var help = BotMessage("Wat ik kan");
        await Expect(help).ToHaveCountAsync(1);
        await Expect(help.Locator("dl.ac-facts")).ToContainTextAsync("instellen");

        // Bram takes over and presses the welcome card's button.
        await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Bram", Exact = true }).ClickAsync();
        await Expect(Composer("Bericht aan de groep, als Bram")).ToBeVisibleAsync();
        await Expect(annasMessage).Not.ToHaveClassAsync(Mine);
        await welcome.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Wat kun je?" }).ClickAsync();

        await Expect(welcome).ToContainTextAsync("Beantwoord door Bram");
        await Expect(welcome.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(help).ToHaveCountAsync(2);
        await ScreenshotAsync("two-members-group-chat.png");

        // A reload starts from the channel's history: the answered card stays answered.
        await _page.ReloadAsync();
        await Expect(BotMessage("Wat ik kan")).ToHaveCountAsync(2);
        await Expect(BotMessage("Hallo, ik ben IntervisieBot")).ToContainTextAsync("Beantwoord door Bram");
        await Expect(BotMessage("Hallo, ik ben IntervisieBot").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.Empty(_browser.Errors);
    }

    [Fact]
    public async Task AGroupStartsAnIncidentSession_WithButtons_AndAMemberContributesPrivately()
    {
        await OpenAsync();
        var composer = Composer("Bericht aan de groep, als Anna");
        await composer.FillAsync("start incidentmethode");
        await composer.PressAsync("Enter");

        var owner = BotMessage("Wie brengt vandaag de casus in?");
        await owner.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Anna", Exact = true }).ClickAsync();
        var facilitator = BotMessage("Wie leidt het gesprek?");
        await Expect(facilitator.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Anna", Exact = true })).ToHaveCountAsync(0);
        await facilitator.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Bram", Exact = true }).ClickAsync();

        // Who is present: everyone is ticked; Eva is not here today.
        var present = BotMessage("Wie is er verder bij?");
        await Expect(present.GetByRole(AriaRole.Checkbox, new LocatorGetByRoleOptions { Name = "Cees", Exact = true })).ToBeCheckedAsync();
        await present.GetByRole(AriaRole.Checkbox, new LocatorGetByRoleOptions { Name = "Eva", Exact = true }).UncheckAsync();
        await present.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Klopt" }).ClickAsync();
        await Expect(present).ToContainTextAsync("Bevestigd door Anna: Cees, Dewi");
        await Expect(BotMessage("Wat hier gezegd wordt, blijft in de groep.")).ToContainTextAsync("aanwezig: Anna, Bram, Cees, Dewi");
        await Expect(BotMessage("Stap 1 van 5")).ToBeVisibleAsync();

        // Anna may move the session too (she brings the case); Cees may not.
        await BotMessage("Stap 1 van 5").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Volgende stap" }).ClickAsync();
        await Expect(BotMessage("Stap 2 van 5")).ToBeVisibleAsync();
        await BotMessage("Stap 2 van 5").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Volgende stap" }).ClickAsync();
        await Expect(BotMessage("Stap 3 van 5")).ToBeVisibleAsync();

        // The collect step asks Cees privately; his answer stays private and is acknowledged there.
        var tab = _page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Cees · privé" });
        await Expect(tab.Locator(".unread")).ToHaveTextAsync("1");
        await Expect(_page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Eva · privé" }).Locator(".unread")).ToHaveCountAsync(0);
        await Expect(owner).ToContainTextAsync("Gekozen door Anna: Anna");
        await Expect(owner.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await _page.Locator("button.member-pick", new PageLocatorOptions { HasText = "Cees" }).ClickAsync();
        await tab.ClickAsync();
        await Expect(BotMessage("Wat ik hoorde of zag")).ToBeVisibleAsync();
        await Composer("Privébericht aan IntervisieBot, als Cees").FillAsync("Ik hoorde frustratie over de planning.");
        await Composer("Privébericht aan IntervisieBot, als Cees").PressAsync("Enter");
        await Expect(BotMessage("Ontvangen (1 van 2).")).ToBeVisibleAsync();
        await ScreenshotAsync("session-private-contribution.png");
        Assert.DoesNotContain(_host.Channel.Activities(_host.Channel.GroupConversationId), a => a.Contains("frustratie", StringComparison.Ordinal));
        Assert.Empty(_browser.Errors);
    }

    /// <summary>Makes the page write and click as <paramref name="name"/>, as a user picks a member in the side bar.</summary>
    private async Task ActAsAsync(string name)
    {
        var pick = _page.Locator("button.member-pick", new PageLocatorOptions { HasText = name });
        await pick.ClickAsync();
        await Expect(pick).ToHaveAttributeAsync("aria-pressed", "true");
    }

    private async Task SayInGroupAsync(string name, string text)
    {
        await ActAsAsync(name);
        await Composer($"Bericht aan de groep, als {name}").FillAsync(text);
        await Composer($"Bericht aan de groep, als {name}").PressAsync("Enter");
    }

    private static LocatorGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    [Fact]
    public async Task AGroupRunsTheIncidentMethod_EndToEnd_WithClicksAndTyping_UntilTheRecord()
    {
        const string Action = "Ik bespreek de planning deze week met mijn teamleider.";
        await OpenAsync();
        var groupTab = _page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Groepschat" });
        await SayInGroupAsync("Anna", "start incidentmethode");

        // Roles by button, then who is present: all five today.
        await BotMessage("Wie brengt vandaag de casus in?").GetByRole(AriaRole.Button, Named("Anna")).ClickAsync();
        await BotMessage("Wie leidt het gesprek?").GetByRole(AriaRole.Button, Named("Bram")).ClickAsync();
        var present = BotMessage("Wie is er verder bij?");
        foreach (var name in new[] { "Cees", "Dewi", "Eva" })
        {
            await Expect(present.GetByRole(AriaRole.Checkbox, Named(name))).ToBeCheckedAsync();
        }

        await present.GetByRole(AriaRole.Button, Named("Klopt")).ClickAsync();
        await Expect(present).ToContainTextAsync("Bevestigd door Anna: Cees, Dewi, Eva");
        await Expect(BotMessage("We beginnen: Incidentmethode")).ToContainTextAsync("aanwezig: Anna, Bram, Cees, Dewi, Eva");

        // Step 1: Anna tells the incident; Bram, who leads, moves on.
        var step1 = BotMessage("Stap 1 van 5");
        await Expect(step1).ToContainTextAsync("Het incident inbrengen");
        await ActAsAsync("Bram");
        await step1.GetByRole(AriaRole.Button, Named("Volgende stap")).ClickAsync();

        // Step 2, a round: each participant passes the floor as themselves, by button or by typing "klaar".
        var step2 = BotMessage("Stap 2 van 5");
        await Expect(step2).ToContainTextAsync("De situatie verhelderen");
        await Expect(step2).ToContainTextAsync("Bram, jij hebt het woord.");
        await step2.GetByRole(AriaRole.Button, Named("Klaar, volgende spreker")).ClickAsync();
        await Expect(BotMessage("Cees, jij hebt het woord.")).ToBeVisibleAsync();
        await ActAsAsync("Cees");
        await step2.GetByRole(AriaRole.Button, Named("Klaar, volgende spreker")).ClickAsync();
        await Expect(BotMessage("Dewi, jij hebt het woord.")).ToBeVisibleAsync();
        await SayInGroupAsync("Dewi", "klaar");
        await Expect(BotMessage("Eva, jij hebt het woord.")).ToBeVisibleAsync();
        await SayInGroupAsync("Eva", "klaar");
        await Expect(BotMessage("Iedereen is aan de beurt geweest.")).ToBeVisibleAsync();
        await ActAsAsync("Bram");
        await step2.GetByRole(AriaRole.Button, Named("Volgende stap")).ClickAsync();

        // Step 3 collects two observations from each participant, privately; Anna, who brings the case, is not asked.
        var step3 = BotMessage("Stap 3 van 5");
        await Expect(step3).ToContainTextAsync("Ik heb iedereen die een bijdrage stuurt een privébericht gestuurd.");
        await Expect(step3).ToContainTextAsync("0 van 4 hebben geantwoord.");
        await Expect(_page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Anna · privé" }).Locator(".unread")).ToHaveCountAsync(0);
        foreach (var member in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            var tab = _page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = $"{member} · privé" });
            await Expect(tab.Locator(".unread")).ToHaveTextAsync("1");
            await ActAsAsync(member);
            await tab.ClickAsync();
            await Expect(BotMessage("Wat ik hoorde of zag")).ToContainTextAsync("Stuur hier 2 bijdragen");
            var composer = Composer($"Privébericht aan IntervisieBot, als {member}");
            await composer.FillAsync($"{member} zag spanning in het gesprek.");
            await composer.PressAsync("Enter");
            await Expect(BotMessage("Ontvangen (1 van 2).")).ToBeVisibleAsync();
            await composer.FillAsync($"{member} hoorde twijfel over de planning.");
            await composer.PressAsync("Enter");
            await Expect(BotMessage("Ontvangen (2 van 2).")).ToBeVisibleAsync();
            if (member != "Eva")
            {
                Assert.DoesNotContain(_host.Channel.Activities(_host.Channel.GroupConversationId), a => a.Contains("zag spanning", StringComparison.Ordinal));
            }
        }

        // The last answer shows all eight together in the group, with their authors (this step is not anonymous),
        // within the step: its discussion happens there, and Bram moves on after it.
        await groupTab.ClickAsync();
        var revealed = BotMessage("Jullie bijdragen");
        await Expect(revealed.Locator("li")).ToHaveCountAsync(8);
        await Expect(revealed).ToContainTextAsync("Cees zag spanning in het gesprek. (Cees)");
        await Expect(revealed).ToContainTextAsync("Eva hoorde twijfel over de planning. (Eva)");
        await Expect(step3).ToContainTextAsync("Bespreek ze nu samen");
        await ActAsAsync("Bram");
        await step3.GetByRole(AriaRole.Button, Named("Volgende stap")).ClickAsync();

        // Step 4, another round, which Bram closes at once; step 5, Anna reflects in one sentence.
        var step4 = BotMessage("Stap 4 van 5");
        await Expect(step4).ToContainTextAsync("Onderliggende patronen");
        await step4.GetByRole(AriaRole.Button, Named("Volgende stap")).ClickAsync();
        var step5 = BotMessage("Stap 5 van 5");
        await Expect(step5).ToContainTextAsync("Typ in één zin wat je meeneemt.");
        await SayInGroupAsync("Anna", Action);
        await Expect(step5).ToContainTextAsync("1 van 1 hebben hun zin gegeven.");
        await ActAsAsync("Bram");
        await step5.GetByRole(AriaRole.Button, Named("Volgende stap")).ClickAsync();

        // Step 5 was the method's harvest (insight and action), so the close asks neither again: two members rate by button.
        var rating = BotMessage("Welk cijfer geef je deze methode vandaag");
        await Expect(rating.GetByRole(AriaRole.Button)).ToHaveCountAsync(11);
        await ActAsAsync("Cees");
        await rating.GetByRole(AriaRole.Button, Named("8")).ClickAsync();
        await Expect(rating).ToContainTextAsync("1 van 5 hebben een cijfer gegeven.");
        await ActAsAsync("Dewi");
        await rating.GetByRole(AriaRole.Button, Named("7")).ClickAsync();
        await Expect(rating).ToContainTextAsync("2 van 5 hebben een cijfer gegeven.");

        // Bram closes: thanks, the report card with Anna's action, and "verslag" shows the stored record again.
        await ActAsAsync("Bram");
        await rating.GetByRole(AriaRole.Button, Named("Volgende stap")).ClickAsync();
        await Expect(BotMessage("Dank jullie wel.")).ToBeVisibleAsync();
        var reports = BotMessage("Verslag: Incidentmethode");
        await Expect(reports).ToHaveCountAsync(1);
        await ExpectReportAsync(reports.First, Action);
        await SayInGroupAsync("Eva", "verslag");
        await Expect(reports).ToHaveCountAsync(2);
        await ExpectReportAsync(reports.Last, Action);
        await ScreenshotAsync("incident-session-end-to-end.png");

        var group = new ConversationAddress("playground", "playground", _host.Channel.GroupConversationId, ConversationScope.GroupChat, "playground");
        var record = await _host.Factory.Services.GetRequiredService<SessionRecordStore>().LatestAsync(group);
        Assert.NotNull(record);
        Assert.Equal(Action, record.Action);
        Assert.Equal([Action], record.Insights);
        Assert.Equal(2, record.RatedBy);
        Assert.Empty(_browser.Errors);
    }

    /// <summary>
    /// The report card's facts, read as the page shows them: each title next to its value. Anna gave her insight and
    /// her action in one sentence (the method's last step asks for both), so the card has one row for them.
    /// </summary>
    private static async Task ExpectReportAsync(ILocator report, string insightAndAction)
    {
        var facts = report.Locator("dl.ac-facts");
        async Task Fact(string title, string value) =>
            await Expect(facts.Locator("dt", new LocatorLocatorOptions { HasTextRegex = new Regex($"^{title}$") }).Locator("xpath=following-sibling::dd[1]")).ToHaveTextAsync(value);
        await Fact("Methode", "Incidentmethode");
        await Fact("Casusinbrenger", "Anna");
        await Fact("Gespreksleider", "Bram");
        await Fact("Aanwezig", "Anna, Bram, Cees, Dewi, Eva");
        await Fact("Inzicht en actie", insightAndAction);
        await Expect(facts.Locator("dt", new LocatorLocatorOptions { HasTextRegex = new Regex("^(Inzicht|Actie)$") })).ToHaveCountAsync(0);
        await Fact("Waardering", "7,5");
    }

    [Fact]
    public async Task PrivateMessageFromTheBot_WaitsInTheMembersOwnTab_WhereTheyCanAnswer()
    {
        await OpenAsync();
        var messenger = _host.Factory.Services.GetRequiredService<IChannelMessenger>();
        var group = new ConversationAddress("playground", "playground", _host.Channel.GroupConversationId, ConversationScope.GroupChat, "playground");
        var bram = (await messenger.GetMembersAsync(group)).Single(m => m.Name == "Bram");

        await messenger.SendPrivateAsync(group, bram, new OutgoingMessage("Je bent over een week aan de beurt met een **casus**."));

        var tab = _page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Bram · privé" });
        await Expect(tab.Locator(".unread")).ToHaveTextAsync("1");
        await tab.ClickAsync();
        await Expect(tab).ToHaveAttributeAsync("aria-selected", "true");
        var reminder = BotMessage("Je bent over een week aan de beurt");
        await Expect(reminder.Locator("strong")).ToHaveTextAsync("casus");
        await Expect(BotMessage("Hallo, ik ben IntervisieBot")).ToHaveCountAsync(0);

        await Composer("Privébericht aan IntervisieBot, als Bram").FillAsync("hulp");
        await Composer("Privébericht aan IntervisieBot, als Bram").PressAsync("Enter");

        await Expect(BotMessage("Wat ik kan")).ToBeVisibleAsync();
        await Expect(_page.Locator("article.msg.mine .mention")).ToHaveCountAsync(0);
        await Expect(tab.Locator(".unread")).ToHaveCountAsync(0);
        await ScreenshotAsync("private-chat.png");
        Assert.Contains(_host.Channel.Activities("playground-personal-bram"), a => a.Contains("Wat ik kan", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Channel.Activities(_host.Channel.GroupConversationId), a => a.Contains("Wat ik kan", StringComparison.Ordinal));
        Assert.Empty(_browser.Errors);
    }

    [Fact]
    public async Task Members_AreAddedAndRenamed_AndTheLanguageSwitchChangesWhatTheBotSays()
    {
        await OpenAsync();

        await _page.GetByLabel("Lid toevoegen").FillAsync("Fleur");
        await _page.GetByLabel("Lid toevoegen").PressAsync("Enter");
        await Expect(_page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Fleur · privé" })).ToBeVisibleAsync();
        await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Naam van Cees wijzigen" }).ClickAsync();
        await _page.GetByLabel("Nieuwe naam voor Cees").FillAsync("Cees Bakker");
        await _page.GetByLabel("Nieuwe naam voor Cees").PressAsync("Enter");
        await Expect(_page.Locator(".member-list")).ToContainTextAsync("Cees Bakker");

        await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "EN", Exact = true }).ClickAsync();
        await Composer("Message to the group, as Anna").FillAsync("help");
        await Composer("Message to the group, as Anna").PressAsync("Enter");

        await Expect(BotMessage("What I can do")).ToBeVisibleAsync();
        await Expect(_page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Group chat" })).ToBeVisibleAsync();
        Assert.Equal(["Anna", "Bram", "Cees Bakker", "Dewi", "Eva", "Fleur"], _host.Channel.Members.Select(m => m.Name));
        Assert.Empty(_browser.Errors);
    }

    [Fact]
    public async Task Card_RendersItsTextSafely_ChecksRequiredInputs_AndSendsEveryInputWithTheButton()
    {
        await OpenAsync();
        var group = _host.Channel.GroupConversationId;
        var posted = await _host.Http.PostAsync(
            new Uri($"/playground/connector/v3/conversations/{group}/activities", UriKind.Relative),
            new StringContent(CaseCard, Encoding.UTF8, "application/json"));
        var cardId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var card = BotMessage("Casus voorbereiden");
        await Expect(card).ToBeVisibleAsync();

        await Expect(card.Locator("strong")).ToHaveTextAsync("Vet");
        await Expect(card.Locator("em")).ToHaveTextAsync("schuin");
        await Expect(card).ToContainTextAsync("<img src=x onerror=alert(1)>");
        await Expect(card.Locator("img")).ToHaveCountAsync(0);
        await Expect(card.Locator("dl.ac-facts")).ToContainTextAsync("Incidentmethode");

        var requests = 0;
        _page.Request += (_, request) => requests += request.Url.EndsWith("/playground/messages", StringComparison.Ordinal) ? 1 : 0;
        await card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Opslaan" }).ClickAsync();
        await Expect(card.GetByText("Geef je casus een titel.")).ToBeVisibleAsync();
        Assert.Equal(0, requests);

        await card.GetByLabel("Titel").FillAsync("Een lastig gesprek");
        await card.GetByLabel("Situatie").FillAsync("Regel 1\nRegel 2");
        await card.GetByLabel("Minuten").FillAsync("45");
        await card.GetByLabel("Datum").FillAsync("2026-12-01");
        await card.GetByLabel("Tijd").FillAsync("14:30");
        await card.GetByLabel("Methode", new LocatorGetByLabelOptions { Exact = true }).SelectOptionAsync("balint");
        await card.GetByLabel("6 weken").CheckAsync();
        await card.GetByLabel("Maandag").CheckAsync();
        await card.GetByLabel("Dinsdag").CheckAsync();
        var invoke = await _page.RunAndWaitForRequestAsync(
            () => card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Opslaan" }).ClickAsync(),
            request => request.Url.EndsWith("/playground/messages", StringComparison.Ordinal));

        var activity = invoke.PostDataJSON()!.Value;
        Assert.Equal("invoke", activity.GetProperty("type").GetString());
        Assert.Equal("adaptiveCard/action", activity.GetProperty("name").GetString());
        Assert.Equal(cardId, activity.GetProperty("replyToId").GetString());
        Assert.Equal("Anna", activity.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal($"{_host.Address.AbsoluteUri}playground/connector/", activity.GetProperty("serviceUrl").GetString());
        var action = activity.GetProperty("value").GetProperty("action");
        Assert.Equal("Action.Execute", action.GetProperty("type").GetString());
        Assert.Equal("save", action.GetProperty("verb").GetString());
        var data = action.GetProperty("data").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["action"] = "save", ["card"] = "case", ["title"] = "Een lastig gesprek", ["situation"] = "Regel 1\nRegel 2", ["minutes"] = "45",
                ["date"] = "2026-12-01", ["time"] = "14:30", ["method"] = "balint", ["cadence"] = "6", ["days"] = "mon,tue",
            },
            data);
        await Expect(_page.Locator("#status")).ToHaveTextAsync("IntervisieBot: ✓");
        await ScreenshotAsync("card-inputs.png");
        Assert.Empty(_browser.Errors);
    }

    /// <summary>A card as the bot could send it, with every input kind the page renders, and text that tries to be HTML.</summary>
    private const string CaseCard = """
        {"type":"message","from":{"id":"playground-bot","name":"IntervisieBot"},
         "attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{
           "type":"AdaptiveCard","version":"1.5",
           "body":[
             {"type":"TextBlock","text":"Casus voorbereiden","size":"Medium","weight":"Bolder","wrap":true},
             {"type":"TextBlock","text":"**Vet** en _schuin_ en <img src=x onerror=alert(1)>","wrap":true},
             {"type":"TextBlock","text":"Alleen jij ziet dit.","isSubtle":true,"size":"Small","wrap":true},
             {"type":"FactSet","facts":[{"title":"Methode","value":"Incidentmethode"},{"title":"Duur","value":"90 minuten"}]},
             {"type":"Input.Text","id":"title","label":"Titel","isRequired":true,"errorMessage":"Geef je casus een titel."},
             {"type":"Input.Text","id":"situation","label":"Situatie","isMultiline":true},
             {"type":"Input.Number","id":"minutes","label":"Minuten","value":"90"},
             {"type":"Input.Date","id":"date","label":"Datum"},
             {"type":"Input.Time","id":"time","label":"Tijd"},
             {"type":"Input.ChoiceSet","id":"method","label":"Methode","style":"compact",
              "choices":[{"title":"Incidentmethode","value":"incident"},{"title":"Balintmethode","value":"balint"}]},
             {"type":"Input.ChoiceSet","id":"cadence","label":"Ritme","style":"expanded",
              "choices":[{"title":"4 weken","value":"4"},{"title":"6 weken","value":"6"}]},
             {"type":"Input.ChoiceSet","id":"days","label":"Dagen","style":"expanded","isMultiSelect":true,
              "choices":[{"title":"Maandag","value":"mon"},{"title":"Dinsdag","value":"tue"}]}
           ],
           "actions":[{"type":"Action.Execute","title":"Opslaan","verb":"save","data":{"action":"save","card":"case"},"style":"positive"}]
         }}]}
        """;
}

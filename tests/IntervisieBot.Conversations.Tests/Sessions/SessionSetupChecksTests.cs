using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Tests.Sessions;

/// <summary>
/// The set-up's checks from the sources' pitfalls, through the composed bot: fewer than three present get a warning,
/// a method that needs a safe group is confirmed first, and the case owner of a larger group may choose one or two
/// askers while the others observe.
/// </summary>
public sealed class SessionSetupChecksTests
{
    private static readonly string[] Seven = ["Anna", "Bram", "Cees", "Dewi", "Eva", "Femke", "Gijs"];

    private static SentMessage LiveCard(BotClient bot, string title) => bot.Channel.Sent.Last(s => s.Kind != "private" && s.Message.Card?.Title == title);

    private static async Task<List<OutgoingMessage>> StartWithTwoAsync(BotClient bot)
    {
        await bot.Say("Anna", "start incidentmethode");
        await bot.Say("Anna", "Anna");
        return await bot.Say("Anna", "Bram");
    }

    [Fact]
    public async Task TwoPresent_GetAWarningWithTheReason_AndStartAnywayBeginsTheSession()
    {
        using var bot = new BotClient("Anna", "Bram");

        var warning = await StartWithTwoAsync(bot);

        var text = BotClient.Text(warning);
        Assert.Contains("Er doen nu 2 mensen mee", text, StringComparison.Ordinal);
        Assert.Contains("met minder dan drie mensen hoort de casusinbrenger te weinig vragen en invalshoeken", text, StringComparison.Ordinal);
        Assert.Contains("[Toch beginnen]", text, StringComparison.Ordinal);
        Assert.Contains("[Niet nu]", text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Channel.Sent, s => s.Message.Card?.Title == "Incidentmethode");

        await bot.Press("Anna", BotClient.Button(warning, "Toch beginnen"));

        Assert.Contains("Stap 1 van 5", LiveCard(bot, "Incidentmethode").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoPresent_NotNow_EndsTheSetUp_AndStartAsksAgain()
    {
        using var bot = new BotClient("Anna", "Bram");
        var warning = await StartWithTwoAsync(bot);

        var answer = await bot.Press("Bram", BotClient.Button(warning, "Niet nu"));

        Assert.Equal("Goed, dan beginnen we nu niet. Typ **start** zodra er meer mensen bij zijn.", answer[^1].Text);
        Assert.DoesNotContain(bot.Channel.Sent, s => s.Message.Card?.Title == "Incidentmethode");
        Assert.Contains("Wie brengt vandaag de casus in?", BotClient.Text(await bot.Say("Anna", "start incidentmethode")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreePresent_GetNoWarning_InEnglishNeither()
    {
        using var bot = new BotClient("Anna", "Bram", "Cees") { Locale = "en-GB" };
        await bot.Say("Anna", "start incident method");
        await bot.Say("Anna", "Anna");
        await bot.Say("Anna", "Bram");

        var begun = BotClient.Text(await bot.Say("Anna", "everyone"));

        Assert.DoesNotContain("fewer than three", begun, StringComparison.Ordinal);
        Assert.Contains("Step 1 of 5", LiveCard(bot, "Incident method").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGossipMethod_AsksTheGroupToConfirmItFeelsSafe_AndSaysWhatItAsks()
    {
        using var bot = new BotClient(BotClient.NamesA);

        var question = await bot.Say("Anna", "start roddelmethode");

        var text = BotClient.Text(question);
        Assert.Contains("**Roddelmethode** vraagt veel van de groep.", text, StringComparison.Ordinal);
        Assert.Contains("de casusinbrenger keert de groep even de rug toe en luistert alleen", text, StringComparison.Ordinal);
        Assert.Contains("[Ja, we voelen ons veilig genoeg]", text, StringComparison.Ordinal);
        Assert.Contains("[Kies een andere methode]", text, StringComparison.Ordinal);

        var next = await bot.Press("Cees", BotClient.Button(question, "Ja, we voelen ons veilig genoeg"));
        Assert.Contains("Wie brengt vandaag de casus in?", BotClient.Text(next), StringComparison.Ordinal);
        await bot.Say("Anna", "Anna");
        await bot.Say("Anna", "Bram");
        await bot.Say("Anna", "iedereen");
        Assert.Contains("Stap 1 van 8", LiveCard(bot, "Roddelmethode").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGossipMethod_AnotherMethod_GoesBackToTheMethodChoice()
    {
        using var bot = new BotClient(BotClient.NamesA);
        var question = await bot.Say("Anna", "start roddelmethode");

        var choice = BotClient.Text(await bot.Press("Dewi", BotClient.Button(question, "Kies een andere methode")));

        Assert.Contains("Met welke methode werken we vandaag?", choice, StringComparison.Ordinal);
        Assert.Contains("Incidentmethode", choice, StringComparison.Ordinal);
        Assert.Contains("Wie brengt vandaag de casus in?", BotClient.Text(await bot.Say("Anna", "incidentmethode")), StringComparison.Ordinal);
        await bot.Say("Anna", "Anna");
        await bot.Say("Anna", "Bram");
        await bot.Say("Anna", "iedereen");
        Assert.Contains("Stap 1 van 5", LiveCard(bot, "Incidentmethode").Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Channel.Sent, s => s.Message.Card?.Title == "Roddelmethode");
    }

    [Fact]
    public async Task AFreeIntervision_IsConfirmedToo_WhileTheIncidentMethodStartsAtOnce()
    {
        using var bot = new BotClient(BotClient.NamesA);

        Assert.Contains("**Vrije intervisie** vraagt veel van de groep.", BotClient.Text(await bot.Say("Anna", "start vrije intervisie")), StringComparison.Ordinal);
        await bot.Say("Anna", "nee");
        Assert.Contains("Wie brengt vandaag de casus in?", BotClient.Text(await bot.Say("Anna", "incidentmethode")), StringComparison.Ordinal);
    }

    /// <summary>Seven members: Anna brings the case, Bram facilitates, all are present; Anna lets Cees and Dewi ask.</summary>
    private static async Task<List<OutgoingMessage>> StartWithAskersAsync(BotClient bot, string method)
    {
        await bot.Say("Anna", "start " + method);
        await bot.Say("Anna", "Anna");
        await bot.Say("Anna", "Bram");
        var askers = await bot.Say("Anna", "iedereen");
        Assert.Contains("Anna, wie mogen er vragen stellen?", BotClient.Text(askers), StringComparison.Ordinal);
        Assert.Contains("[Iedereen]", BotClient.Text(askers), StringComparison.Ordinal);

        // Only the case owner chooses.
        Assert.Empty(await bot.Press("Eva", BotClient.Button(askers, "Eva")));
        var second = await bot.Press("Anna", BotClient.Button(askers, "Cees"));
        Assert.Contains("Cees stelt vragen. Mag er nog iemand vragen stellen?", BotClient.Text(second), StringComparison.Ordinal);
        Assert.Contains("[Alleen Cees]", BotClient.Text(second), StringComparison.Ordinal);
        return await bot.Press("Anna", BotClient.Button(second, "Dewi"));
    }

    [Fact]
    public async Task ChosenAskers_AloneAreAskedInTheQuestionStep_TheCountSaysOneOfTwo_AndObserversAreToldOnce()
    {
        using var bot = new BotClient(Seven);

        var begun = BotClient.Text(await StartWithAskersAsync(bot, "tien stappen"));
        Assert.Contains("In de stappen met vragen stellen Cees en Dewi de vragen. Bram, Eva, Femke en Gijs observeren en geven na afloop feedback op hoe het gesprek liep.", begun, StringComparison.Ordinal);

        var before = bot.Channel.Sent.Count;
        await bot.Say("Bram", "volgende");
        var asked = bot.Channel.Sent.Skip(before).Where(s => s.Kind == "private").Select(s => s.To!.Name).ToList();
        Assert.Equal(["Cees", "Dewi"], asked);
        var card = LiveCard(bot, "Tienstappenmethode").Text;
        Assert.Contains("Vragen: Cees en Dewi · de anderen observeren.", card, StringComparison.Ordinal);
        Assert.Contains("0 van 2 hebben geantwoord.", card, StringComparison.Ordinal);

        await bot.Privately("Cees", "Wat deed je toen hij wegliep?");
        await bot.Privately("Cees", "Wie was er nog meer bij?");
        await bot.Privately("Eva", "Wat voelde je op dat moment?");
        Assert.Contains("1 van 2 hebben geantwoord.", LiveCard(bot, "Tienstappenmethode").Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Channel.Sent, s => s.Kind != "private" && s.Text.Contains("Wat voelde je op dat moment?", StringComparison.Ordinal));

        // The next steps are no question steps: the live card drops the line, and no one is told again.
        await bot.Say("Bram", "volgende");
        await bot.Say("Bram", "volgende");
        Assert.DoesNotContain("observeren", LiveCard(bot, "Tienstappenmethode").Text, StringComparison.Ordinal);
        Assert.Single(bot.Channel.Sent, s => s.Text.Contains("observeren en geven na afloop feedback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChosenAskers_AloneGetTheFloor_InAQuestionRound()
    {
        using var bot = new BotClient(Seven);
        await StartWithAskersAsync(bot, "incidentmethode");

        await bot.Say("Bram", "volgende");
        Assert.Contains("Cees, jij hebt het woord.", LiveCard(bot, "Incidentmethode").Text, StringComparison.Ordinal);
        await bot.Say("Cees", "klaar");
        Assert.Contains("Dewi, jij hebt het woord.", LiveCard(bot, "Incidentmethode").Text, StringComparison.Ordinal);
        await bot.Say("Dewi", "klaar");

        Assert.Contains("Iedereen is aan de beurt geweest", LiveCard(bot, "Incidentmethode").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Everyone_AsksAsBefore_AndFourParticipantsAreNotAskedAtAll()
    {
        using var seven = new BotClient(Seven);
        await seven.Say("Anna", "start tien stappen");
        await seven.Say("Anna", "Anna");
        await seven.Say("Anna", "Bram");
        var askers = await seven.Say("Anna", "iedereen");
        var begun = BotClient.Text(await seven.Press("Anna", BotClient.Button(askers, "Iedereen")));
        Assert.DoesNotContain("observeren en geven na afloop", begun, StringComparison.Ordinal);
        await seven.Say("Bram", "volgende");
        Assert.Contains("0 van 6 hebben geantwoord.", LiveCard(seven, "Tienstappenmethode").Text, StringComparison.Ordinal);

        using var five = new BotClient(BotClient.NamesA);
        await five.Say("Anna", "start tien stappen");
        await five.Say("Anna", "Anna");
        await five.Say("Anna", "Bram");
        Assert.DoesNotContain("vragen stellen", BotClient.Text(await five.Say("Anna", "iedereen")), StringComparison.Ordinal);
        Assert.Contains("Stap 1 van 10", LiveCard(five, "Tienstappenmethode").Text, StringComparison.Ordinal);
    }
}

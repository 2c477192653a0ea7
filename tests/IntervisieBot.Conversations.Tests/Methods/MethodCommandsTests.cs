using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using static IntervisieBot.Conversations.Tests.Harness.BotClient;

namespace IntervisieBot.Conversations.Tests.Methods;

/// <summary><c>methods</c> and <c>advice</c>: the nine methods listed, and method advice after four questions.</summary>
public sealed class MethodCommandsTests : IDisposable
{
    private readonly BotClient _client = new();

    public void Dispose() => _client.Dispose();

    private async Task<int> StackDepthAsync() => (await _client.Get<DialogStateStore>().LoadAsync(_client.Address)).State.Stack.Count;

    [Fact]
    public async Task Methods_ListsAllNineWithTheirDuration()
    {
        await _client.Say("Anna", "methodes");

        var card = Assert.Single(_client.Channel.Sent).Message.Card!;
        var headings = card.Body.OfType<CardText>().Where(t => t.Style == TextStyle.Heading).Select(t => t.Text).ToList();
        Assert.Equal(9, headings.Count);
        Assert.Contains(headings, h => h.Contains("Socratische", StringComparison.Ordinal) && h.Contains("min", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Advice_FourQuestionsWithButtonsOrWords_ThenMethodsRankedWithReasons()
    {
        _client.Locale = "en-US";
        await _client.Say("Anna", "advice");
        var kinds = _client.Channel.Sent[^1].Message.Card!.Buttons;
        Assert.Equal(7, kinds.Count);

        await _client.Press("Anna", kinds.Single(b => b.Data["choice"] == "ConcreteIncident").Data);
        await _client.Say("Anna", "45 minutes");
        await _client.Say("Anna", "new");
        await _client.Say("Anna", "yes");

        var advice = _client.Channel.Sent[^1].Message.Card!;
        Assert.Equal("My advice", advice.Title);
        var first = advice.Body.OfType<CardText>().First(t => t.Style == TextStyle.Heading).Text;
        Assert.Contains("Incident", first, StringComparison.Ordinal);
        Assert.Contains(advice.Body.OfType<CardText>(), t => t.Text.StartsWith("- ", StringComparison.Ordinal));
        Assert.Equal(0, await StackDepthAsync());
    }

    [Fact]
    public async Task Advice_OffersAConcreteProblem_AndPutsFiveStepsFirstForIt()
    {
        await _client.Say("Anna", "advies");
        var kinds = _client.Channel.Sent[^1].Message.Card!.Buttons;
        var problem = kinds.Single(b => b.Title == "Een concreet probleem in je werk");

        await _client.Press("Anna", problem.Data);
        await _client.Say("Anna", "60");
        await _client.Say("Anna", "new");
        await _client.Say("Anna", "ja");

        var advice = _client.Channel.Sent[^1].Message.Card!;
        Assert.StartsWith("1. **Vijf stappen", advice.Body.OfType<CardText>().First(t => t.Style == TextStyle.Heading).Text, StringComparison.Ordinal);
        Assert.Contains("- Past bij een concreet probleem in je werk", Text(_client.Channel.Sent[^1].Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advice_ShowsEachCautionOnce()
    {
        await _client.Say("Anna", "advies");
        await _client.Press("Anna", _client.Channel.Sent[^1].Message.Card!.Buttons.Single(b => b.Data["choice"] == "OwnContribution").Data);
        await _client.Say("Anna", "30");
        await _client.Say("Anna", "new");
        await _client.Say("Anna", "nee");

        var advice = _client.Channel.Sent[^1].Message.Card!;
        var reasons = advice.Body.OfType<CardText>().Where(t => t.Text.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, reasons.Count);
        Assert.All(reasons, r => Assert.Equal(r.Text.Split('\n').Length, r.Text.Split('\n').Distinct().Count()));
        // STARR and Vijf stappen (second and third) both take longer than 30 minutes: that caution once for each.
        Assert.Equal(2, reasons.Sum(r => r.Text.Split('\n').Count(l => l.StartsWith("- Let op: past niet in jullie tijd", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Advice_InAGroupOfNinetyMinutes_UsesItsMeetingLength_AndNeverCallsTheTimeTight()
    {
        using var group = new BotClient("Anna", "Bram", "Cees", "Dewi", "Eva");
        await group.SetUpAsync();

        await group.Say("Anna", "advies");
        var asked = await group.Press("Anna", group.Channel.Sent[^1].Message.Card!.Buttons.Single(b => b.Data["choice"] == "ConcreteProblem").Data);
        Assert.DoesNotContain("Hoeveel tijd", Text(asked), StringComparison.Ordinal);
        Assert.Contains("Hoe ervaren is de groep met intervisie?", Text(asked), StringComparison.Ordinal);
        await group.Say("Anna", "new");
        await group.Say("Anna", "ja");

        var advice = Text(group.Channel.Sent[^1].Message);
        Assert.Contains("Ik ga uit van de lengte van jullie bijeenkomst: 90 minuten.", advice, StringComparison.Ordinal);
        Assert.Contains("2. **Tienstappenmethode**", advice, StringComparison.Ordinal);
        Assert.DoesNotContain("Krap", advice, StringComparison.Ordinal);
        Assert.Contains("- Past in de tijd die jullie hebben (60–75 min)", advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advice_AfterTheCaseOwnerChoseAMethod_KeepsTheirChoiceFirst_AndIsASecondOpinion()
    {
        using var group = new BotClient("Anna", "Bram", "Cees", "Dewi", "Eva");
        await group.SetUpAsync();
        foreach (var answer in new[]
                 {
                     "casus", "vragen", "Onderbroken", "Dinsdag onderbrak Joris mij drie keer.", "Mijn vraag is: hoe geef ik rustig mijn grens aan?",
                     "Met mijn teamleider gepraat.", "Het moment dat Joris zei: laat mij maar.", "starr", "ja", "ja", "ja", "1",
                 })
        {
            await group.Privately("Anna", answer);
        }

        await group.Say("Bram", "advies");
        await group.Press("Bram", group.Channel.Sent[^1].Message.Card!.Buttons.Single(b => b.Data["choice"] == "ConcreteIncident").Data);
        await group.Say("Bram", "new");
        await group.Say("Bram", "ja");

        var advice = group.Channel.Sent[^1].Message.Card!;
        Assert.Equal("Tweede mening", advice.Title);
        Assert.Equal(
            "Anna koos bij het voorbereiden van de casus zelf voor **STARR-methode**. Die keuze blijft bovenaan als de bijeenkomst begint; mijn advies hieronder is een tweede mening.",
            advice.Body.OfType<CardText>().First().Text);
        Assert.StartsWith("1. **Incidenten**", advice.Body.OfType<CardText>().First(t => t.Style == TextStyle.Heading).Text, StringComparison.Ordinal);

        var start = await group.Say("Bram", "start");
        Assert.StartsWith("STARR-methode", Assert.Single(start, m => m.Card?.Buttons.Count > 0).Card!.Buttons[0].Title, StringComparison.Ordinal);
    }
}

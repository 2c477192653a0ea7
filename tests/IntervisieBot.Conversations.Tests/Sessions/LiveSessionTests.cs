using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Conversations.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Conversations.Tests.Sessions;

/// <summary>
/// The running session as a facilitator would run it, through the composed bot: one live card, old buttons that stop
/// working quietly, reveals within their step, a pause with its resume button, private prompts that say where they
/// belong, and few group messages for a whole session.
/// </summary>
public sealed class LiveSessionTests : IDisposable
{
    private readonly BotClient _bot = new(new BotClientOptions
    {
        Members = BotClient.NamesA,
        Scheduler = true,
        Start = BotClient.ThursdayEvening,
        Configure = services => services.AddSingleton(new RevealOrder(new Random(7))),
    });

    public void Dispose() => _bot.Dispose();

    private List<SentMessage> SentSince(int before)
    {
        lock (_bot.Channel.Sent)
        {
            return _bot.Channel.Sent.Skip(before).ToList();
        }
    }

    private int Count() => _bot.Channel.Sent.Count;

    private async Task StartAsync(string method)
    {
        await _bot.Say("Anna", "start " + method);
        await _bot.Say("Anna", "Anna");
        await _bot.Say("Anna", "Bram");
        // A set-up group on a day without a planned meeting is asked which meeting this is.
        if ((await _bot.Say("Anna", "iedereen")).Any(m => m.Text.StartsWith("Hoort deze sessie", StringComparison.Ordinal)))
        {
            await _bot.Say("Anna", "ja");
        }
    }

    private SentMessage LiveCard(string title) => _bot.Channel.Sent.Last(s => s.Kind != "private" && s.Message.Card?.Title == title);

    [Fact]
    public async Task AStalePress_ChangesNothing_AndAnswersOnlyThePresser()
    {
        await StartAsync("incidentmethode");
        var first = LiveCard("Incidentmethode");
        await _bot.Press("Bram", first, "Volgende stap");

        var before = Count();
        await _bot.Press("Anna", first, "Volgende stap");

        var answer = Assert.Single(SentSince(before));
        Assert.Equal(("private", "Anna"), (answer.Kind, answer.To!.Name));
        Assert.StartsWith("Die knop hoort bij een eerder bericht", answer.Message.Text, StringComparison.Ordinal);
        Assert.Contains("Stap 2 van 5", LiveCard("Incidentmethode").Text, StringComparison.Ordinal);

        // The live card is one message: every step so far updated it in place.
        Assert.Single(_bot.Channel.Sent, s => s.Kind == "send" && s.Message.Card?.Title == "Incidentmethode");
    }

    [Fact]
    public async Task ATimeUpCard_LosesItsButtons_WhenTheStepMovesOn()
    {
        await StartAsync("vrije intervisie");
        await _bot.PassAsync(TimeSpan.FromMinutes(8));
        var up = _bot.Channel.Sent.Last(s => s.Kind == "send");
        Assert.Contains("is om", up.Text, StringComparison.Ordinal);
        Assert.NotEmpty(up.Message.Card!.Buttons);

        await _bot.Press("Bram", up, "Volgende stap");

        var ended = _bot.Channel.Sent.Last(s => s.Kind == "update" && s.MessageId == up.MessageId);
        Assert.Empty(ended.Message.Card!.Buttons);
        Assert.Contains("is om", ended.Text, StringComparison.Ordinal);
        var before = Count();
        await _bot.Press("Anna", up, "Volgende stap");
        Assert.Equal("private", Assert.Single(SentSince(before)).Kind);
    }

    [Fact]
    public async Task NextBeforeTheReveal_RevealsFirst_AndTheStepStaysForItsDiscussion_ThenNextMovesOn()
    {
        await StartAsync("incidentmethode");
        await _bot.Say("Bram", "volgende");
        await _bot.Say("Bram", "volgende");
        await _bot.Privately("Cees", "Cees zag iets");
        Assert.Contains("0 van 4 hebben geantwoord.", LiveCard("Incidentmethode").Text, StringComparison.Ordinal);
        Assert.Contains("[Onthullen]", LiveCard("Incidentmethode").Text, StringComparison.Ordinal);

        var before = Count();
        await _bot.Say("Bram", "volgende");
        var reveal = Assert.Single(SentSince(before), s => s.Kind == "send");
        Assert.Contains("Cees zag iets (Cees)", reveal.Text, StringComparison.Ordinal);
        Assert.Contains("Stap 3 van 5", LiveCard("Incidentmethode").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("[Onthullen]", LiveCard("Incidentmethode").Text, StringComparison.Ordinal);

        await _bot.Say("Bram", "volgende");
        Assert.Contains("Stap 4 van 5", LiveCard("Incidentmethode").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousReveal_IsShuffled_SoOnesPairDoesNotSitTogether()
    {
        // Vijf stappen: step 4 collects two anonymous questions from each participant.
        await StartAsync("vijf stappen");
        for (var i = 0; i < 3; i++)
        {
            await _bot.Say("Bram", "volgende");
        }

        foreach (var name in BotClient.NamesA.Skip(1))
        {
            await _bot.Privately(name, $"Wat zag {name} eerst?");
            await _bot.Privately(name, $"Wat zag {name} daarna?");
        }

        var lines = _bot.Channel.Sent.Last(s => s.Kind == "send" && s.Message.Card?.Title == "Wat jullie inbrachten").Text
            .Split('\n').Where(l => l.EndsWith("(anoniem)", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, lines.Count);
        Assert.NotEqual(lines.OrderBy(l => int.Parse(l.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture)), lines);
    }

    [Fact]
    public async Task Pause_PostsAResumeButton_AndResumeSaysWhereTheMeetingIs()
    {
        await StartAsync("incidentmethode");
        await _bot.Say("Bram", "volgende");
        await _bot.Say("Bram", "klaar");

        var paused = Assert.Single(await _bot.Say("Bram", "pauze"), m => m.Card?.Title is null);
        Assert.Contains("Pauze", BotClient.Text(paused), StringComparison.Ordinal);
        var pauseMessage = _bot.Channel.Sent.Last(s => s.Kind == "send");
        Assert.Equal(["Verder"], LiveCard("Incidentmethode").Message.Card!.Buttons.Select(b => b.Title));

        var resumed = await _bot.Press("Anna", pauseMessage, "Verder");

        Assert.Contains("We gaan verder bij stap 2 van 5", BotClient.Text(resumed), StringComparison.Ordinal);
        Assert.Contains("Cees, jij hebt het woord.", BotClient.Text(resumed), StringComparison.Ordinal);
        Assert.Empty(_bot.Channel.Sent.Last(s => s.Kind == "update" && s.MessageId == pauseMessage.MessageId).Message.Card!.Buttons);
    }

    [Fact]
    public async Task APrivatePrompt_NamesTheGroupTheCaseOwnerAndTheStep_AndOnlyTheContributorsPart()
    {
        await _bot.SetUpAsync();
        await StartAsync("incidentmethode");
        await _bot.Say("Bram", "volgende");
        var before = Count();
        await _bot.Say("Bram", "volgende");

        var prompts = SentSince(before).Where(s => s.Kind == "private").ToList();
        Assert.Equal(4, prompts.Count);
        var prompt = prompts[0].Message.Text;
        Assert.StartsWith("**Team Noord** · casus van Anna · stap 3: ", prompt, StringComparison.Ordinal);
        Assert.Contains("Wat ik hoorde of zag", prompt, StringComparison.Ordinal);
        Assert.Contains("Stuur hier 2 bijdragen", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("(n)", prompt, StringComparison.Ordinal);
        var instruction = Domain.Methods.MethodLibrary.BuiltIn.Get("incident").Steps[2].Instruction.Nl;
        Assert.DoesNotContain(instruction, prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWholeIncidentmethode_WithFiveMembers_TakesFewerThanTwentyGroupMessages_BesidesTheAnswers()
    {
        var before = Count();
        await _bot.RunSessionAsync(BotClient.Incident, BotClient.NamesA, "x");

        var inGroup = SentSince(before).Where(s => s.Kind == "send" && s.Conversation == _bot.Address).ToList();
        // What members must answer: the set-up's three questions (method named: case owner, facilitator, who is present).
        Assert.True(inGroup.Count < 20 + 3, $"{inGroup.Count} group messages:\n" + string.Join("\n", inGroup));
        Assert.Single(inGroup, s => s.Message.Card?.Title == "Incidentmethode");
        Assert.DoesNotContain(inGroup, s => s.Message.Text.StartsWith("Genoteerd", StringComparison.Ordinal));
        Console.WriteLine($"Incidentmethode, five members: {inGroup.Count} group messages, {SentSince(before).Count(s => s.Kind == "update")} updates");
    }
}

using IntervisieBot.Conversations.Tests.Harness;

namespace IntervisieBot.Conversations.Tests.Evaluation;

/// <summary><c>evaluatie</c> before any answers: what it says depends on whether the group met already.</summary>
public sealed class EvaluationCommandTests : IDisposable
{
    private const string NotYetMet = "Er is nog geen evaluatie geweest. Die komt na de eerste bijeenkomst en daarna na elke derde.";
    private readonly BotClient _bot = BotClient.TwoGroups();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Evaluation_BeforeTheFirstMeeting_SaysItComesAfterTheFirstMeeting()
    {
        await _bot.SetUpAsync();

        Assert.Equal(NotYetMet, Assert.Single(await _bot.Say("Eva", "evaluatie")).Text);
    }

    [Fact]
    public async Task Evaluation_RightAfterTheFirstSession_SaysNobodyAnsweredYet_NotThatItComesAfterTheFirstMeeting()
    {
        await _bot.SetUpAsync();
        await _bot.RunSessionAsync(BotClient.Incident, BotClient.NamesA, "Geheim");

        var said = Assert.Single(await _bot.Say("Eva", "evaluatie")).Text;

        Assert.NotEqual(NotYetMet, said);
        Assert.Equal(
            "Nog niemand heeft de evaluatie ingevuld. Na de bijeenkomst krijgt iedereen die erbij was de vragen privé; zodra drie mensen hebben geantwoord, zie je hier de gemiddelden.",
            said);
    }
}

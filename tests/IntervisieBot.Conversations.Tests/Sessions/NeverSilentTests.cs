using IntervisieBot.Conversations.Tests.Harness;
using static IntervisieBot.Conversations.Tests.Harness.BotClient;

namespace IntervisieBot.Conversations.Tests.Sessions;

/// <summary>
/// Never silent during a session: a message to the bot is answered with where the meeting is, who acts and the words
/// that work now; <c>start</c> offers to carry on; ordinary chat between members stays unanswered.
/// </summary>
public sealed class NeverSilentTests : IDisposable
{
    private readonly BotClient _chat = new(NamesA);

    public void Dispose() => _chat.Dispose();

    /// <summary>Anna brings the case, Bram facilitates, everyone is there: the Incidentmethode at step 1.</summary>
    private Task StartIncidentAsync() => _chat.StartAsync("incident");

    /// <summary>What the bot answers, in one message, to <paramref name="who"/> mentioning it with <paramref name="text"/>.</summary>
    private async Task<string> AskAsync(string who, string text) => Text(Assert.Single(await _chat.Mention(who, text)));

    [Fact]
    public async Task AQuestionToTheBot_MidSession_SaysTheStep_WhoActs_AndTheWordsThatWork()
    {
        await StartIncidentAsync();

        var answer = await AskAsync("Cees", "wat moet ik nu doen?");
        Assert.Contains("**Incidentmethode**, stap 1 van 5: Het incident inbrengen.", answer, StringComparison.Ordinal);
        Assert.Contains("Aan zet: Anna, de casusinbrenger.", answer, StringComparison.Ordinal);
        Assert.Contains("De gespreksleider (Bram) of de casusinbrenger (Anna) typt **volgende**, **pauze** of **verleng 5**.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("**terug**", answer, StringComparison.Ordinal);
        Assert.Contains("**stop**", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrdinaryChat_WithoutAMention_StaysUnanswered()
    {
        await StartIncidentAsync();

        Assert.Empty(await _chat.Say("Cees", "Ik vind dit best spannend eigenlijk"));
    }

    [Fact]
    public async Task InARound_TheAnswerSaysWhoHasTheFloor_AndThatDonePassesIt()
    {
        await StartIncidentAsync();
        await _chat.Say("Bram", "volgende");

        var answer = await AskAsync("Dewi", "wie is er nu?");

        Assert.Contains("stap 2 van 5: De situatie verhelderen.", answer, StringComparison.Ordinal);
        Assert.Contains("Aan zet: iedereen behalve Anna.", answer, StringComparison.Ordinal);
        Assert.Contains("Bram heeft het woord.", answer, StringComparison.Ordinal);
        Assert.Contains("**terug**", answer, StringComparison.Ordinal);
        Assert.Contains("typt **klaar**", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhileCollecting_TheAnswerNamesWhoStillHasToSend()
    {
        await StartIncidentAsync();
        await _chat.Say("Bram", "volgende");
        await _chat.Say("Bram", "volgende");
        await _chat.Privately("Cees", "Anna voelde zich overvallen");
        await _chat.Privately("Cees", "Anna trok zich terug");

        var answer = await AskAsync("Eva", "hallo?");

        Assert.Contains("stap 3 van 5: Gevoelens en gedrag.", answer, StringComparison.Ordinal);
        Assert.Contains("Nog niet ingestuurd (privé, in hun privégesprek met mij): Bram, Dewi, Eva.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhilePaused_OnlyResumeIsOffered()
    {
        await StartIncidentAsync();
        await _chat.Say("Bram", "pauze");

        var answer = await AskAsync("Cees", "zijn we er nog?");

        Assert.Contains("De sessie staat op pauze.", answer, StringComparison.Ordinal);
        Assert.Contains("typt **hervat**.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("**volgende**", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_MidSession_SaysWhereTheMeetingIs_InTheMembersLanguage()
    {
        await StartIncidentAsync();
        _chat.Locale = "en-GB";

        var answer = Text(Assert.Single(await _chat.Say("Cees", "help")));

        Assert.Contains("**Incident method**, step 1 of 5: Telling the incident.", answer, StringComparison.Ordinal);
        Assert.Contains("The facilitator (Bram) or the case owner (Anna) types **next**, **pause** or **extend 5**.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MidSession_SaysOneIsRunning_AndItsButtonShowsTheStepAgain()
    {
        await StartIncidentAsync();
        await _chat.Say("Bram", "volgende");

        var offer = Assert.Single(await _chat.Say("Dewi", "start"));
        Assert.Contains("Er loopt al een sessie: **Incidentmethode**, stap 2 van 5: De situatie verhelderen.", Text(offer), StringComparison.Ordinal);

        var again = (await _chat.Press("Dewi", Button(offer, "Verder met de sessie"))).Last();
        Assert.Contains("Stap 2 van 5", Text(again), StringComparison.Ordinal);
        Assert.Contains("Bram, jij hebt het woord.", Text(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCarryOnButton_AfterTheSessionEnded_AnswersOnlyThePresser()
    {
        await StartIncidentAsync();
        var offer = Assert.Single(await _chat.Say("Dewi", "start"));
        await _chat.Say("Bram", "stop");
        await _chat.Say("Bram", "ja");

        var before = _chat.Channel.Sent.Count;
        await _chat.Press("Dewi", Button(offer, "Verder met de sessie"));

        var answer = Assert.Single(_chat.Channel.Sent.Skip(before));
        Assert.Equal("Dewi", answer.To?.Name);
        Assert.Contains("al afgelopen", Text(answer.Message), StringComparison.Ordinal);
    }
}

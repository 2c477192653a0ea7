using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Methods;
using static IntervisieBot.Conversations.Tests.Harness.BotClient;

namespace IntervisieBot.Conversations.Tests.Texts;

/// <summary>The small texts that erode trust: each reads as a finished sentence, never a raw value.</summary>
public sealed class TrustTextsTests : IDisposable
{
    private readonly BotClient _chat = new(NamesA);

    public void Dispose() => _chat.Dispose();

    [Fact]
    public async Task AYesNoButton_WhenPressed_LeavesTheWordOnTheCard_NotABoolean()
    {
        // The advice asks a few questions with buttons; one of them (is the group safe?) is a yes/no question.
        await _chat.Say("Anna", "advies");
        for (var i = 0; i < 6 && !_chat.Channel.Sent[^1].Message.Card!.Buttons.Any(b => b.Title == "Ja"); i++)
        {
            await _chat.Press("Anna", _chat.Channel.Sent[^1], _chat.Channel.Sent[^1].Message.Card!.Buttons[0].Title);
        }

        var question = _chat.Channel.Sent[^1];
        var before = _chat.Channel.Sent.Count;
        await _chat.Press("Anna", question, "Ja");

        var answered = Text(_chat.Channel.Sent.Skip(before).First(s => s.Kind == "update").Message);
        Assert.Contains("Gekozen door Anna: Ja", answered, StringComparison.Ordinal);
        Assert.DoesNotContain("true", answered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePrivatePrompt_ForTwoContributions_SaysBijdragen_WithoutBrackets()
    {
        await _chat.Say("Anna", "start incident");
        await _chat.Say("Anna", "Anna");
        await _chat.Say("Anna", "Bram");
        await _chat.Say("Anna", "iedereen");
        await _chat.Say("Bram", "volgende");

        var said = await _chat.Say("Bram", "volgende");

        var prompt = Text(said.Where(m => m.Text.Contains("Stuur hier", StringComparison.Ordinal)).First());
        Assert.Contains("Stuur hier 2 bijdragen;", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("(n)", prompt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", 2, 0, "2 bijeenkomsten gehouden")]
    [InlineData("nl", 1, 0, "1 bijeenkomst gehouden")]
    [InlineData("nl", 2, 3, "2 van de 3 geplande bijeenkomsten gehouden")]
    [InlineData("en", 2, 0, "2 meetings held")]
    public void History_WithNoPlannedMeetings_DoesNotSayTwoOfZero(string language, int held, int planned, string expected)
    {
        Assert.Equal(expected, GroupTexts.For(Language.FromCode(language)).HeldOfPlanned(held, planned));
    }

    [Fact]
    public async Task StartingWithTooFewPeople_SaysThree_AsTheMinimumIs()
    {
        using var alone = new BotClient("Anna");

        var said = Text(await alone.Say("Anna", "start incident"));

        Assert.Contains("minstens drie mensen", said, StringComparison.Ordinal);
        Assert.DoesNotContain("twee mensen", said, StringComparison.Ordinal);
    }

    [Fact]
    public void NoIcebreaker_AsksWhy()
    {
        foreach (var icebreaker in Icebreakers.All)
        {
            Assert.DoesNotContain("waarom", icebreaker.Instruction.In(Language.Dutch), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("wat maakt dat je daar staat", Icebreakers.All.Single(i => i.Id == "dilemma-line").Instruction.In(Language.Dutch), StringComparison.Ordinal);
    }
}

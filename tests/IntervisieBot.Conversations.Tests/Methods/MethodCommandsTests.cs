using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;

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
        Assert.Equal(6, kinds.Count);

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
}

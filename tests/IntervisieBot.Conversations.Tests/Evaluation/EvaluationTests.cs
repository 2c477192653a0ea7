using IntervisieBot.Conversations.Tests.Harness;

namespace IntervisieBot.Conversations.Tests.Evaluation;

/// <summary>The evaluation after a meeting: its survey buttons, and its privacy (shown only from three answers).</summary>
public sealed class EvaluationTests : IAsyncLifetime
{
    private readonly BotClient _group = BotClient.WithReminders(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero), "Anna", "Bram", "Cees", "Dewi", "Eva");

    public Task InitializeAsync() => _group.SetUpStartingAsync("12-1-2027");

    public Task DisposeAsync()
    {
        _group.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheEvaluation_IsShownOnlyFromThreeAnswers_AndASurveyButtonOnlyWorksForWhoGotIt()
    {
        await _group.WaitUntilAsync(new DateTime(2027, 1, 13, 9, 0, 0, DateTimeKind.Unspecified));
        var anna = _group.Channel.Sent.Single(s => s.To?.Name == "Anna" && s.Message.Card?.Title == "Hoe bevalt de intervisie?");
        var answer = new Dictionary<string, string> { ["satisfaction"] = "9", ["safety"] = "5", ["depth"] = "4", ["continue"] = "doubt" };
        Assert.StartsWith("Nog niemand heeft de evaluatie ingevuld.", (await _group.Say("Eva", "evaluatie"))[0].Text, StringComparison.Ordinal);

        Assert.Equal("Vul alle vier de vragen in en druk dan nog eens op Versturen.", (await _group.Press("Anna", anna, "Versturen", new Dictionary<string, string> { ["satisfaction"] = "9" }))[0].Text);
        await _group.Press("Anna", anna, "Versturen", answer);
        Assert.Equal("Deze knop hoort bij een bijeenkomst die voorbij is of niet meer bestaat.", (await _group.Press("Bram", anna, "Versturen", answer))[0].Text);
        Assert.StartsWith("Er zijn nog te weinig antwoorden (1)", (await _group.Say("Eva", "evaluatie"))[0].Text, StringComparison.Ordinal);

        foreach (var name in new[] { "Bram", "Cees" })
        {
            await _group.Press(name, _group.Channel.Sent.Single(s => s.To?.Name == name && s.Message.Card?.Title == "Hoe bevalt de intervisie?"), "Versturen", answer);
        }

        Assert.Single(await _group.Say("Eva", "evaluatie"));
        var shown = _group.Channel.Sent[^1];
        Assert.Equal("Evaluatie na di 12 jan", shown.Message.Card!.Title);
        Assert.Contains("Antwoorden: **3**\nTevredenheid: **9,0** (gemiddeld, 1–10)", shown.Text, StringComparison.Ordinal);
        Assert.Contains("Doorgaan: 0 ja, 3 twijfel, 0 nee", shown.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", shown.Text, StringComparison.Ordinal);
    }
}

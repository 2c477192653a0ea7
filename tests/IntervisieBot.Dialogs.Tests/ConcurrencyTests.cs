using System.Text.Json.Nodes;
using IntervisieBot.Dialogs.Tests.Harness;

namespace IntervisieBot.Dialogs.Tests;

/// <summary>Members answering at the same moment: every answer is kept, whoever's turn loses a write race.</summary>
public sealed class ConcurrencyTests
{
    /// <summary>Gathers every contribution into its state, as a collect step does.</summary>
    private sealed class CollectDialog() : Dialog("collect")
    {
        public override Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
        {
            dc.ActiveDialog!.State["answers"] = new JsonArray();
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
        {
            ((JsonArray)dc.ActiveDialog!.State["answers"]!).Add(new JsonObject { ["from"] = dc.Turn.From.Id, ["text"] = dc.Turn.Text });
            return Task.FromResult(DialogTurnResult.Waiting);
        }
    }

    [Fact]
    public async Task SixMembersAnsweringAtOnce_FiftyTimesOver_KeepAll300Answers()
    {
        using var chat = new DialogTestClient(new DialogSet().Add(new CollectDialog()), (dc, ct) =>
            dc.ActiveDialog is null ? dc.BeginDialogAsync("collect", cancellationToken: ct) : dc.ContinueDialogAsync(ct));
        await chat.Send("Facilitator", "start");
        string[] members = ["Anna", "Bram", "Cees", "Dewi", "Eva", "Femke"];

        for (var round = 0; round < 50; round++)
        {
            var r = round;
            await Task.WhenAll(members.Select(m => Task.Run(() => chat.Send(m, $"{m}-{r}"))));
        }

        var answers = (JsonArray)(await chat.StateAsync()).State.Stack.Single().State["answers"]!;
        Assert.Equal(300, answers.Count);
        Assert.Equal(300, answers.Select(a => a!["text"]!.GetValue<string>()).Distinct().Count());
    }
}

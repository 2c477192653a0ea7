using System.Text.Json.Serialization;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Dialogs.Tests.Harness;
using IntervisieBot.Testing;

namespace IntervisieBot.Dialogs.Tests;

/// <summary>A waterfall with a typed state: one object for every step of a turn, stored under <c>state</c> between turns.</summary>
public sealed class TypedStateTests : IDisposable
{
    private readonly DialogTestClient _chat;

    public TypedStateTests()
    {
        var dialogs = new DialogSet()
            .Add(new TextPrompt("text"))
            .Add(new WaterfallDialog<Plan>("typed", TypedStateJson.Default.Plan,
            [
                (s, ct) =>
                {
                    s.State.Steps++;
                    return s.PromptAsync("text", new PromptOptions { Text = "Naam?" }, ct);
                },
                (s, ct) =>
                {
                    s.State.Name = s.Result!.GetValue<string>();
                    s.State.Steps++;
                    return s.NextAsync(null, ct);
                },
                (s, ct) =>
                {
                    s.State.Steps++;
                    return s.PromptAsync("text", new PromptOptions { Text = "Plaats?" }, ct);
                },
                async (s, ct) =>
                {
                    await s.Dialogs.SendAsync(new OutgoingMessage($"{s.State.Name} in {s.Result} na {s.State.Steps} stappen"), ct);
                    return await s.EndAsync(null, ct);
                },
            ]));
        _chat = new DialogTestClient(dialogs, RootAsync, new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero)));
    }

    public void Dispose() => _chat.Dispose();

    [Fact]
    public async Task TheTypedState_IsSharedByTheStepsOfATurn_AndStoredBetweenTurns()
    {
        Assert.Equal("Naam?", Assert.Single(await _chat.Send("Anna", "typed")).Text);
        Assert.Equal("Plaats?", Assert.Single(await _chat.Send("Anna", "De Denktank")).Text);

        var stored = (await _chat.StateAsync()).State.Stack[0].State["state"]!;
        Assert.Equal(("De Denktank", 3), (stored["name"]!.GetValue<string>(), stored["steps"]!.GetValue<int>()));
        Assert.Equal("De Denktank in Utrecht na 3 stappen", Assert.Single(await _chat.Send("Anna", "Utrecht")).Text);
        Assert.Empty((await _chat.StateAsync()).State.Stack);
    }

    private static async Task RootAsync(DialogContext dc, CancellationToken ct)
    {
        if (dc.ActiveDialog is not null)
        {
            await dc.ContinueDialogAsync(ct);
        }
        else if (dc.Turn.Text == "typed")
        {
            await dc.BeginDialogAsync("typed", cancellationToken: ct);
        }
    }
}

/// <summary>The typed state of the test waterfall.</summary>
public sealed class Plan
{
    public string? Name { get; set; }

    public int Steps { get; set; }
}

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Plan))]
internal sealed partial class TypedStateJson : JsonSerializerContext;

using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Dialogs.Tests.Harness;
using IntervisieBot.Testing;

namespace IntervisieBot.Dialogs.Tests;

public sealed class DialogEngineTests : IDisposable
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
    private readonly DialogTestClient _chat;

    public DialogEngineTests()
    {
        var dialogs = new DialogSet()
            .Add(new TextPrompt("text"))
            .Add(new ChoicePrompt("choice"))
            .Add(new ConfirmPrompt("confirm"))
            .Add(new NumberPrompt("number", v => v.Value.GetValue<decimal>() is >= 30 and <= 240 ? null : "Kies 30 tot 240 minuten."))
            .Add(new DatePrompt("date", _time, Amsterdam))
            .Add(new TimePrompt("time"))
            .Add(new WaterfallDialog<Gathered>("plan", EngineTestJson.Default.Gathered,
            [
                (s, ct) => s.PromptAsync("text", new PromptOptions { Text = "Hoe heet de groep?" }, ct),
                (s, ct) =>
                {
                    s.State.Values["name"] = s.Result?.DeepClone();
                    return s.PromptAsync("choice", new PromptOptions
                    {
                        Text = "Hoe vaak komen jullie bij elkaar?",
                        Choices = [new("4w", "Elke 4 weken"), new("6w", "Elke 6 weken", ["zes weken"]), new("monthly", "Maandelijks")],
                    }, ct);
                },
                (s, ct) =>
                {
                    s.State.Values["cadence"] = s.Result?.DeepClone();
                    return s.PromptAsync("number", new PromptOptions { Text = "Hoeveel minuten duurt een bijeenkomst?" }, ct);
                },
                (s, ct) =>
                {
                    s.State.Values["minutes"] = s.Result?.DeepClone();
                    return s.PromptAsync("date", new PromptOptions { Text = "Wanneer is de eerste bijeenkomst?" }, ct);
                },
                (s, ct) =>
                {
                    s.State.Values["date"] = s.Result?.DeepClone();
                    return s.PromptAsync("time", new PromptOptions { Text = "Hoe laat?" }, ct);
                },
                (s, ct) =>
                {
                    s.State.Values["time"] = s.Result?.DeepClone();
                    return s.PromptAsync("confirm", new PromptOptions { Text = "Klopt dit?" }, ct);
                },
                async (s, ct) =>
                {
                    s.State.Values["confirmed"] = s.Result?.DeepClone();
                    await s.Dialogs.SendAsync(new OutgoingMessage(
                        $"{s.State.Values["name"]} | {s.State.Values["cadence"]} | {s.State.Values["minutes"]} | {s.State.Values["date"]} {s.State.Values["time"]} | {s.State.Values["confirmed"]}"), ct);
                    return await s.EndAsync(s.State.Values.DeepClone(), ct);
                },
            ]))
            .Add(new WaterfallDialog<Gathered>("owner-question", EngineTestJson.Default.Gathered,
            [
                (s, ct) => s.PromptAsync("text", new PromptOptions { Text = "Anna, wat is je vraag?", AllowedAnswerers = ["u-anna"], MaxAttempts = 2 }, ct),
                async (s, ct) =>
                {
                    await s.Dialogs.SendAsync(new OutgoingMessage($"Vraag van {s.From.Name}: {s.Result}"), ct);
                    return await s.EndAsync(null, ct);
                },
            ]))
            .Add(new WaterfallDialog<Gathered>("limited", EngineTestJson.Default.Gathered,
            [
                (s, ct) => s.PromptAsync("number", new PromptOptions { Text = "Hoeveel minuten?", MaxAttempts = 2 }, ct),
                async (s, ct) =>
                {
                    await s.Dialogs.SendAsync(new OutgoingMessage(s.Result is null ? "Geen antwoord; ik ga verder met 90." : $"{s.Result}"), ct);
                    return await s.EndAsync(null, ct);
                },
            ]));
        _chat = new DialogTestClient(dialogs, RootAsync, _time);
    }

    /// <summary>The root of the test bot: continue what runs, else start what was asked.</summary>
    private static async Task RootAsync(DialogContext dc, CancellationToken ct)
    {
        if (dc.ActiveDialog is not null)
        {
            await dc.ContinueDialogAsync(ct);
            return;
        }

        switch (dc.Turn.Text)
        {
            case "plan" or "owner-question" or "limited":
                await dc.BeginDialogAsync(dc.Turn.Text, cancellationToken: ct);
                break;
            default:
                break;
        }
    }

    public void Dispose() => _chat.Dispose();

    private static string Said(IReadOnlyList<OutgoingMessage> replies) => Assert.Single(replies).Text;

    [Fact]
    public async Task Waterfall_AsksOneQuestionAtATime_AndEveryPromptUnderstandsTypedAnswers()
    {
        Assert.Equal("Hoe heet de groep?", Said(await _chat.Send("Anna", "plan")));
        Assert.Equal("Hoe vaak komen jullie bij elkaar?", Said(await _chat.Send("Bram", "De Denktank")));
        Assert.Equal("Hoeveel minuten duurt een bijeenkomst?", Said(await _chat.Send("Anna", "zes weken")));
        Assert.Equal("Wanneer is de eerste bijeenkomst?", Said(await _chat.Send("Anna", "90")));
        Assert.Equal("Hoe laat?", Said(await _chat.Send("Anna", "3 december")));
        Assert.Equal("Klopt dit?", Said(await _chat.Send("Anna", "19.30")));

        var summary = Said(await _chat.Send("Anna", "Ja!"));

        Assert.Equal("De Denktank | 6w | 90 | 2026-12-03 19:30 | true", summary);
        Assert.Empty((await _chat.StateAsync()).State.Stack);
    }

    [Fact]
    public async Task ChoicePrompt_ShowsButtons_AndTakesAPressedButton()
    {
        await _chat.Send("Anna", "plan");

        var question = Assert.Single(await _chat.Send("Anna", "De Denktank"));
        var button = question.Card!.Buttons[2];
        Assert.Equal("Maandelijks", button.Title);
        var next = await _chat.Press("Cees", button.Data);

        Assert.Equal("Hoeveel minuten duurt een bijeenkomst?", Said(next));
    }

    [Fact]
    public async Task AnAnswerThatDoesNotFit_GetsAClearReAsk_AndTheQuestionStillWaits()
    {
        await _chat.Send("Anna", "plan");
        await _chat.Send("Anna", "De Denktank");
        await _chat.Send("Anna", "1");

        Assert.Equal("Kies 30 tot 240 minuten.", Said(await _chat.Send("Anna", "400")));
        Assert.Contains("getal", Said(await _chat.Send("Anna", "anderhalf uur")), StringComparison.Ordinal);
        Assert.Equal("Wanneer is de eerste bijeenkomst?", Said(await _chat.Send("Anna", "75")));
    }

    [Fact]
    public async Task AfterTheAttemptLimit_ThePromptGivesUp_AndTheStepDecides()
    {
        await _chat.Send("Anna", "limited");
        await _chat.Send("Anna", "veel");

        Assert.Equal("Geen antwoord; ik ga verder met 90.", Said(await _chat.Send("Anna", "heel veel")));
    }

    [Fact]
    public async Task AQuestionForOneMember_IgnoresOthers_AndKnowsWhoAnswered()
    {
        await _chat.Send("Anna", "owner-question");

        Assert.Empty(await _chat.Send("Bram", "Ik zou het zo doen!"));
        Assert.Empty(await _chat.Send("Cees", "Ik ook"));
        Assert.Equal("Vraag van Anna: Hoe houd ik grenzen?", Said(await _chat.Send("Anna", "Hoe houd ik grenzen?")));
    }

    [Fact]
    public async Task ATurn_ReadsStateOnce_AndWritesOnceWhenSomethingChanged()
    {
        await _chat.Send("Anna", "plan");
        _chat.Store.Reset();

        await _chat.Send("Anna", "De Denktank");

        Assert.Equal(1, _chat.Store.Reads);
        Assert.Equal(1, _chat.Store.Writes);
    }

    [Fact]
    public async Task ATurnThatChangesNothing_WritesNothing()
    {
        await _chat.Send("Anna", "owner-question");
        _chat.Store.Reset();

        await _chat.Send("Bram", "een opmerking tussendoor");
        await _chat.Send("Dewi", "koffie?");

        Assert.Equal(2, _chat.Store.Reads);
        Assert.Equal(0, _chat.Store.Writes);
    }

    [Fact]
    public async Task ARunningFlowWhoseDefinitionChanged_IsEndedCleanly_NotMisread()
    {
        await _chat.Send("Anna", "plan");
        var stored = await _chat.StateAsync();
        var old = stored.State.Stack[0];
        stored.State.Stack[0] = new DialogInstance { Id = old.Id, Version = old.Version + 1, State = old.State };
        var store = new DialogStateStore(_chat.Store, DialogTestClient.Protector);
        await store.SaveAsync(_chat.Group, stored.State.Serialize(), stored.ETag);

        await _chat.Send("Anna", "De Denktank");

        Assert.Empty((await _chat.StateAsync()).State.Stack);
    }
}

/// <summary>What the test waterfalls gather: free-form values, as a typed state holding one JSON object.</summary>
public sealed class Gathered
{
    public JsonObject Values { get; set; } = [];
}

[JsonSerializable(typeof(Gathered))]
internal sealed partial class EngineTestJson : JsonSerializerContext;

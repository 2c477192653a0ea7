using System.Text.Json;
using IntervisieBot.Channels.BotFramework.AdaptiveCards;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Channels.BotFramework.Tests.AdaptiveCards;

public sealed class AdaptiveCardRendererTests
{
    private static readonly Card Sample = new()
    {
        Title = "Bijeenkomst plannen",
        Body =
        [
            new CardText("Kies een datum."),
            new CardFacts([new CardFact("Casusinbrenger", "Anna"), new CardFact("Gespreksleider", "Bram")]),
            new CardInput("date", "Datum", InputKind.Date, Required: true),
            new CardInput("notes", "Toelichting", InputKind.MultilineText, Placeholder: "Optioneel"),
            new CardChoiceInput("method", "Methode", [new CardChoice("Incidentmethode", "incident"), new CardChoice("STARR", "starr")], Expanded: true),
        ],
        Buttons = [new CardButton("Opslaan", new Dictionary<string, string> { ["action"] = "save", ["meeting"] = "m1" }, ButtonStyle.Positive)],
    };

    [Fact]
    public void Render_IsAnAdaptiveCard15_TeamsCanShow()
    {
        var card = AdaptiveCardRenderer.Render(Sample);

        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Equal("Bijeenkomst plannen", card.GetProperty("fallbackText").GetString());
        Assert.All(card.GetProperty("body").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("type").GetString())));
    }

    [Fact]
    public void Render_InputsKeepTheirIdsLabelsAndKinds()
    {
        var body = AdaptiveCardRenderer.Render(Sample).GetProperty("body").EnumerateArray().ToList();

        var date = Assert.Single(body, e => e.TryGetProperty("id", out var id) && id.GetString() == "date");
        Assert.Equal("Input.Date", date.GetProperty("type").GetString());
        Assert.True(date.GetProperty("isRequired").GetBoolean());
        var notes = Assert.Single(body, e => e.TryGetProperty("id", out var id) && id.GetString() == "notes");
        Assert.True(notes.GetProperty("isMultiline").GetBoolean());
        var method = Assert.Single(body, e => e.TryGetProperty("id", out var id) && id.GetString() == "method");
        Assert.Equal("expanded", method.GetProperty("style").GetString());
        Assert.Equal(2, method.GetProperty("choices").GetArrayLength());
    }

    [Fact]
    public void Render_ButtonsAreExecuteActionsWithTheirDataAndASubmitFallback()
    {
        var action = Assert.Single(AdaptiveCardRenderer.Render(Sample).GetProperty("actions").EnumerateArray());

        Assert.Equal("Action.Execute", action.GetProperty("type").GetString());
        Assert.Equal("save", action.GetProperty("verb").GetString());
        Assert.Equal("m1", action.GetProperty("data").GetProperty("meeting").GetString());
        Assert.Equal("positive", action.GetProperty("style").GetString());
        var fallback = action.GetProperty("fallback");
        Assert.Equal("Action.Submit", fallback.GetProperty("type").GetString());
        Assert.Equal("save", fallback.GetProperty("data").GetProperty("action").GetString());
    }

    [Fact]
    public void Render_ACardWithoutButtons_HasNoActionsToPress()
    {
        var card = AdaptiveCardRenderer.Render(Sample with { Buttons = [] });

        Assert.False(card.TryGetProperty("actions", out _));
    }

    [Fact]
    public void Render_StaysWellUnderTeamsMessageSizeLimit()
    {
        var size = JsonSerializer.SerializeToUtf8Bytes(AdaptiveCardRenderer.Render(Sample)).Length;

        Assert.True(size < 28 * 1024, $"{size} bytes");
    }
}

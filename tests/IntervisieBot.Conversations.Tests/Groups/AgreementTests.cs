using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using static IntervisieBot.Conversations.Tests.Harness.BotClient;

namespace IntervisieBot.Conversations.Tests.Groups;

/// <summary>J2 in chat: the agreements, with who added each and when; add, change and remove, typed or by button.</summary>
public sealed class AgreementTests : IAsyncLifetime
{
    private readonly BotClient _chat = new("Anna", "Bram", "Cees", "Dewi", "Eva");

    public Task InitializeAsync() => _chat.SetUpAsync();

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private static string[] Lines(OutgoingMessage card) => [.. card.Card!.Body.OfType<CardText>().Where(t => t.Style == TextStyle.Normal).Select(t => t.Text)];

    [Fact]
    public async Task Agreements_ListTheDefaultsFromSetUp_WithWhoAddedThemAndWhen()
    {
        var card = Assert.Single(await _chat.Say("Bram", "afspraken"));

        Assert.Equal("Onze afspraken", card.Card!.Title);
        Assert.Equal("1. Wat hier gezegd wordt, blijft in de groep.", Lines(card)[0]);
        Assert.Equal(6, Lines(card).Length);
        Assert.Contains(card.Card.Body, e => e is CardText { Style: TextStyle.Subtle, Text: "Anna, 4 januari 2027" });
    }

    [Fact]
    public async Task Typed_AddChangeAndRemove_KeepWhoDidIt()
    {
        var added = await _chat.Say("Bram", "afspraak toevoegen We beginnen op tijd.");
        Assert.Equal("Afspraak toegevoegd: We beginnen op tijd.", added[0].Text);
        Assert.Equal("7. We beginnen op tijd.", Lines(added[1])[^1]);

        _chat.Time.Advance(TimeSpan.FromDays(1));
        var changed = await _chat.Say("Cees", "afspraak wijzigen 7 We beginnen stipt om half acht.");
        Assert.Equal("Afspraak gewijzigd: We beginnen stipt om half acht.", changed[0].Text);
        Assert.Contains(changed[1].Card!.Body, e => e is CardText { Text: "Bram, 4 januari 2027 · gewijzigd door Cees, 5 januari 2027" });

        var removed = await _chat.Say("Dewi", "afspraak 1 verwijderen");
        Assert.Equal("Afspraak verwijderd: Wat hier gezegd wordt, blijft in de groep.", removed[0].Text);
        Assert.Equal(6, (await _chat.GroupAsync())!.Agreements.Count);
        Assert.Contains("Afspraak 42 bestaat niet", (await _chat.Say("Dewi", "afspraak verwijderen 42"))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buttons_OpenAFormToAddChangeOrRemove()
    {
        var list = Assert.Single(await _chat.Say("Eva", "agreements"));
        var form = Assert.Single(await _chat.Press("Eva", Button(list, "Toevoegen")));
        Assert.Contains(form.Card!.Body, e => e is CardInput { Id: "text" });
        var added = await _chat.Press("Eva", Button(form, "Opslaan"), new Dictionary<string, string> { ["text"] = "Telefoons gaan weg." });
        Assert.Equal("Afspraak toegevoegd: Telefoons gaan weg.", added[0].Text);

        var removeForm = Assert.Single(await _chat.Press("Eva", Button(added[1], "Verwijderen")));
        var choice = removeForm.Card!.Body.OfType<CardChoiceInput>().Single();
        Assert.Equal("7. Telefoons gaan weg.", choice.Choices[^1].Title);
        var removed = await _chat.Press("Eva", Button(removeForm, "Verwijderen"), new Dictionary<string, string> { ["number"] = choice.Choices[^1].Value });

        Assert.Equal("Afspraak verwijderd: Telefoons gaan weg.", removed[0].Text);
    }

    [Fact]
    public async Task AnOldRemoveForm_AfterTheAgreementWasChanged_RemovesNothing_AndSaysTheCardIsOutOfDate()
    {
        var list = Assert.Single(await _chat.Say("Eva", "afspraken"));
        var removeForm = Assert.Single(await _chat.Press("Eva", Button(list, "Verwijderen")));
        var first = removeForm.Card!.Body.OfType<CardChoiceInput>().Single().Choices[0].Value;

        // Meanwhile Bram rewrites agreement 1: Eva's form still shows the old text.
        await _chat.Say("Bram", "afspraak wijzigen 1 Wat hier gezegd wordt, blijft hier, ook na de bijeenkomst.");
        var said = await _chat.Press("Eva", Button(removeForm, "Verwijderen"), new Dictionary<string, string> { ["number"] = first });

        Assert.Contains("Deze kaart is verouderd", said[0].Text, StringComparison.Ordinal);
        var agreements = (await _chat.GroupAsync())!.Agreements;
        Assert.Equal(6, agreements.Count);
        Assert.Equal("Wat hier gezegd wordt, blijft hier, ook na de bijeenkomst.", agreements[0].Text);

        // A form drawn now works.
        var fresh = Assert.Single(await _chat.Press("Eva", Button(Assert.Single(await _chat.Say("Eva", "afspraken")), "Verwijderen")));
        var removed = await _chat.Press("Eva", Button(fresh, "Verwijderen"), new Dictionary<string, string> { ["number"] = first });
        Assert.StartsWith("Afspraak verwijderd", removed[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyOrTooLongAgreement_IsRefusedWithTheReason()
    {
        var said = await _chat.Say("Anna", "afspraak toevoegen " + new string('x', 301));

        Assert.Equal("Een afspraak heeft een tekst van 1 tot 300 tekens.", said[0].Text);
        Assert.Equal(6, (await _chat.GroupAsync())!.Agreements.Count);
    }

    [Fact]
    public async Task BeforeSetUp_AgreementsOfferSetUp()
    {
        using var fresh = new BotClient("Anna", "Bram", "Cees");

        var said = Assert.Single(await fresh.Say("Anna", "afspraken"));

        Assert.Contains("nog niet ingesteld", Text(said), StringComparison.Ordinal);
        Assert.Contains("Hoe heet jullie groep?", Text(Assert.Single(await fresh.Press("Anna", Button(said, "Instellen")))), StringComparison.Ordinal);
    }
}

using IntervisieBot.Conversations.Cases;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using static IntervisieBot.Conversations.Tests.Harness.BotClient;

namespace IntervisieBot.Conversations.Tests.Cases;

/// <summary>
/// The Socratic method's general (fundamental) question is part of the prepared case: asked when the owner prepares for
/// that method (or the advice points to it), stored encrypted with the rest, and shown when the owner shares the case.
/// </summary>
public sealed class FundamentalQuestionTests : IAsyncLifetime
{
    private const string General = "Hoe lang laat je een collega uitpraten voordat je ingrijpt?";
    private readonly BotClient _chat = new("Anna", "Bram", "Cees", "Dewi", "Eva");

    public Task InitializeAsync() => _chat.SetUpAsync();

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private CaseStore Cases => _chat.Get<CaseStore>();

    [Fact]
    public async Task PreparingForTheSocraticMethod_AsksTheGeneralQuestion_AndStoresItEncrypted()
    {
        List<OutgoingMessage> said = [];
        foreach (var answer in new[]
                 {
                     "casus", "vragen", "Onderbroken in het overleg", CasePreparationTests.Situation, CasePreparationTests.Question,
                     "Met mijn teamleider gepraat.", CasePreparationTests.HotSpot, "socratisch",
                 })
        {
            said = await _chat.Privately("Anna", answer);
        }

        Assert.StartsWith("Voor de Socratische methode: welke algemene vraag zit er achter je casus?", Assert.Single(said).Text, StringComparison.Ordinal);
        await _chat.Privately("Anna", General);

        var stored = await Cases.GetAsync(_chat.Address, "u-anna");
        Assert.Equal(General, stored!.FundamentalQuestion);
        Assert.Equal("socratic", stored.PreferredMethod);
        Assert.DoesNotContain(_chat.Rows(), r => r.Properties.Contains("uitpraten", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PreparingForAnotherMethod_DoesNotAskIt()
    {
        List<OutgoingMessage> said = [];
        foreach (var answer in new[]
                 {
                     "casus", "vragen", "Onderbroken in het overleg", CasePreparationTests.Situation, CasePreparationTests.Question,
                     "Met mijn teamleider gepraat.", CasePreparationTests.HotSpot, "starr",
                 })
        {
            said = await _chat.Privately("Anna", answer);
        }

        Assert.DoesNotContain("algemene vraag", Text(said), StringComparison.Ordinal);
        Assert.Contains("Opgeslagen, versleuteld.", Text(said), StringComparison.Ordinal);
        Assert.Null((await Cases.GetAsync(_chat.Address, "u-anna"))!.FundamentalQuestion);
    }

    [Fact]
    public async Task WhenTheAdvicePointsToTheSocraticMethod_TheOwnerIsAskedToAddTheGeneralQuestion()
    {
        await CasePreparationTests.SubmitFormAsync(_chat, CasePreparationTests.Form());
        await _chat.Privately("Anna", "ja");
        await _chat.Privately("Anna", "ja");
        await _chat.Privately("Anna", "ja");

        var ready = Text(await _chat.Privately("Anna", "2"));

        Assert.Contains("1. **Socratische intervisie**", ready, StringComparison.Ordinal);
        Assert.Contains("Het advies wijst naar **Socratische intervisie**. Die methode werkt vanuit een algemene vraag achter je casus", ready, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFormAsksIt_AndTheGroupSeesItWhenTheOwnerSharesTheCaseInTheSocraticSession()
    {
        var way = await _chat.Privately("Anna", "casus");
        var form = Assert.Single(await _chat.PressPrivately("Anna", Button(way, "Formulier")), m => m.Card?.Body.OfType<CardInput>().Any() == true);
        Assert.Contains(form.Card!.Body.OfType<CardInput>(), i => i.Id == CaseCards.FundamentalInput && i.Label == "Alleen voor de Socratische methode: de algemene vraag achter je casus");
        var filled = CasePreparationTests.Form(method: "socratic");
        filled[CaseCards.FundamentalInput] = General;
        await _chat.PressPrivately("Anna", Button(form, "Opslaan"), filled);
        foreach (var answer in new[] { "ja", "ja", "ja", "2" })
        {
            await _chat.Privately("Anna", answer);
        }

        Assert.DoesNotContain(_chat.Rows(), r => r.Properties.Contains("uitpraten", StringComparison.Ordinal));
        _chat.Time.SetUtcNow(new DateTimeOffset(2027, 1, 12, 18, 25, 0, TimeSpan.Zero));
        var methods = Assert.Single(await _chat.Say("Eva", "start"));
        Assert.StartsWith("Socratische intervisie", methods.Card!.Buttons[0].Title, StringComparison.Ordinal);
        await _chat.Press("Eva", methods.Card.Buttons[0]);
        await _chat.Say("Eva", "Anna");
        await _chat.Say("Eva", "Bram");
        await _chat.Say("Eva", "iedereen");

        var shared = Assert.Single(await _chat.Say("Anna", "casus"), m => m.Card?.Title == "Casus van Anna: Onderbroken in het overleg").Card!;

        Assert.Contains(("Algemene vraag", General), Assert.Single(shared.Body.OfType<CardFacts>()).Facts.Select(f => (f.Title, f.Value)));
    }
}

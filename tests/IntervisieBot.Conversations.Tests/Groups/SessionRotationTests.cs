using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;
using static IntervisieBot.Conversations.Tests.Harness.BotClient;

namespace IntervisieBot.Conversations.Tests.Groups;

/// <summary>A group that is set up: "start" proposes the rotation's roles, and the session's outcome moves the rotation on.</summary>
public sealed class SessionRotationTests : IAsyncLifetime
{
    /// <summary>Tuesday 12 January 2027, 19:25 in Amsterdam: just before the first meeting.</summary>
    private static readonly DateTimeOffset MeetingNight = new(2027, 1, 12, 18, 25, 0, TimeSpan.Zero);

    private readonly BotClient _chat = new("Anna", "Bram", "Cees", "Dewi", "Eva");

    public async Task InitializeAsync()
    {
        await _chat.SetUpAsync();
        await _chat.Say("Cees", "afspraak toevoegen Telefoons gaan weg.");
        _chat.Time.SetUtcNow(MeetingNight);
    }

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The facilitator moves on until the record is shown.</summary>
    private async Task<List<OutgoingMessage>> RunToTheEndAsync(string facilitator)
    {
        var said = new List<OutgoingMessage>();
        for (var i = 0; i < 20 && !said.Any(m => m.Card?.Title?.StartsWith("Verslag", StringComparison.Ordinal) == true); i++)
        {
            said.AddRange(await _chat.Say(facilitator, "volgende"));
        }

        return said;
    }

    [Fact]
    public async Task Start_ProposesTheRotationsCaseOwnerAndFacilitator_StillChangeable()
    {
        var owner = Assert.Single(await _chat.Say("Eva", "start incidentmethode"));

        Assert.Contains("Volgens de beurtrol brengt **Anna** de casus in en leidt **Bram** het gesprek.", owner.Text, StringComparison.Ordinal);
        Assert.Equal(["Anna (aan de beurt)", "Bram", "Cees", "Dewi", "Eva"], owner.Card!.Buttons.Select(b => b.Title));
        var facilitator = Assert.Single(await _chat.Press("Eva", Button(owner, "Cees")), m => m.Card?.Buttons.Count > 0);
        Assert.Equal("Bram (aan de beurt)", facilitator.Card!.Buttons[0].Title);
        Assert.DoesNotContain(facilitator.Card.Buttons, b => b.Title.StartsWith("Cees", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSession_OpensWithTheGroupsAgreements_AndItsOutcomeMovesTheRotationOn()
    {
        await _chat.Say("Eva", "start incidentmethode");
        await _chat.Say("Eva", "Anna");
        await _chat.Say("Eva", "Bram");
        var opening = await _chat.Say("Eva", "zonder Dewi");
        Assert.Contains("- Telefoons gaan weg.", Text(opening[0]), StringComparison.Ordinal);
        Assert.DoesNotContain("onze afspraken bespreken", Text(opening[0]), StringComparison.Ordinal);

        var close = await RunToTheEndAsync("Bram");

        Assert.Contains(close, m => m.Text == "Volgende bijeenkomst (di 9 feb) brengt **Bram** de casus in.");
        var outcome = Assert.Single((await _chat.GroupAsync())!.Outcomes);
        Assert.Equal((new DateOnly(2027, 1, 12), "u-anna", "u-bram"), (outcome.Meeting, outcome.CaseOwner, outcome.Facilitator));
        Assert.Equal(["u-anna", "u-bram", "u-cees", "u-eva"], outcome.Attendees);
        var turns = Assert.Single(await _chat.Say("Cees", "beurt"));
        Assert.Equal("dinsdag 9 februari 2027 · 19:30", turns.Card!.Body.OfType<CardText>().First().Text);
    }

    [Fact]
    public async Task EveryThirdSession_PutsReviewingTheAgreementsOnTheAgenda()
    {
        await _chat.Get<GroupStore>().UpdateAsync(_chat.Address, g =>
        {
            g.RecordOutcome(new MeetingOutcome(new DateOnly(2026, 11, 17), MeetingNight.AddDays(-56), "u-cees", "u-dewi", []));
            g.RecordOutcome(new MeetingOutcome(new DateOnly(2026, 12, 15), MeetingNight.AddDays(-28), "u-dewi", "u-cees", []));
            return (true, 0);
        });

        await _chat.Say("Eva", "start incidentmethode");
        await _chat.Say("Eva", "Anna");
        await _chat.Say("Eva", "Bram");
        var opening = await _chat.Say("Eva", "iedereen");

        Assert.Contains("Vandaag staat ook op de agenda: **onze afspraken bespreken**.", Text(opening[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGroupChoosesHowOftenTheAgreementsAreReviewed()
    {
        await _chat.Get<GroupStore>().UpdateAsync(_chat.Address, g =>
        {
            g.RecordOutcome(new MeetingOutcome(new DateOnly(2026, 12, 15), MeetingNight.AddDays(-28), "u-dewi", "u-cees", []));
            return (true, 0);
        });
        Assert.Contains("elke 3", (await _chat.Say("Bram", "afspraken bespreken elke dertig"))[0].Text, StringComparison.Ordinal);

        Assert.Equal("Afgesproken: elke 2e bijeenkomst staan onze afspraken op de agenda.", (await _chat.Say("Bram", "afspraken bespreken elke 2"))[0].Text);
        await _chat.Say("Eva", "start incidentmethode");
        await _chat.Say("Eva", "Anna");
        await _chat.Say("Eva", "Bram");
        var opening = await _chat.Say("Eva", "iedereen");

        Assert.Contains("Vandaag staat ook op de agenda: **onze afspraken bespreken**.", Text(opening[0]), StringComparison.Ordinal);
        Assert.Equal(2, (await _chat.GroupAsync())!.Settings.ReviewAgreementsEvery);
    }
}

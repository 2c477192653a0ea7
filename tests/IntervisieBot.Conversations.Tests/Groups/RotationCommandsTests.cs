using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using static IntervisieBot.Conversations.Tests.Harness.BotClient;

namespace IntervisieBot.Conversations.Tests.Groups;

/// <summary>J3 in chat: who is next, volunteering, swapping, passing and being away, by button and typed.</summary>
public sealed class RotationCommandsTests : IAsyncLifetime
{
    private readonly BotClient _chat = new("Anna", "Bram", "Cees", "Dewi", "Eva");

    public Task InitializeAsync() => _chat.SetUpAsync();

    public Task DisposeAsync()
    {
        _chat.Dispose();
        return Task.CompletedTask;
    }

    private static string Roles(OutgoingMessage card, string day) =>
        Text(card).Split('\n').SkipWhile(l => !l.StartsWith(day, StringComparison.Ordinal)).Skip(1).First();

    [Fact]
    public async Task Turn_ShowsTheNextThreeMeetings_WithTheirCaseOwnerAndFacilitator()
    {
        var card = Assert.Single(await _chat.Say("Cees", "beurt"));

        Assert.Equal("Wie is er aan de beurt?", card.Card!.Title);
        Assert.Equal("Casusinbrenger: **Anna** · gespreksleider: **Bram**", Roles(card, "dinsdag 12 januari 2027"));
        Assert.Equal("Casusinbrenger: **Bram** · gespreksleider: **Anna**", Roles(card, "dinsdag 9 februari 2027"));
        Assert.Equal("Casusinbrenger: **Cees** · gespreksleider: **Dewi**", Roles(card, "dinsdag 9 maart 2027"));
        Assert.Equal(["Ik breng een casus in", "Ruilen", "Passen", "Ik ben afwezig", "Ik ben er toch"], card.Card.Buttons.Select(b => b.Title));
    }

    [Fact]
    public async Task Volunteering_ByButton_TakesTheMeetingPickedOnTheCard()
    {
        var card = Assert.Single(await _chat.Say("Dewi", "beurt"));

        var said = await _chat.Press("Dewi", Button(card, "Ik breng een casus in"), new Dictionary<string, string> { ["meeting"] = "2027-02-09" });

        Assert.Equal("Dewi brengt op di 9 feb de casus in.", said[0].Text);
        Assert.Equal("Casusinbrenger: **Dewi** · gespreksleider: **Anna**", Roles(said[1], "dinsdag 9 februari 2027"));
        Assert.Equal("Casusinbrenger: **Bram** · gespreksleider: **Cees**", Roles(Assert.Single(await _chat.Say("Eva", "beurt")), "dinsdag 9 maart 2027"));
    }

    [Fact]
    public async Task Passing_ByTheCaseOwner_MovesTheTurnOn_AndOthersCannotPassForThem()
    {
        Assert.StartsWith("Passen kan alleen wie op di 12 jan aan de beurt is.", (await _chat.Say("Eva", "beurt passen 12 januari"))[0].Text, StringComparison.Ordinal);

        var said = await _chat.Say("Anna", "beurt passen");

        Assert.Equal("Anna brengt op di 12 jan geen casus in en geeft de beurt door.", said[0].Text);
        // Passing the case is not passing the meeting: Anna may still facilitate.
        Assert.Equal("Casusinbrenger: **Bram** · gespreksleider: **Anna**", Roles(said[1], "dinsdag 12 januari 2027"));
        Assert.StartsWith("Casusinbrenger: **Anna**", Roles(said[1], "dinsdag 9 februari 2027"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swapping_WithANamedMember_ExchangesTheirTurns()
    {
        var said = await _chat.Say("Anna", "beurt ruilen met Cees");

        Assert.Equal("Anna heeft de beurt geruild.", said[0].Text);
        Assert.StartsWith("Casusinbrenger: **Cees**", Roles(said[1], "dinsdag 12 januari 2027"), StringComparison.Ordinal);
        Assert.StartsWith("Casusinbrenger: **Anna**", Roles(said[1], "dinsdag 9 maart 2027"), StringComparison.Ordinal);
        Assert.Contains("Ik ken niemand die \"Zoë\" heet", (await _chat.Say("Anna", "beurt ruilen met Zoë"))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swapping_ByButton_ExchangesWithTheNextCaseOwner()
    {
        var card = Assert.Single(await _chat.Say("Anna", "beurt"));

        var said = await _chat.Press("Anna", Button(card, "Ruilen"), new Dictionary<string, string> { ["meeting"] = "2027-01-12" });

        Assert.StartsWith("Casusinbrenger: **Bram**", Roles(said[1], "dinsdag 12 januari 2027"), StringComparison.Ordinal);
        Assert.StartsWith("Casusinbrenger: **Anna**", Roles(said[1], "dinsdag 9 februari 2027"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneAway_GetsNoRole_AndCanSayTheyComeAfterAll()
    {
        var away = await _chat.Say("Anna", "afwezig");

        Assert.Equal("Anna is afgemeld voor di 12 jan.", away[0].Text);
        Assert.Equal("Casusinbrenger: **Bram** · gespreksleider: **Cees**", Roles(away[1], "dinsdag 12 januari 2027"));
        Assert.Contains("Afwezig: Anna", Text(away[1]), StringComparison.Ordinal);
        Assert.Equal("Je bent voor di 12 jan afgemeld; meld je eerst weer aan.", (await _chat.Say("Anna", "beurt vrijwillig 12-1-2027"))[0].Text);

        var back = await _chat.Say("Anna", "afwezig intrekken");

        Assert.Equal("Anna is er op di 12 jan weer bij.", back[0].Text);
        Assert.Equal("Casusinbrenger: **Anna** · gespreksleider: **Bram**", Roles(back[1], "dinsdag 12 januari 2027"));
    }

    [Fact]
    public async Task SomeoneNotInTheGroup_IsToldHowToJoin()
    {
        _chat.Channel.Members.Add(Member("Fenna"));

        Assert.Contains("Je staat niet bij de deelnemers.", (await _chat.Say("Fenna", "beurt vrijwillig"))[0].Text, StringComparison.Ordinal);
    }
}

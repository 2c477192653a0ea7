using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Sessions;
using static IntervisieBot.Conversations.Tests.Harness.BotClient;

namespace IntervisieBot.Conversations.Tests.Groups;

/// <summary>J8's history and figures, and members joining or leaving the conversation.</summary>
public sealed class HistoryAndRosterTests : IDisposable
{
    private readonly BotClient _chat = new("Anna", "Bram", "Cees", "Dewi", "Eva");

    public void Dispose() => _chat.Dispose();

    private static SessionMember M(string name) => new("u-" + name.ToLowerInvariant(), name);

    private async Task HoldAsync(DateTimeOffset at, string owner, string facilitator, string method, string[] present, params int[] ratings)
    {
        var record = new SessionRecord(method, 1, at, at.AddMinutes(90), M(owner), M(facilitator), [.. present.Select(M)], [], null,
            ratings.Length == 0 ? null : ratings.Average(), ratings.Length, CompletedAllSteps: true);
        await _chat.Get<SessionRecordStore>().SaveAsync(_chat.Address, record);
        await _chat.Get<GroupStore>().UpdateAsync(_chat.Address, g =>
        {
            g.RecordOutcome(GroupFigures.FromRecord(record) with { Meeting = DateOnly.FromDateTime(at.UtcDateTime) });
            return (true, 0);
        });
    }

    [Fact]
    public async Task History_ListsTheSessions_AndTheFiguresHeldAgainstPlanned()
    {
        await _chat.SetUpAsync();
        await HoldAsync(new(2027, 1, 12, 18, 30, 0, TimeSpan.Zero), "Anna", "Bram", "incidentmethode", ["Anna", "Bram", "Cees", "Dewi", "Eva"], 8, 7);
        await HoldAsync(new(2027, 3, 9, 18, 30, 0, TimeSpan.Zero), "Bram", "Anna", "starr", ["Anna", "Bram", "Cees"], 6);
        _chat.Time.SetUtcNow(new DateTimeOffset(2027, 3, 20, 9, 0, 0, TimeSpan.Zero));

        var card = Assert.Single(await _chat.Say("Cees", "geschiedenis"));

        var text = Text(card);
        Assert.Contains("- 9 mrt 2027 · STARR-methode · casusinbrenger: Bram · gespreksleider: Anna · cijfer 6,0", text, StringComparison.Ordinal);
        Assert.Contains("- 12 jan 2027 · Incidentmethode · casusinbrenger: Anna · gespreksleider: Bram · cijfer 7,5", text, StringComparison.Ordinal);
        Assert.Contains("2 van de 3 geplande bijeenkomsten gehouden", text, StringComparison.Ordinal);
        Assert.Contains("Anna: 2 van 2 aanwezig · 1× casusinbrenger · 1× gespreksleider", text, StringComparison.Ordinal);
        Assert.Contains("Dewi: 1 van 2 aanwezig · 0× casusinbrenger · 0× gespreksleider", text, StringComparison.Ordinal);
        Assert.Contains("Incidentmethode: 1× · gemiddeld 7,5", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_WithNothingHeld_SaysSo()
    {
        Assert.Equal("Er zijn nog geen bijeenkomsten vastgelegd.", Assert.Single(await _chat.Say("Anna", "history")).Text);
    }

    [Fact]
    public async Task SessionsBeforeSetUp_CountForTheRotation()
    {
        await _chat.Get<SessionRecordStore>().SaveAsync(_chat.Address, new SessionRecord(
            "incidentmethode", 1, BotClient.Monday.AddDays(-30), BotClient.Monday.AddDays(-30).AddHours(1), M("Anna"), M("Bram"), [M("Anna"), M("Bram")], [], null, null, 0, true));

        var summary = Assert.Single(await _chat.SetUpAsync());

        Assert.Contains("Casusinbrenger: **Bram** · gespreksleider: **Anna**", Text(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberWhoJoins_IsOfferedAPlace_AndOneWhoLeaves_IsOfferedToBeTakenOff()
    {
        await _chat.SetUpAsync();

        var joined = Assert.Single(await _chat.Membership(TurnKind.MembersAdded, "Fenna"));
        Assert.Equal("Fenna is erbij gekomen. Zal ik Fenna toevoegen aan de deelnemers van Team Noord?", Text(joined).Split('\n')[2]);
        var added = Assert.Single(await _chat.Press("Anna", Button(joined, "Toevoegen")));
        Assert.Contains("Fenna doet nu mee.", Text(added), StringComparison.Ordinal);

        var left = Assert.Single(await _chat.Membership(TurnKind.MembersRemoved, "Eva"));
        Assert.Contains("Eva heeft het gesprek verlaten.", Text(left), StringComparison.Ordinal);
        await _chat.Press("Bram", Button(left, "Uit de deelnemers halen"));

        Assert.Equal(["Anna", "Bram", "Cees", "Dewi", "Fenna"], (await _chat.GroupAsync())!.Roster.Members.Select(m => m.Name));
    }

    [Fact]
    public async Task MembershipChanges_BeforeSetUp_OrOfKnownMembers_SayNothing()
    {
        Assert.Empty(await _chat.Membership(TurnKind.MembersAdded, "Fenna"));
        await _chat.SetUpAsync();

        Assert.Empty(await _chat.Membership(TurnKind.MembersAdded, "Anna"));
        Assert.Empty(await _chat.Membership(TurnKind.MembersRemoved, "Fenna"));
    }
}

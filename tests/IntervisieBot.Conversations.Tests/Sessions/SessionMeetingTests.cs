using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using static IntervisieBot.Conversations.Tests.Harness.BotClient;

namespace IntervisieBot.Conversations.Tests.Sessions;

/// <summary>
/// A session belongs to the meeting decided when it starts: today's planned meeting without a question, the first case's
/// meeting for a second case, and on another day the group says whether it is the planned meeting or an extra one.
/// </summary>
public sealed class SessionMeetingTests : IDisposable
{
    /// <summary>Tuesday 12 January 2027, 19:25 in Amsterdam.</summary>
    private static readonly DateTimeOffset TuesdayEvening = new(2027, 1, 12, 18, 25, 0, TimeSpan.Zero);

    private const string Question = "Hoort deze sessie bij de bijeenkomst van dinsdag 26 januari?";

    private readonly BotClient _chat = new("Anna", "Bram", "Cees", "Dewi", "Eva");

    public void Dispose() => _chat.Dispose();

    [Fact]
    public async Task TodaysPlannedMeeting_AsksNothing_AndASecondCaseAfterMidnightLeavesTheNextMeetingUnheld()
    {
        await _chat.SetUpAsync();
        _chat.Time.SetUtcNow(TuesdayEvening);

        var present = await StartAsync("Eva", "Anna", "Bram");
        Assert.DoesNotContain(present, m => Text(m).Contains("Hoort deze sessie", StringComparison.Ordinal));
        await RunToTheEndAsync("Bram");
        _chat.Time.SetUtcNow(TuesdayEvening.AddHours(4).AddMinutes(50));
        await SecondCaseAsync("Dewi", "Eva");
        await RunToTheEndAsync("Eva");

        var group = (await _chat.GroupAsync())!;
        Assert.Equal([(new DateOnly(2027, 1, 12), false), (new DateOnly(2027, 1, 12), false)], group.Outcomes.Select(o => (o.Meeting, o.Extra)));
        var next = group.NextMeetings(_chat.Time.GetUtcNow(), 1)[0];
        Assert.Equal((new DateOnly(2027, 2, 9), "Bram"), (next.Meeting.Id, next.CaseOwner?.Name));
    }

    [Fact]
    public async Task ASessionTwoWeeksBeforeTheFirstMeeting_Asks_AndNoLeavesTheFirstMeetingPlannedWithItsCaseOwner()
    {
        await _chat.SetUpStartingAsync("26-1-2027");
        _chat.Time.SetUtcNow(TuesdayEvening);

        var asked = Assert.Single(await StartAsync("Eva", "Anna", "Bram"));
        Assert.StartsWith(Question, asked.Text, StringComparison.Ordinal);
        Assert.Equal(["Ja, die bijeenkomst", "Nee, een extra bijeenkomst"], asked.Card!.Buttons.Select(b => b.Title));
        var opening = await _chat.Press("Eva", Button(asked, "Nee, een extra bijeenkomst"));
        Assert.Contains(opening, m => Text(m).StartsWith("We beginnen", StringComparison.Ordinal));
        await RunToTheEndAsync("Bram");

        var group = (await _chat.GroupAsync())!;
        var held = Assert.Single(group.Outcomes);
        Assert.Equal((new DateOnly(2027, 1, 12), true, "u-anna"), (held.Meeting, held.Extra, held.CaseOwner));
        var next = group.NextMeetings(_chat.Time.GetUtcNow(), 1)[0];
        Assert.Equal((new DateOnly(2027, 1, 26), "Anna", "Bram"), (next.Meeting.Id, next.CaseOwner?.Name, next.Facilitator?.Name));
        var history = Text(Assert.Single(await _chat.Say("Cees", "geschiedenis")));
        Assert.Contains("1 bijeenkomst gehouden", history, StringComparison.Ordinal);
        Assert.DoesNotContain("van de 0", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yes_UsesTheFirstMeetingUp_AndASecondCaseThatEveningBelongsToItToo()
    {
        await _chat.SetUpStartingAsync("26-1-2027");
        _chat.Time.SetUtcNow(TuesdayEvening);

        var asked = Assert.Single(await StartAsync("Eva", "Anna", "Bram"));
        await _chat.Press("Eva", Button(asked, "Ja, die bijeenkomst"));
        await RunToTheEndAsync("Bram");
        _chat.Time.Advance(TimeSpan.FromHours(1));
        var second = await SecondCaseAsync("Dewi", "Eva");
        Assert.DoesNotContain(second, m => Text(m).Contains("Hoort deze sessie", StringComparison.Ordinal));
        await RunToTheEndAsync("Eva");

        var group = (await _chat.GroupAsync())!;
        Assert.Equal([(new DateOnly(2027, 1, 26), false), (new DateOnly(2027, 1, 26), false)], group.Outcomes.Select(o => (o.Meeting, o.Extra)));
        Assert.False(group.IsHeld(new DateOnly(2027, 2, 23)));
        var next = group.NextMeetings(_chat.Time.GetUtcNow(), 1)[0];
        Assert.Equal((new DateOnly(2027, 2, 23), "Bram"), (next.Meeting.Id, next.CaseOwner?.Name));
        var history = Text(Assert.Single(await _chat.Say("Cees", "geschiedenis")));
        Assert.Contains("1 van de 1 geplande bijeenkomsten gehouden", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQuestion_IsAskedInEnglishToo_WithTheDayAsEnglishWritesIt()
    {
        await _chat.SetUpStartingAsync("26-1-2027");
        _chat.Time.SetUtcNow(TuesdayEvening);
        _chat.Locale = "en-GB";

        var asked = Assert.Single(await StartAsync("Eva", "Anna", "Bram", "everyone"));

        Assert.StartsWith("Is this session the meeting planned for Tuesday 26 January?", asked.Text, StringComparison.Ordinal);
        Assert.Equal(["Yes, that meeting", "No, an extra meeting"], asked.Card!.Buttons.Select(b => b.Title));
    }

    [Fact]
    public async Task AGroupThatIsNotSetUp_IsNotAsked()
    {
        _chat.Time.SetUtcNow(TuesdayEvening);

        var opening = await StartAsync("Eva", "Anna", "Bram");

        Assert.Contains(opening, m => Text(m).StartsWith("We beginnen", StringComparison.Ordinal));
        Assert.DoesNotContain(opening, m => Text(m).Contains("Hoort deze sessie", StringComparison.Ordinal));
    }

    /// <summary>A short method, the case owner and the facilitator, everyone present; returns the answer to "everyone".</summary>
    private async Task<List<OutgoingMessage>> StartAsync(string who, string owner, string facilitator, string everyone = "iedereen")
    {
        await _chat.Say(who, "start incidenten");
        await _chat.Say(who, owner);
        await _chat.Say(who, facilitator);
        return await _chat.Say(who, everyone);
    }

    /// <summary>Presses the offer of a second case after the first one ended; returns the answer to "everyone".</summary>
    private async Task<List<OutgoingMessage>> SecondCaseAsync(string owner, string facilitator)
    {
        var offer = _chat.Channel.Sent.Last(s => s.Message.Card?.Buttons.Any(b => b.Title == "Tweede casus") == true);
        await _chat.Press(owner, Button(offer.Message, "Tweede casus"));
        await _chat.Say(owner, "incidenten");
        await _chat.Say(owner, owner);
        await _chat.Say(owner, facilitator);
        return await _chat.Say(owner, "iedereen");
    }

    /// <summary>The facilitator moves on (and Cees rates) until the record is shown.</summary>
    private async Task RunToTheEndAsync(string facilitator)
    {
        for (var i = 0; i < 20; i++)
        {
            var said = await _chat.Say(facilitator, "volgende");
            if (said.Any(m => m.Card?.Title?.StartsWith("Verslag", StringComparison.Ordinal) == true))
            {
                return;
            }

            if (said.Any(m => Text(m).Contains("cijfer", StringComparison.OrdinalIgnoreCase)))
            {
                await _chat.Say("Cees", "8");
            }
        }

        Assert.Fail("The session did not reach its record.");
    }
}

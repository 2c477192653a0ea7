using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Tests.Reminders;

/// <summary><c>planning</c>: the coming meetings, moving and cancelling one by button or typed, group health on cancellations, the evaluation's privacy.</summary>
public sealed class PlanningTests : IAsyncLifetime
{
    private readonly BotClient _group = BotClient.WithReminders(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero), "Anna", "Bram", "Cees", "Dewi", "Eva");

    public Task InitializeAsync() => _group.SetUpStartingAsync("12-1-2027");

    public Task DisposeAsync()
    {
        _group.Dispose();
        return Task.CompletedTask;
    }

    private async Task<IReadOnlyList<DueWork>> PlannedAsync() => await _group.Get<IDueWorkScheduler>().ListAsync(_group.Address);

    [Fact]
    public async Task Planning_ShowsTheComingMeetings_WithTheirRoles_AndWhatCanBeDone()
    {
        Assert.Single(await _group.Say("Cees", "planning"));
        var card = _group.Channel.Sent[^1];

        Assert.Equal("Planning van Team Noord", card.Message.Card!.Title);
        Assert.Contains("dinsdag 12 januari 2027 · 19:30\nCasus: **Anna** · gespreksleider: **Bram**", card.Text, StringComparison.Ordinal);
        Assert.Equal(["Verplaatsen", "Annuleren", "Groep pauzeren"], card.Message.Card.Buttons.Select(b => b.Title));
    }

    [Fact]
    public async Task MovingByButton_RaisesTheMeetingsSequence_AndItsRemindersMoveAlong()
    {
        Assert.Single(await _group.Say("Cees", "planning"));
        var card = _group.Channel.Sent[^1];

        var said = await _group.Press("Cees", card, "Verplaatsen", new Dictionary<string, string> { ["meeting"] = "2027-02-09", ["date"] = "2027-02-16", ["time"] = "20:00" });

        Assert.Equal("Cees heeft de bijeenkomst van di 9 feb verplaatst naar dinsdag 16 februari 2027 · 20:00. De herinneringen schuiven mee.", said[0].Text);
        var meeting = (await _group.GroupAsync())!.Schedule.Find(new DateOnly(2027, 2, 9))!;
        Assert.Equal((MeetingState.Moved, 1), (meeting.State, meeting.Sequence));
        var notice = (await PlannedAsync()).Single(w => w.Id == PlannedReminder.IdFor(meeting.Id, ReminderKind.GroupNotice));
        Assert.Equal(new DateTimeOffset(2027, 2, 9, 20, 0, 0, TimeSpan.FromHours(1)), notice.DueAt);
    }

    [Fact]
    public async Task ACancelledMeeting_HasNoRemindersLeft_AndTwoInARowTellTheFacilitatorOnce()
    {
        await _group.Say("Anna", "planning annuleer 9-2-2027");
        Assert.DoesNotContain(await PlannedAsync(), w => w.Id.StartsWith("reminder-2027-02-09", StringComparison.Ordinal));

        await _group.Say("Anna", "planning annuleer 9-3-2027");
        await _group.Say("Anna", "planning annuleer 9-3-2027");
        var told = await _group.WaitUntilAsync(new DateTime(2027, 1, 4, 12, 0, 0, DateTimeKind.Unspecified));

        // The next meeting's facilitator (Bram, on 12 January) hears it privately, with what helps.
        var health = Assert.Single(told);
        Assert.Equal("Bram", health.To!.Name);
        Assert.Equal("Hoe gaat het met Team Noord?", health.Message.Card!.Title);
        Assert.Contains("De laatste twee bijeenkomsten gingen allebei niet door.", health.Text, StringComparison.Ordinal);
        Assert.Contains("een jaar vooruit", health.Text, StringComparison.Ordinal);
        Assert.Contains("heilig", health.Text, StringComparison.Ordinal);
        Assert.Contains("externe begeleider", health.Text, StringComparison.Ordinal);
        Assert.Contains("andere methode", health.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABotAddedBackToAGroupItWasRemovedFrom_MarksItReachable_AndPlansItsRemindersAgain()
    {
        // While the bot was away its reminders were dropped and the group flagged.
        var reachability = _group.Get<GroupReachability>();
        await reachability.MarkUnreachableAsync(_group.Address);
        await _group.Get<DueWorkStore>().ForgetGroupAsync(_group.Address);
        Assert.Empty(await PlannedAsync());

        await _group.Get<IBot>().OnTurnAsync(new TurnContext(
            new IncomingTurn { Kind = TurnKind.BotAdded, Conversation = _group.Address, From = BotClient.Member("Anna"), Bot = new("bot", "IntervisieBot"), Locale = "nl-NL" },
            _group.Get<IChannelMessenger>()));

        Assert.Null(await reachability.UnreachableSinceAsync(_group.Address));
        Assert.Contains(await PlannedAsync(), w => w.Id == "reminder-2027-01-12-groupnotice" || w.Id == "reminder-2027-02-09-groupnotice");
    }

    [Fact]
    public async Task APausedGroup_HasNothingPlanned_UntilItResumes()
    {
        Assert.Equal("De groep heeft pauze. Ik stuur geen herinneringen meer tot iemand **planning hervat** typt.", (await _group.Say("Dewi", "planning pauze"))[0].Text);
        Assert.DoesNotContain(await PlannedAsync(), w => w.Id.StartsWith("reminder-", StringComparison.Ordinal));
        Assert.Empty(await _group.WaitUntilAsync(new DateTime(2027, 1, 13, 12, 0, 0, DateTimeKind.Unspecified)));

        await _group.Say("Dewi", "planning hervat");

        Assert.Contains(await PlannedAsync(), w => w.Id == "reminder-2027-02-09-groupnotice");
    }

    [Fact]
    public async Task TheEvaluation_IsShownOnlyFromThreeAnswers_AndASurveyButtonOnlyWorksForWhoGotIt()
    {
        await _group.WaitUntilAsync(new DateTime(2027, 1, 13, 9, 0, 0, DateTimeKind.Unspecified));
        var anna = _group.Channel.Sent.Single(s => s.To?.Name == "Anna" && s.Message.Card?.Title == "Hoe bevalt de intervisie?");
        var answer = new Dictionary<string, string> { ["satisfaction"] = "9", ["safety"] = "5", ["depth"] = "4", ["continue"] = "doubt" };
        Assert.Equal("Er is nog geen evaluatie geweest. Die komt na de eerste bijeenkomst en daarna na elke derde.", (await _group.Say("Eva", "evaluatie"))[0].Text);

        Assert.Equal("Vul alle vier de vragen in en druk dan nog eens op Versturen.", (await _group.Press("Anna", anna, "Versturen", new Dictionary<string, string> { ["satisfaction"] = "9" }))[0].Text);
        await _group.Press("Anna", anna, "Versturen", answer);
        Assert.Equal("Deze knop hoort bij een bijeenkomst die voorbij is of niet meer bestaat.", (await _group.Press("Bram", anna, "Versturen", answer))[0].Text);
        Assert.StartsWith("Er zijn nog te weinig antwoorden (1)", (await _group.Say("Eva", "evaluatie"))[0].Text, StringComparison.Ordinal);

        foreach (var name in new[] { "Bram", "Cees" })
        {
            await _group.Press(name, _group.Channel.Sent.Single(s => s.To?.Name == name && s.Message.Card?.Title == "Hoe bevalt de intervisie?"), "Versturen", answer);
        }

        Assert.Single(await _group.Say("Eva", "evaluatie"));
        var shown = _group.Channel.Sent[^1];
        Assert.Equal("Evaluatie na di 12 jan", shown.Message.Card!.Title);
        Assert.Contains("Antwoorden: **3**\nTevredenheid: **9,0** (gemiddeld, 1–10)", shown.Text, StringComparison.Ordinal);
        Assert.Contains("Doorgaan: 0 ja, 3 twijfel, 0 nee", shown.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", shown.Text, StringComparison.Ordinal);
    }
}

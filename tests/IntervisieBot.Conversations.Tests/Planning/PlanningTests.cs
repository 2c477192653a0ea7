using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Tests.Planning;

/// <summary><c>planning</c>: the coming meetings, moving and cancelling one by button or typed, pausing the group.</summary>
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
        Assert.Contains("dinsdag 12 januari 2027 · 19:30\nCasusinbrenger: **Anna** · gespreksleider: **Bram**", card.Text, StringComparison.Ordinal);
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
    public async Task APausedGroup_HasNothingPlanned_UntilItResumes()
    {
        Assert.Equal("De groep heeft pauze. Ik stuur geen herinneringen meer tot iemand **planning hervat** typt.", (await _group.Say("Dewi", "planning pauze"))[0].Text);
        Assert.DoesNotContain(await PlannedAsync(), w => w.Id.StartsWith("reminder-", StringComparison.Ordinal));
        Assert.Empty(await _group.WaitUntilAsync(new DateTime(2027, 1, 13, 12, 0, 0, DateTimeKind.Unspecified)));

        await _group.Say("Dewi", "planning hervat");

        Assert.Contains(await PlannedAsync(), w => w.Id == "reminder-2027-02-09-groupnotice");
    }
}

using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Conversations.Tests.Harness;

namespace IntervisieBot.Conversations.Tests.Health;

/// <summary>Group health: meetings cancelled in a row, told privately to the next facilitator.</summary>
public sealed class GroupHealthTests : IAsyncLifetime
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
        Assert.Contains("externe gespreksleider", health.Text, StringComparison.Ordinal);
        Assert.Contains("andere methode", health.Text, StringComparison.Ordinal);
    }
}

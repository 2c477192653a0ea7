using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Tests.Reminders;

/// <summary>A bot added back to its group: reachable again, with its reminders planned again.</summary>
public sealed class BotAddedAgainTests : IAsyncLifetime
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
}

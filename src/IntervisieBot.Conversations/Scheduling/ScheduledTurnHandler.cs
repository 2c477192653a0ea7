using IntervisieBot.Conversations.Outbound;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Scheduling;

/// <summary>
/// Due work of kind <c>turn</c>: a proactive turn in the group's conversation (<see cref="TurnKind.Scheduled"/>, the
/// work's data as the turn's values), run by the bot in that conversation's lane of the work queue, so it takes its
/// place among the members' turns and goes through the same dialog state. What the bot says goes out through the
/// channel's messenger, as in any turn; what the channel could not deliver is kept in the <see cref="Outbox"/>. Other
/// failures reach the scheduler, which retries or drops the work.
/// </summary>
public sealed class ScheduledTurnHandler(IBot bot, IEnumerable<IChannelMessenger> messengers, ConversationWorkQueue queue, Outbox outbox, TimeProvider time) : IDueWorkHandler
{
    public const string WorkKind = "turn";

    /// <summary>The key in a scheduled turn's values that holds the locale (e.g. <c>nl-NL</c>), when the work has one.</summary>
    public const string LocaleKey = "locale";

    /// <summary>Who a scheduled turn is from: the bot itself.</summary>
    public static Participant Scheduler { get; } = new("intervisiebot-scheduler", "IntervisieBot");

    public string Kind => WorkKind;

    public Task HandleAsync(DueWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var messenger = messengers.FirstOrDefault(m => m.Handles(work.Group))
            ?? throw new InvalidOperationException($"No channel writes to '{work.Group.Adapter}' conversations.");
        var turn = new IncomingTurn
        {
            Kind = TurnKind.Scheduled,
            Conversation = work.Group,
            From = Scheduler,
            Bot = Scheduler,
            Values = work.Data,
            Locale = work.Data.GetValueOrDefault(LocaleKey),
            Timestamp = time.GetUtcNow(),
        };
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Enqueue(work.Group.Key, async laneToken =>
        {
            try
            {
                await bot.OnTurnAsync(new DurableTurnContext(new TurnContext(turn, messenger), outbox), laneToken);
                done.TrySetResult();
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        });
        return done.Task.WaitAsync(cancellationToken);
    }
}

using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Scheduling;

/// <summary>Schedules, moves and cancels due work; the scheduler runs it when it is due.</summary>
public interface IDueWorkScheduler
{
    /// <summary>
    /// Plans <paramref name="work"/>, replacing earlier work of the group with the same id. Work due in the past runs
    /// at the next tick. Scheduling exactly what is already planned changes nothing.
    /// </summary>
    Task ScheduleAsync(DueWork work, CancellationToken cancellationToken = default);

    /// <summary>Removes the group's work with this id; false when there was none.</summary>
    Task<bool> CancelAsync(ConversationAddress group, string workId, CancellationToken cancellationToken = default);

    /// <summary>The group's planned work, in id order.</summary>
    Task<IReadOnlyList<DueWork>> ListAsync(ConversationAddress group, CancellationToken cancellationToken = default);

    /// <summary>Removes every piece of the group's work (used when a group asks the bot to forget it).</summary>
    Task<int> ForgetGroupAsync(ConversationAddress group, CancellationToken cancellationToken = default);
}

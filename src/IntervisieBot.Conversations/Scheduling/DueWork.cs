using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Scheduling;

/// <summary>
/// Work the bot does on its own at a given time (a reminder, a session timer), for one group conversation.
/// <see cref="Id"/> is chosen by the caller and stable (e.g. <c>session-timer-up</c>): scheduling the same id again
/// moves the work instead of adding a second one. <see cref="Data"/> stays small and never holds case content: it is
/// stored as it is and can be read by anyone with access to the store.
/// </summary>
public sealed record DueWork(ConversationAddress Group, string Id, string Kind, DateTimeOffset DueAt)
{
    /// <summary>What the handler needs to do the work (ids, a generation number, a language); at most 2,000 characters in all.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    /// <summary>How many times the work was tried before this time (0 the first time).</summary>
    public int Attempt { get; init; }
}

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

/// <summary>
/// Does one kind of due work. Registered in DI; the scheduler picks the handler whose <see cref="Kind"/> matches.
/// Returning normally means done (the work is deleted); throwing <see cref="ConversationUnreachableException"/> drops
/// the work and marks the group unreachable; any other exception is retried with backoff, up to a limit.
/// </summary>
public interface IDueWorkHandler
{
    string Kind { get; }

    Task HandleAsync(DueWork work, CancellationToken cancellationToken);
}

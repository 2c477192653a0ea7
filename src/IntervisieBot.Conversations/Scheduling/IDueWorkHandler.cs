namespace IntervisieBot.Conversations.Scheduling;

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

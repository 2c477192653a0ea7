using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Reminders;

/// <summary>
/// Whether the case owner of a meeting prepared their case (J5), as the reminders need to know it: the nudge 3 days
/// before, the facilitator's notice at the deadline, and group health. Case preparation answers it from its own store;
/// this port keeps the reminders from knowing how cases are stored (and never sees a case's content).
/// </summary>
public interface ICaseSubmissions
{
    Task<bool> HasCaseAsync(ConversationAddress group, string memberId, DateOnly meeting, CancellationToken cancellationToken);

    /// <summary>The method the case owner would like (a method id), when they chose one.</summary>
    Task<string?> PreferredMethodAsync(ConversationAddress group, string memberId, DateOnly meeting, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}

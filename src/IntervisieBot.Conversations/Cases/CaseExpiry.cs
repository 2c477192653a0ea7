using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Cases;

/// <summary>
/// A day after the session, a case text whose owner did not choose to keep it is deleted (planned at the close through
/// the scheduler). Without a scheduler the store still refuses to hand out such a case and deletes it when it meets it.
/// </summary>
public sealed class CaseExpiry(CaseStore cases) : IDueWorkHandler
{
    public const string WorkKind = "case-expiry";
    public const string OwnerKey = "owner";

    public string Kind => WorkKind;

    public static DueWork For(ConversationAddress group, string owner, DateTimeOffset closedAt) =>
        new(group, WorkKind + "-" + StorageKey.Escape(owner), WorkKind, closedAt + CaseStore.KeepWindow)
        {
            Data = new Dictionary<string, string> { [OwnerKey] = owner },
        };

    // Reading an expired case deletes it; a kept one stays.
    public Task HandleAsync(DueWork work, CancellationToken cancellationToken) =>
        work.Data.TryGetValue(OwnerKey, out var owner) ? cases.GetAsync(work.Group, owner, cancellationToken) : Task.CompletedTask;
}

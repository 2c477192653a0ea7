using System.Globalization;
using IntervisieBot.Conversations.Reminders;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Cases;

/// <summary>What the reminders may know of a case: whether it is there for a meeting, and the method its owner chose; never its text.</summary>
public sealed class CaseSubmissions(CaseStore cases) : ICaseSubmissions
{
    public Task<bool> HasCaseAsync(ConversationAddress group, string memberId, DateOnly meeting, CancellationToken cancellationToken) =>
        cases.HasCaseAsync(group, memberId, Key(meeting), cancellationToken);

    public async Task<string?> PreferredMethodAsync(ConversationAddress group, string memberId, DateOnly meeting, CancellationToken cancellationToken) =>
        await cases.GetAsync(group, memberId, cancellationToken) is { ClosedAt: null } value && (value.MeetingId is null || value.MeetingId == Key(meeting))
            ? value.PreferredMethod
            : null;

    private static string Key(DateOnly meeting) => meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

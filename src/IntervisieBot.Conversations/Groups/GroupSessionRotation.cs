using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Groups;

/// <summary>
/// The session and the group meet here: "start" proposes the rotation's case owner and facilitator, the session opens
/// with the group's agreements (and reviews them every third session), and its outcome is recorded for the rotation.
/// </summary>
public sealed class GroupSessionRotation(GroupStore groups, TimeProvider time) : ISessionRotation
{
    public async Task<SessionOpening?> OpenAsync(ConversationAddress group, Language language, CancellationToken cancellationToken)
    {
        if (await groups.GetAsync(group, cancellationToken) is not { } value)
        {
            return null;
        }

        var texts = GroupTexts.For(language);
        var roles = value.RolesForSession(time.GetUtcNow());
        var proposal = roles?.CaseOwner is { } owner
            ? texts.RotationProposal(owner.Name, roles.Facilitator?.Name ?? texts.Nobody)
            : null;
        return new SessionOpening(
            roles?.CaseOwner?.Id,
            roles?.Facilitator?.Id,
            proposal,
            texts.RotationChoice,
            value.Agreements.Count > 0 ? [.. value.Agreements.Select(a => a.Text)] : [texts.NoAgreements],
            value.ReviewAgreementsDue ? texts.ReviewAgreements : null) { GroupName = value.Settings.Name, TimeZoneId = value.Settings.TimeZoneId };
    }

    public async Task<string?> CloseAsync(ConversationAddress group, SessionRecord record, Language language, CancellationToken cancellationToken)
    {
        var updated = await groups.UpdateAsync(group, value =>
        {
            var meeting = value.MeetingForSession(record.StartedAt);
            var outcome = GroupFigures.FromRecord(record);
            value.RecordOutcome(meeting is null ? outcome : outcome with { Meeting = meeting.Id });
            return (true, 0);
        }, cancellationToken);
        if (updated is not { Group: var value })
        {
            return null;
        }

        var texts = GroupTexts.For(language);
        var next = value.NextMeetings(record.EndedAt, 1);
        return next.Count > 0 && next[0].CaseOwner is { } owner
            ? texts.NextCaseOwner(GroupCards.Day(next[0].Meeting, value, texts), owner.Name)
            : null;
    }
}

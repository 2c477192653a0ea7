using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Groups;

/// <summary>
/// The session and the group meet here: "start" proposes the rotation's case owner and facilitator, the session opens
/// with the group's agreements (and reviews them every third session), and its outcome is recorded for the rotation
/// against the meeting decided when the session started (today's planned one, the one the group said yes to, or an
/// extra one), never a meeting looked up again at the close.
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
        var now = time.GetUtcNow();
        var roles = value.RolesForSession(now);
        var meeting = value.MeetingForSession(now);
        var proposal = roles?.CaseOwner is { } owner
            ? texts.RotationProposal(owner.Name, roles.Facilitator?.Name ?? texts.Nobody)
            : null;
        return new SessionOpening(
            roles?.CaseOwner?.Id,
            roles?.Facilitator?.Id,
            proposal,
            texts.RotationChoice,
            value.Agreements.Count > 0 ? [.. value.Agreements.Select(a => a.Text)] : [texts.NoAgreements],
            value.ReviewAgreementsDue ? texts.ReviewAgreements : null)
        {
            GroupName = value.Settings.Name,
            TimeZoneId = value.Settings.TimeZoneId,
            Meeting = meeting.Decided,
            MeetingQuestion = meeting is { Proposed: { } proposed, IfYes: { } yes }
                ? new MeetingQuestion(yes, meeting.Extra, GroupCards.LongDay(proposed, value, texts))
                : null,
        };
    }

    public async Task<string?> CloseAsync(ConversationAddress group, SessionRecord record, SessionMeeting? meeting, Language language, CancellationToken cancellationToken)
    {
        var updated = await groups.UpdateAsync(group, value =>
        {
            // The meeting decided when the session started; a session that began without one (the group was set up
            // meanwhile) takes only what needs no question, and is otherwise an extra meeting.
            var held = meeting ?? Unasked(value.MeetingForSession(record.StartedAt));
            value.RecordOutcome(GroupFigures.FromRecord(record) with { Meeting = held.Meeting, Extra = held.Extra });
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

    private static SessionMeeting Unasked(SessionMeetingChoice choice) => choice.Decided ?? choice.Extra;
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Calendar;

/// <summary>
/// The group's meetings as a calendar (J4): the coming ones (as far as the rotation plans) and those of the last
/// <see cref="Past"/>, each with its case owner and facilitator; moved ones with a higher sequence, cancelled ones
/// marked so. Only the schedule and the roles: never anything of a case.
/// </summary>
public static class GroupCalendar
{
    public static readonly TimeSpan Past = TimeSpan.FromDays(90);

    public static CalendarFeed Feed(ConversationAddress address, Group group, DateTimeOffset now)
    {
        var texts = CalendarTexts.For(group.Settings.Language);
        var coming = group.NextMeetings(now, Group.Horizon);
        var until = coming.Count > 0 ? coming[^1].Meeting.Id : DateOnly.FromDateTime(now.UtcDateTime).AddYears(1);
        var events = group.Schedule.All()
            .TakeWhile(m => m.Id <= until)
            .Where(m => m.End > now - Past)
            .Select(m => Event(address, group, m, coming, texts))
            .ToList();
        return new CalendarFeed(Format(texts.Summary, group.Settings.Name), group.Schedule.Zone, now, events);
    }

    /// <summary>One meeting (by its key, the date it was planned on) as a calendar of its own; null when there is none.</summary>
    public static CalendarFeed? Single(ConversationAddress address, Group group, string meetingKey, DateTimeOffset now)
    {
        var feed = Feed(address, group, now);
        var uid = Uid(address, meetingKey);
        var meeting = feed.Events.FirstOrDefault(e => e.Uid == uid);
        return meeting is null ? null : feed with { Events = [meeting] };
    }

    /// <summary>Stable per meeting and group, and says nothing about the group: the meeting's planned date and a hash of the group.</summary>
    public static string Uid(ConversationAddress address, string meetingKey) =>
        meetingKey + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.Key)))[..16] + "@intervisiebot";

    private static CalendarEvent Event(ConversationAddress address, Group group, Meeting meeting, IReadOnlyList<MeetingRoles> coming, CalendarTexts texts)
    {
        var roles = coming.FirstOrDefault(r => r.Meeting.Id == meeting.Id);
        var held = group.Outcomes.FirstOrDefault(o => !o.Extra && o.Meeting == meeting.Id);
        var owner = held is not null ? Name(group, held.CaseOwner) : roles?.CaseOwner?.Name;
        var facilitator = held is not null ? Name(group, held.Facilitator) : roles?.Facilitator?.Name;
        var lines = new List<string>();
        if (meeting.IsCancelled)
        {
            lines.Add(texts.Cancelled);
        }
        else
        {
            lines.Add(Format(texts.CaseOwner, owner ?? texts.NotKnown));
            lines.Add(Format(texts.Facilitator, facilitator ?? texts.NotKnown));
            if (meeting.State == MeetingState.Moved)
            {
                lines.Add(texts.Moved);
            }
        }

        var start = TimeZoneInfo.ConvertTime(meeting.Start, group.Schedule.Zone).DateTime;
        return new CalendarEvent(
            Uid(address, meeting.Key),
            start,
            meeting.End - meeting.Start,
            Format(texts.Summary, group.Settings.Name),
            string.Join("\n", lines),
            meeting.Sequence,
            meeting.IsCancelled);
    }

    private static string? Name(Group group, string? memberId) => memberId is null ? null : group.Roster.Find(memberId)?.Name;

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}

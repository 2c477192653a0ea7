using System.Globalization;
using IntervisieBot.Conversations.Evaluation;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Health;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Conversations.Reminders;

/// <summary>
/// Sends a reminder when it is due (J4), in the group's lane: it reads the group as it is then, so a reminder names
/// today's case owner and facilitator, says nothing for a cancelled meeting or a paused group, and nothing once its
/// meeting has begun. Then it plans the group's next reminders, which keeps the chain going without anyone typing.
/// </summary>
public sealed class ReminderSender(
    GroupStore groups,
    ReminderPlanner planner,
    HealthMonitor health,
    EvaluationStore evaluations,
    ICaseSubmissions cases,
    PrivateButtons buttons,
    MethodLibrary methods,
    TimeProvider time) : IScheduledTurnHandler
{
    public const string Results = "results";

    public string Name => ReminderPlanner.HandlerName;

    public async Task HandleAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Turn.Conversation;
        var values = context.Turn.Values;
        var group = await groups.GetAsync(address, cancellationToken);
        if (group is null || group.IsPaused)
        {
            return;
        }

        var which = values.GetValueOrDefault(ReminderPlanner.ReminderKey, "");
        var meeting = values.TryGetValue(ReminderPlanner.MeetingKey, out var key) ? group.Schedule.Find(Meeting.ParseKey(key)) : null;
        var reminders = new Reminder(context, group, ReminderTexts.For(group.Settings.Language), GroupCards.TextsFor(group, null), time.GetUtcNow());
        switch (which)
        {
            case HealthMonitor.Concern:
                await health.TellAsync(context, group, values, cancellationToken);
                return;
            case Results when meeting is not null:
                await evaluations.PostResultsAsync(context, group, meeting, cancellationToken);
                return;
            case ReminderPlanner.HandOver when meeting is { IsCancelled: false }:
                await HandOverAsync(reminders, meeting, values.GetValueOrDefault(ReminderPlanner.FromKey, ""), cancellationToken);
                return;
            default:
                break;
        }

        if (meeting is { IsCancelled: false } && Enum.TryParse<ReminderKind>(which, out var kind))
        {
            await SendAsync(reminders, meeting, kind, cancellationToken);
        }

        await planner.PlanAsync(address, group, cancellationToken);
    }

    private async Task SendAsync(Reminder r, Meeting meeting, ReminderKind kind, CancellationToken cancellationToken)
    {
        var tooLate = kind switch
        {
            ReminderKind.AfterMeeting or ReminderKind.Evaluation => false,
            ReminderKind.Start => meeting.End <= r.Now,
            _ => meeting.Start <= r.Now,
        };
        var roles = r.Group.NextMeetings(r.Now, Group.Horizon).FirstOrDefault(x => x.Meeting.Id == meeting.Id);
        if (tooLate || roles is null && kind is not (ReminderKind.AfterMeeting or ReminderKind.Evaluation))
        {
            return;
        }

        var address = r.Context.Turn.Conversation;
        switch (kind)
        {
            case ReminderKind.GroupNotice:
                var method = roles!.CaseOwner is { } caseOwner && await cases.PreferredMethodAsync(address, caseOwner.Id, meeting.Id, cancellationToken) is { } id
                    ? methods.Find(id)?.Name.In(r.Language)
                    : null;
                await r.Context.SendAsync(OutgoingMessage.FromCard(new Card
                {
                    Title = r.Texts.WeekTitle,
                    Body =
                    [
                        .. GroupCards.MeetingElements(roles, r.Group, r.GroupTexts),
                        .. method is null ? Array.Empty<CardElement>() : [new CardText(Format(r.Texts.MethodLine, method))],
                        new CardText(r.Texts.AttendQuestion),
                    ],
                    Buttons = AttendButtons(r, meeting),
                }), cancellationToken);
                break;
            case ReminderKind.CaseOwnerNotice when roles!.CaseOwner is { } owner:
                await TellCaseOwnerAsync(r, meeting, owner, r.Texts.YourTurn(r.Group.Settings.Name, GroupCards.When(meeting, r.Group, r.GroupTexts), Deadline(r, meeting)), cancellationToken);
                break;
            case ReminderKind.CaseNudge when roles!.CaseOwner is { } owner && !await cases.HasCaseAsync(address, owner.Id, meeting.Id, cancellationToken):
                await TellCaseOwnerAsync(r, meeting, owner, r.Texts.Nudge(r.Group.Settings.Name, GroupCards.Day(meeting, r.Group, r.GroupTexts), Deadline(r, meeting)), cancellationToken);
                break;
            case ReminderKind.CaseDeadline when roles!.CaseOwner is { } owner:
                var prepared = await cases.HasCaseAsync(address, owner.Id, meeting.Id, cancellationToken);
                if (!prepared && roles.Facilitator is { } facilitator)
                {
                    var text = r.Texts.NoCaseYet(owner.Name, r.Group.Settings.Name, GroupCards.Day(meeting, r.Group, r.GroupTexts));
                    await r.Context.SendPrivateAsync(Participant(facilitator), new OutgoingMessage(text), cancellationToken);
                }

                await health.RecordPreparationAsync(address, r.Group, meeting, prepared, cancellationToken);
                break;
            case ReminderKind.DayBefore:
                await r.Context.SendAsync(OutgoingMessage.FromCard(DayBeforeCard(r, roles!)), cancellationToken);
                break;
            case ReminderKind.Start:
                var facilitatorName = roles!.Facilitator?.Name ?? (r.Group.Settings.FacilitatorMode == FacilitatorMode.External ? r.GroupTexts.External : r.GroupTexts.Nobody);
                await r.Context.SendAsync(OutgoingMessage.FromCard(new Card
                {
                    Title = r.Texts.StartingTitle,
                    Body = [new CardText(GroupCards.When(meeting, r.Group, r.GroupTexts), TextStyle.Heading), new CardText(r.Texts.Starting(roles.CaseOwner?.Name ?? r.GroupTexts.Nobody, facilitatorName))],
                    Buttons = [GroupCards.CommandButton(r.Texts.StartButton, "start", ButtonStyle.Positive)],
                }), cancellationToken);
                break;
            case ReminderKind.AfterMeeting:
                await health.CheckAsync(address, r.Group, cancellationToken);
                break;
            case ReminderKind.Evaluation:
                foreach (var member in Participants(r.Group, meeting))
                {
                    await r.Context.SendPrivateAsync(Participant(member), OutgoingMessage.FromCard(evaluations.Survey(r.Group, address, member.Id, meeting, r.Texts)), cancellationToken);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>The case owner of <paramref name="meeting"/> changed after they were told: both hear it privately, unless the turn came back.</summary>
    private static async Task HandOverAsync(Reminder r, Meeting meeting, string fromId, CancellationToken cancellationToken)
    {
        var roles = r.Group.NextMeetings(r.Now, Group.Horizon).FirstOrDefault(x => x.Meeting.Id == meeting.Id);
        if (roles is null || meeting.Start <= r.Now || roles.CaseOwner?.Id == fromId || r.Group.Roster.Find(fromId) is not { } from)
        {
            return;
        }

        var day = GroupCards.Day(meeting, r.Group, r.GroupTexts);
        var name = r.Group.Settings.Name;
        if (roles.CaseOwner is not { } to)
        {
            await r.Context.SendPrivateAsync(Participant(from), new OutgoingMessage(r.Texts.NobodyTakesOver(day, name)), cancellationToken);
            return;
        }

        await r.Context.SendPrivateAsync(Participant(from), new OutgoingMessage(r.Texts.HandedOverFrom(to.Name, day, name)), cancellationToken);
        await r.Context.SendPrivateAsync(Participant(to), new OutgoingMessage(r.Texts.HandedOverTo(from.Name, day, name, Deadline(r, meeting))), cancellationToken);
    }

    private async Task TellCaseOwnerAsync(Reminder r, Meeting meeting, Member owner, string text, CancellationToken cancellationToken) =>
        await r.Context.SendPrivateAsync(Participant(owner), OutgoingMessage.FromCard(new Card
        {
            Body = [new CardText(text)],
            Buttons = [buttons.Button(r.Texts.PassButton, ReminderButtons.CardName, "pass", r.Context.Turn.Conversation, owner.Id, meeting.Key)],
        }), cancellationToken);

    private static Card DayBeforeCard(Reminder r, MeetingRoles roles)
    {
        var coming = r.Group.Roster.Active.Where(m => !r.Group.IsAbsent(m.Id, roles.Meeting.Id)).ToList();
        var body = new List<CardElement>(GroupCards.MeetingElements(roles, r.Group, r.GroupTexts).Where(e => e is not CardText { Style: TextStyle.Subtle }))
        {
            new CardText(r.Texts.Coming(coming.Count, string.Join(", ", coming.Select(m => m.Name)))),
        };
        if (roles.Absent.Count > 0)
        {
            body.Add(new CardText(Format(r.Texts.NotComing, string.Join(", ", roles.Absent.Select(m => m.Name))), TextStyle.Subtle));
        }

        if (coming.Count < r.Group.Settings.Reminders.MinimumAttendance)
        {
            body.Add(new CardText(r.Texts.TooFew(coming.Count, r.Group.Settings.Reminders.MinimumAttendance)));
        }

        return new Card { Title = r.Texts.TomorrowTitle, Body = body, Buttons = AttendButtons(r, roles.Meeting) };
    }

    private static List<CardButton> AttendButtons(Reminder r, Meeting meeting) =>
    [
        ReminderButtons.GroupButton(r.Texts.AttendButton, "attend", meeting, ButtonStyle.Positive),
        ReminderButtons.GroupButton(r.Texts.AbsentButton, "absent", meeting),
    ];

    /// <summary>Who took part: the attendees the session recorded, else the active members who did not say they would be away.</summary>
    private static IEnumerable<Member> Participants(Group group, Meeting meeting)
    {
        var held = group.Outcomes.Where(o => !o.Extra && o.Meeting == meeting.Id).SelectMany(o => o.Attendees).ToHashSet(StringComparer.Ordinal);
        return held.Count > 0
            ? group.Roster.Members.Where(m => held.Contains(m.Id))
            : group.Roster.Active.Where(m => !group.IsAbsent(m.Id, meeting.Id));
    }

    /// <summary>"ma 7 feb": the day the case should be ready (the case deadline's local day).</summary>
    private static string Deadline(Reminder r, Meeting meeting) =>
        TimeZoneInfo.ConvertTime(ReminderPlan.At(r.Group, meeting, ReminderKind.CaseDeadline), r.Group.Schedule.Zone)
            .ToString("ddd d MMM", r.GroupTexts.Culture).Replace(".", "", StringComparison.Ordinal);

    private static Participant Participant(Member member) => new(member.Id, member.Name);

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);

    private sealed record Reminder(ITurnContext Context, Group Group, ReminderTexts Texts, GroupTexts GroupTexts, DateTimeOffset Now)
    {
        public Language Language => Group.Settings.Language;
    }
}

using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Reminders;

/// <summary>
/// Keeps a group's planned reminders (J4) in line with the group: every time the group is stored (settings, roster,
/// a meeting moved or cancelled, a pause, a turn request) and every time a reminder runs, the reminders of its next
/// meetings are planned as due work with one id per meeting and kind, moved when their time changed, and removed when
/// their meeting is cancelled or the group paused. Reminders whose time has passed are never planned again, so a
/// reminder is sent once. When the case owner of a meeting changes after they were told, both are told privately.
/// </summary>
public sealed class ReminderPlanner(TimeProvider time, IDueWorkScheduler? scheduler = null) : IGroupObserver
{
    public const string HandlerName = "reminder";
    public const string ReminderKey = "reminder";
    public const string MeetingKey = "meeting";
    public const string FromKey = "from";
    public const string HandOver = "handover";
    private const string Prefix = "reminder-";

    public async Task OnSavedAsync(ConversationAddress address, Group? before, Group after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);
        await PlanAsync(address, after, cancellationToken);
        if (before is not null && !after.IsPaused)
        {
            await HandOverAsync(address, before, after, cancellationToken);
        }
    }

    /// <summary>Plans, moves and removes the group's reminders to match <paramref name="group"/> as it is now.</summary>
    public async Task PlanAsync(ConversationAddress address, Group group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (scheduler is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var wanted = ReminderPlan.For(group, now).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var planned = (await scheduler.ListAsync(address, cancellationToken)).Where(w => w.Id.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        foreach (var work in planned)
        {
            // Work that is due already runs (or is running) and checks the group itself; only future work is withdrawn.
            if (work.DueAt > now && (!wanted.TryGetValue(work.Id, out var reminder) || reminder.At <= now))
            {
                await scheduler.CancelAsync(address, work.Id, cancellationToken);
            }
        }

        foreach (var reminder in wanted.Values.Where(r => r.At > now))
        {
            if (!planned.Exists(w => w.Id == reminder.Id && w.DueAt == reminder.At))
            {
                await scheduler.ScheduleAsync(Work(address, reminder.Id, reminder.At, reminder.Kind.ToString(), reminder.Meeting.Key), cancellationToken);
            }
        }
    }

    /// <summary>Plans a private message at <paramref name="at"/>, or at the end of the group's quiet hours when it falls in them.</summary>
    public Task PlanPrivateAsync(ConversationAddress address, Group group, string id, DateTimeOffset at, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(data);
        if (scheduler is null)
        {
            return Task.CompletedTask;
        }

        var work = new DueWork(address, id, ScheduledTurnHandler.WorkKind, group.Settings.Reminders.OutsideQuietHours(at, group.Schedule.Zone))
        {
            Data = new Dictionary<string, string>(data) { [IScheduledTurnHandler.NameKey] = HandlerName },
        };
        return scheduler.ScheduleAsync(work, cancellationToken);
    }

    /// <summary>Plans a post in the group right away (it goes out at the next tick, in the group's lane).</summary>
    public Task PlanGroupPostAsync(ConversationAddress address, string id, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        return scheduler is null
            ? Task.CompletedTask
            : scheduler.ScheduleAsync(
                new DueWork(address, id, ScheduledTurnHandler.WorkKind, time.GetUtcNow()) { Data = new Dictionary<string, string>(data) { [IScheduledTurnHandler.NameKey] = HandlerName } },
                cancellationToken);
    }

    /// <summary>A case owner who was told it is their turn no longer is: they and whoever takes over hear it privately.</summary>
    private async Task HandOverAsync(ConversationAddress address, Group before, Group after, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var was = before.NextMeetings(now, Group.Horizon);
        foreach (var roles in after.NextMeetings(now, ReminderPlan.MeetingsAhead))
        {
            var old = was.FirstOrDefault(r => r.Meeting.Id == roles.Meeting.Id)?.CaseOwner;
            if (roles.Meeting.Start <= now || old is null || old.Id == roles.CaseOwner?.Id
                || ReminderPlan.At(after, roles.Meeting, ReminderKind.CaseOwnerNotice) > now)
            {
                continue;
            }

            var data = new Dictionary<string, string> { [ReminderKey] = HandOver, [MeetingKey] = roles.Meeting.Key, [FromKey] = old.Id };
            await PlanPrivateAsync(address, after, "handover-" + roles.Meeting.Key + "-" + old.Id, now, data, cancellationToken);
        }
    }

    private static DueWork Work(ConversationAddress address, string id, DateTimeOffset at, string reminder, string meeting) =>
        new(address, id, ScheduledTurnHandler.WorkKind, at)
        {
            Data = new Dictionary<string, string>
            {
                [IScheduledTurnHandler.NameKey] = HandlerName,
                [ReminderKey] = reminder,
                [MeetingKey] = meeting,
            },
        };
}

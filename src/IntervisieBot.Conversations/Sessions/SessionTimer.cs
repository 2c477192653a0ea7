using System.Globalization;
using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// The time of a session step (J6). When a step with a timebox starts, the bot plans "time up" at its end, and for a
/// timer step also "time left" shortly before, as scheduled turns in the group (durable: a restart loses nothing).
/// Moving on, pausing and ending cancel them, resuming plans the time that was left, and extending moves them.
/// The timer lives in the session dialog's state (<see cref="SessionTimerState"/>): a generation that every change
/// raises, the step, and when it ends (or, while paused, how much is left). An announcement that fires for an older generation is stale
/// (a cancel that lost a race, a turn run twice) and says nothing.
/// </summary>
internal sealed class SessionTimer(IDueWorkScheduler? scheduler, TimeProvider time)
{
    public const string LeftWorkId = "session-timer-left";
    public const string UpWorkId = "session-timer-up";
    public const string WhichKey = "timer";
    public const string GenerationKey = "generation";

    /// <summary>How long before the end a timer step says how much time is left: none for very short steps.</summary>
    public static TimeSpan? Warning(MethodStep step) => step switch
    {
        { Interaction: not StepInteraction.Timer } => null,
        { Timebox.TotalMinutes: >= 6 } => TimeSpan.FromMinutes(2),
        { Timebox.TotalMinutes: >= 2 } => TimeSpan.FromMinutes(1),
        _ => null,
    };

    /// <summary>The step the session is in now has started: its timebox runs from now.</summary>
    public async Task StartAsync(DialogContext dc, Session session, CancellationToken cancellationToken)
    {
        var step = session.CurrentStep;
        if (step.Timebox <= TimeSpan.Zero)
        {
            await StopAsync(dc, cancellationToken);
            return;
        }

        var timer = Next(dc);
        timer.Step = session.StepIndex;
        timer.Warning = (Warning(step) ?? TimeSpan.Zero).TotalSeconds;
        await PlanAsync(dc, timer, time.GetUtcNow() + step.Timebox, cancellationToken);
    }

    /// <summary>The steps are over (or the session ends): nothing more to announce.</summary>
    public async Task StopAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (State(dc) is null)
        {
            return;
        }

        var timer = Next(dc);
        timer.Step = -1;
        await CancelAsync(dc, cancellationToken);
    }

    public async Task PauseAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (EndsAt(State(dc)) is not { } endsAt)
        {
            return;
        }

        var timer = Next(dc);
        var left = endsAt - time.GetUtcNow();
        timer.EndsAt = null;
        timer.Remaining = Math.Max(0, left.TotalSeconds);
        await CancelAsync(dc, cancellationToken);
    }

    public async Task ResumeAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (State(dc)?.Remaining is not { } remaining)
        {
            return;
        }

        await PlanAsync(dc, Next(dc), time.GetUtcNow() + TimeSpan.FromSeconds(remaining), cancellationToken);
    }

    /// <summary>
    /// Adds <paramref name="extra"/> to the current step's time (after time is up: from now). Returns the time left
    /// and whether the session is paused, or null when the session is not in a step with a timebox.
    /// </summary>
    public async Task<(TimeSpan Left, bool Paused)?> ExtendAsync(DialogContext dc, Session session, TimeSpan extra, CancellationToken cancellationToken)
    {
        var state = State(dc);
        if (state is null || state.Step != session.StepIndex)
        {
            return null;
        }

        var timer = Next(dc);
        if (timer.Remaining is { } remaining)
        {
            var paused = TimeSpan.FromSeconds(remaining) + extra;
            timer.Remaining = paused.TotalSeconds;
            return (paused, true);
        }

        var now = time.GetUtcNow();
        var endsAt = EndsAt(timer) is { } end && end > now ? end + extra : now + extra;
        await PlanAsync(dc, timer, endsAt, cancellationToken);
        return (endsAt - now, false);
    }

    /// <summary>
    /// "left" or "up" when a scheduled turn is the current timer's announcement, with the time left; null when it is
    /// stale (the timer changed since it was planned, or is paused).
    /// </summary>
    public (string Which, TimeSpan Left)? Due(DialogInstance instance, IReadOnlyDictionary<string, string> values)
    {
        var timer = SessionDialog.States.Find(instance)?.Timer;
        if (EndsAt(timer) is not { } endsAt
            || !values.TryGetValue(GenerationKey, out var generation)
            || generation != timer!.Generation.ToString(CultureInfo.InvariantCulture)
            || values.GetValueOrDefault(WhichKey) is not { } which
            || which is not ("left" or "up"))
        {
            return null;
        }

        var left = endsAt - time.GetUtcNow();
        return (which, left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    /// <summary>The time left of the running step's timer (while paused: what was left), or null when no timer runs.</summary>
    public TimeSpan? Left(SessionDialogState state, Session session)
    {
        if (state.Timer is not { } timer || timer.Step != session.StepIndex)
        {
            return null;
        }

        return timer.Remaining is { } remaining ? TimeSpan.FromSeconds(remaining) : EndsAt(timer) - time.GetUtcNow();
    }

    private async Task PlanAsync(DialogContext dc, SessionTimerState timer, DateTimeOffset endsAt, CancellationToken cancellationToken)
    {
        timer.Remaining = null;
        timer.EndsAt = endsAt;
        if (scheduler is null)
        {
            return;
        }

        var group = dc.Turn.Conversation;
        var generation = timer.Generation.ToString(CultureInfo.InvariantCulture);
        await scheduler.ScheduleAsync(Work(group, UpWorkId, "up", generation, endsAt), cancellationToken);
        var warning = TimeSpan.FromSeconds(timer.Warning);
        if (warning > TimeSpan.Zero && endsAt - warning > time.GetUtcNow())
        {
            await scheduler.ScheduleAsync(Work(group, LeftWorkId, "left", generation, endsAt - warning), cancellationToken);
        }
        else
        {
            await scheduler.CancelAsync(group, LeftWorkId, cancellationToken);
        }
    }

    private async Task CancelAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (scheduler is not null)
        {
            await scheduler.CancelAsync(dc.Turn.Conversation, LeftWorkId, cancellationToken);
            await scheduler.CancelAsync(dc.Turn.Conversation, UpWorkId, cancellationToken);
        }
    }

    private static DueWork Work(ConversationAddress group, string id, string which, string generation, DateTimeOffset at) =>
        new(group, id, ScheduledTurnHandler.WorkKind, at)
        {
            Data = new Dictionary<string, string>
            {
                [Dialog.ScheduledDialogKey] = SessionDialog.DialogId,
                [WhichKey] = which,
                [GenerationKey] = generation,
            },
        };

    /// <summary>The running session's timer, when the active dialog is a session with one.</summary>
    private static SessionTimerState? State(DialogContext dc) =>
        dc.ActiveDialog is { Id: SessionDialog.DialogId } instance ? SessionDialog.States.Find(instance)?.Timer : null;

    /// <summary>The timer with its generation raised, created when the session has none yet.</summary>
    private static SessionTimerState Next(DialogContext dc)
    {
        var state = SessionDialog.States.Get(dc.ActiveDialog!);
        state.Timer ??= new SessionTimerState();
        state.Timer.Generation++;
        return state.Timer;
    }

    private static DateTimeOffset? EndsAt(SessionTimerState? timer) => timer?.EndsAt;
}

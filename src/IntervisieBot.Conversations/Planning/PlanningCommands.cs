using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Health;
using IntervisieBot.Conversations.Reminders;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Dialogs;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Planning;

/// <summary>
/// <c>planning</c>/<c>schedule</c> (J4): the next meetings with their roles, and buttons to move or cancel the one picked,
/// and to pause or resume the group. Typed: <c>planning verplaats 9-2-2027 16-2-2027 [19:30]</c>,
/// <c>planning annuleer 9-2-2027</c>, <c>planning pauze</c>, <c>planning hervat</c> (and move, cancel, pause, resume).
/// Storing the group re-plans its reminders; a cancellation is also checked for group health.
/// </summary>
public sealed class PlanningCommands(GroupStore groups, HealthMonitor health, TimeProvider time) : ICommandHandler, ICardHandler
{
    public const string CardName = "schedule";
    public const string MeetingInput = "meeting";
    public const string DateInput = "date";
    public const string TimeInput = "time";
    private const int Shown = 4;

    public IReadOnlyCollection<Command> Commands { get; } = [Command.Schedule];

    public string Card => CardName;

    public Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var words = argument.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var action = words.Length == 0 ? "show" : words[0].ToLowerInvariant() switch
        {
            "verplaats" or "verplaatsen" or "verzet" or "verzetten" or "move" or "reschedule" => "move",
            "annuleer" or "annuleren" or "afzeggen" or "cancel" => "cancel",
            "pauze" or "pauzeer" or "pauzeren" or "pause" => "pause",
            "hervat" or "hervatten" or "resume" or "verder" => "resume",
            _ => "usage",
        };
        return RunAsync(dc, action, words.Skip(1).ToList(), cancellationToken);
    }

    public Task HandleAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var values = dc.Turn.Values;
        var typed = new[] { values.GetValueOrDefault(MeetingInput), values.GetValueOrDefault(DateInput), values.GetValueOrDefault(TimeInput) }
            .Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
        return RunAsync(dc, values.GetValueOrDefault(Cards.ActionKey, "show"), typed, cancellationToken);
    }

    private async Task RunAsync(DialogContext dc, string action, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        if (await GroupCards.OnlyInTheGroupAsync(dc, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        string? said = null;
        var cancelled = false;
        var updated = await groups.UpdateAsync(turn.Conversation, group =>
        {
            var texts = ReminderTexts.For(group.Settings.Language);
            var groupTexts = GroupCards.TextsFor(group, null);
            (said, var changed) = action switch
            {
                "show" => (null, false),
                "pause" => group.SetPaused(true) ? (texts.Paused, true) : (texts.AlreadyPaused, false),
                "resume" => group.SetPaused(false) ? (texts.Resumed, true) : (texts.NotPaused, false),
                "move" => Move(group, words, turn.From.Name, now, texts, groupTexts),
                "cancel" => Cancel(group, words, turn.From.Name, now, texts, groupTexts),
                _ => (texts.PlanningUsage, false),
            };
            cancelled = changed && action == "cancel";
            return (changed, 0);
        }, cancellationToken);
        if (updated is not { Group: var saved })
        {
            var texts = GroupTexts.For(Language.FromLocale(turn.Locale));
            await dc.SendAsync(OutgoingMessage.FromCard(new Card { Body = [new CardText(texts.NotSetUp)], Buttons = [GroupCards.CommandButton(texts.SetupButton, texts.SetupCommand, ButtonStyle.Positive)] }), cancellationToken);
            return;
        }

        if (cancelled)
        {
            await health.CheckAsync(turn.Conversation, saved, cancellationToken);
        }

        if (said is not null)
        {
            await dc.SendAsync(new OutgoingMessage(said), cancellationToken);
        }

        var card = OutgoingMessage.FromCard(PlanningCard(saved, now));
        if (turn.Kind == TurnKind.CardAction && turn.ReplyToId is { } pressed)
        {
            await dc.Context.UpdateAsync(pressed, card, cancellationToken);
        }
        else if (said is null || action == "usage")
        {
            await dc.SendAsync(card, cancellationToken);
        }
    }

    private static (string, bool) Move(Group group, IReadOnlyList<string> words, string who, DateTimeOffset now, ReminderTexts texts, GroupTexts groupTexts)
    {
        var today = Today(group, now);
        if (words.Count < 2 || Coming(group, words[0], today, now) is not { } meeting)
        {
            return (words.Count < 2 ? texts.PlanningUsage : groupTexts.NoSuchMeeting, false);
        }

        var date = DatePrompt.Parse(words[1].ToLowerInvariant(), today);
        var start = words.Count > 2 ? TimePrompt.Parse(words[2].ToLowerInvariant()) : null;
        if (date is null || words.Count > 2 && start is null)
        {
            return (texts.BadNewDate, false);
        }

        if (date < today)
        {
            return (texts.NewDateInPast, false);
        }

        var before = GroupCards.Day(meeting, group, groupTexts);
        group.MoveMeeting(meeting.Id, date.Value, start);
        return (texts.Moved(who, before, GroupCards.When(group.Schedule.Find(meeting.Id)!, group, groupTexts)), true);
    }

    private static (string, bool) Cancel(Group group, IReadOnlyList<string> words, string who, DateTimeOffset now, ReminderTexts texts, GroupTexts groupTexts)
    {
        if (words.Count < 1 || Coming(group, words[0], Today(group, now), now) is not { } meeting)
        {
            return (words.Count < 1 ? texts.PlanningUsage : groupTexts.NoSuchMeeting, false);
        }

        group.CancelMeeting(meeting.Id);
        return (texts.Cancelled(who, GroupCards.Day(meeting, group, groupTexts)), true);
    }

    /// <summary>A coming meeting named by the date it was planned on or the date it is held on now.</summary>
    private static Meeting? Coming(Group group, string text, DateOnly today, DateTimeOffset now)
    {
        var date = DatePrompt.Parse(text.ToLowerInvariant(), today);
        return date is null
            ? null
            : group.Schedule.Upcoming(now, Group.Horizon).FirstOrDefault(m => m.Id == date || LocalDate(group, m.Start) == date);
    }

    /// <summary>The next meetings, and a form to move or cancel the one picked; pause or resume the group.</summary>
    public static Card PlanningCard(Group group, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(group);
        var texts = ReminderTexts.For(group.Settings.Language);
        var groupTexts = GroupCards.TextsFor(group, null);
        var next = group.NextMeetings(now, Shown);
        return new Card
        {
            Title = GroupCards.Format(texts.PlanningTitle, group.Settings.Name),
            Body =
            [
                .. group.IsPaused ? [new CardText(texts.PausedLine)] : Array.Empty<CardElement>(),
                .. next.SelectMany(r => GroupCards.MeetingElements(r, group, groupTexts)),
                new CardChoiceInput(MeetingInput, groupTexts.MeetingLabel, [.. next.Select(r => new CardChoice(GroupCards.Day(r.Meeting, group, groupTexts), r.Meeting.Key))], Value: next.Count > 0 ? next[0].Meeting.Key : null),
                new CardInput(DateInput, texts.NewDateLabel, InputKind.Date),
                new CardInput(TimeInput, texts.NewTimeLabel, InputKind.Time),
            ],
            Buttons =
            [
                Cards.Button(texts.MoveButton, "move", CardName),
                Cards.Button(texts.CancelButton, "cancel", CardName, ButtonStyle.Destructive),
                group.IsPaused ? Cards.Button(texts.ResumeButton, "resume", CardName, ButtonStyle.Positive) : Cards.Button(texts.PauseButton, "pause", CardName),
            ],
        };
    }

    private static DateOnly Today(Group group, DateTimeOffset now) => LocalDate(group, now);

    private static DateOnly LocalDate(Group group, DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, group.Schedule.Zone).DateTime);
}

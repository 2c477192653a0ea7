using System.Globalization;
using IntervisieBot.Conversations.Reminders;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Health;

/// <summary>
/// Group health (J9): after each meeting, at each case deadline and when a meeting is cancelled, looks for the signs of
/// a group in danger, and tells the facilitator of the next meeting privately (the group, when the facilitator is
/// external) with suggestions from the sources. Each concern is told once (it is remembered in <see cref="HealthStore"/>),
/// after the quiet hours.
/// </summary>
public sealed class HealthMonitor(HealthStore store, ReminderPlanner planner, TimeProvider time)
{
    public const string Concern = "health";
    private const string ConcernKey = "concern";

    public async Task RecordPreparationAsync(ConversationAddress address, Group group, Meeting meeting, bool prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        await store.RecordPreparationAsync(address, meeting.Id, prepared, cancellationToken);
        await CheckAsync(address, group, cancellationToken);
    }

    public async Task CheckAsync(ConversationAddress address, Group group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var now = time.GetUtcNow();
        foreach (var finding in GroupHealth.Check(group, now, await store.PreparationAsync(address, cancellationToken)))
        {
            if (await store.MarkToldAsync(address, finding.Occurrence, now, cancellationToken))
            {
                var data = new Dictionary<string, string> { [ReminderPlanner.ReminderKey] = Concern, [ConcernKey] = finding.Concern.ToString() };
                await planner.PlanPrivateAsync(address, group, "health-" + finding.Occurrence, now, data, cancellationToken);
            }
        }
    }

    /// <summary>The concern, with what helps, to the facilitator of the next meeting.</summary>
    public async Task TellAsync(ITurnContext context, Group group, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(values);
        if (!Enum.TryParse<HealthConcern>(values.GetValueOrDefault(ConcernKey), out var concern))
        {
            return;
        }

        var texts = ReminderTexts.For(group.Settings.Language);
        var card = new Card
        {
            Title = string.Format(CultureInfo.InvariantCulture, texts.HealthTitle, group.Settings.Name),
            Body =
            [
                new CardText(concern switch
                {
                    HealthConcern.CancelledTwice => texts.HealthCancelled,
                    HealthConcern.LowAttendance => texts.HealthAttendance,
                    _ => texts.HealthUnprepared,
                }),
                new CardText(texts.HealthSuggestionsTitle, TextStyle.Heading),
                new CardText(string.Join("\n", texts.HealthSuggestions.Select(s => "- " + s))),
            ],
        };
        var facilitator = group.NextMeetings(time.GetUtcNow(), 1) is [var next, ..] ? next.Facilitator : null;
        if (facilitator is null)
        {
            await context.SendAsync(OutgoingMessage.FromCard(card), cancellationToken);
            return;
        }

        await context.SendPrivateAsync(new Participant(facilitator.Id, facilitator.Name), OutgoingMessage.FromCard(card), cancellationToken);
    }
}

using System.Globalization;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Reminders;

/// <summary>
/// The buttons of the reminders: "I'll be there" / "I can't come" in the group (an absence changes the rotation: an
/// absent case owner or facilitator is replaced), and the case owner's private "pass / I can't". When the case owner
/// gives up a turn they were told about, <see cref="ReminderPlanner"/> tells them and the next case owner privately.
/// </summary>
public sealed class ReminderButtons(GroupStore groups, PrivateButtons buttons, TimeProvider time) : ICardHandler
{
    public const string CardName = "reminder";

    public string Card => CardName;

    public static CardButton GroupButton(string title, string action, Meeting meeting, ButtonStyle style = ButtonStyle.Default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var button = Cards.Button(title, action, CardName, style);
        return button with { Data = new Dictionary<string, string>(button.Data) { [PrivateButtons.MeetingKey] = meeting.Key } };
    }

    public async Task HandleAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var turn = dc.Turn;
        var action = turn.Values.GetValueOrDefault(Cards.ActionKey, "");
        var (address, key) = turn.Conversation.IsPersonal
            ? buttons.Read(turn, CardName) ?? (turn.Conversation, "")
            : (turn.Conversation, turn.Values.GetValueOrDefault(PrivateButtons.MeetingKey, ""));
        var texts = ReminderTexts.For(Language.FromLocale(turn.Locale));
        if (key.Length == 0 || !DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var meetingId)
            || turn.Conversation.IsPersonal != (action == "pass"))
        {
            await dc.SendAsync(new OutgoingMessage(texts.ButtonExpired), cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var updated = await groups.UpdateAsync(address, group =>
        {
            var change = action switch
            {
                "pass" => group.Pass(turn.From.Id, meetingId, now),
                "absent" => group.SetAbsent(turn.From.Id, meetingId, absent: true, now),
                _ => group.SetAbsent(turn.From.Id, meetingId, absent: false, now),
            };
            return (change == TurnChange.Done, change);
        }, cancellationToken);
        if (updated is not { Group: var group, Result: var result })
        {
            await dc.SendAsync(new OutgoingMessage(texts.ButtonExpired), cancellationToken);
            return;
        }

        texts = ReminderTexts.For(group.Settings.Language);
        var groupTexts = GroupCards.TextsFor(group, null);
        var day = group.Schedule.Find(meetingId) is { } meeting ? GroupCards.Day(meeting, group, groupTexts) : GroupCards.DateTitle(meetingId, groupTexts);
        var said = (result, action) switch
        {
            (TurnChange.Done or TurnChange.AlreadySo, "pass") => GroupCards.Format(texts.PassedPrivately, day, group.Settings.Name),
            (TurnChange.Done or TurnChange.AlreadySo, "absent") => groupTexts.MarkedAbsent(turn.From.Name, day),
            (TurnChange.Done or TurnChange.AlreadySo, _) => texts.MarkedAttending(turn.From.Name, day),
            (TurnChange.NotAMember, _) => groupTexts.NotAMember,
            (TurnChange.NotYourTurn, _) => GroupCards.Format(groupTexts.NotYourTurn, day),
            _ => texts.ButtonExpired,
        };
        if (action == "pass" && result == TurnChange.Done && turn.ReplyToId is { } pressed)
        {
            // The private card loses its button, so the turn is not passed twice.
            await dc.Context.UpdateAsync(pressed, new OutgoingMessage(said), cancellationToken);
            return;
        }

        await dc.SendAsync(new OutgoingMessage(said), cancellationToken);
    }
}

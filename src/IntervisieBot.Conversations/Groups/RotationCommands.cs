using System.Globalization;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Groups;

/// <summary>
/// J3 in chat. <c>beurt</c>/<c>turn</c> shows the next three meetings with case owner and facilitator, and buttons to
/// volunteer, swap, pass or be away for the meeting picked on the card. Typed: <c>beurt vrijwillig [datum]</c>,
/// <c>beurt passen [datum]</c>, <c>beurt ruilen [met Bram]</c>, <c>afwezig [datum]</c>, <c>afwezig intrekken [datum]</c>
/// (and in English: volunteer, pass, swap [with], absent [date], absent undo). Without a date: the next meeting.
/// </summary>
public sealed class RotationCommands(GroupStore groups, TimeProvider time) : ICommandHandler, ICardHandler
{
    public const string CardName = "turns";
    public const string MeetingInput = "meeting";
    private const int Shown = 3;

    public IReadOnlyCollection<Command> Commands { get; } = [Command.Turn, Command.Absent];

    public string Card => CardName;

    public async Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken)
    {
        var words = argument.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var first = words.Length > 0 ? words[0].ToLowerInvariant() : "";
        var rest = words.Length > 1 ? words[1] : "";
        var undo = first is "intrekken" or "toch" or "niet" or "undo" or "cancel" or "not";
        var (action, about) = command == Command.Absent
            ? (undo ? "present" : "absent", undo ? rest : argument)
            : (first switch
            {
                "" => "show",
                "vrijwillig" or "aanbieden" or "ik" or "neem" or "volunteer" or "me" or "take" => "volunteer",
                "passen" or "pas" or "pass" or "skip" => "pass",
                "ruilen" or "ruil" or "swap" or "wissel" or "wisselen" => "swap",
                _ => "usage",
            }, rest);
        await RunAsync(dc, action, about, null, cancellationToken);
    }

    public Task HandleAsync(DialogContext dc, CancellationToken cancellationToken) =>
        RunAsync(dc, dc.Turn.Values.GetValueOrDefault(Cards.ActionKey, "show"), "", dc.Turn.Values.GetValueOrDefault(MeetingInput), cancellationToken);

    private async Task RunAsync(DialogContext dc, string action, string rest, string? meetingKey, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        if (await GroupCards.OnlyInTheGroupAsync(dc, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        string? said = null;
        var updated = await groups.UpdateAsync(turn.Conversation, group =>
        {
            said = null;
            if (action == "show")
            {
                return (false, 0);
            }

            var texts = GroupCards.TextsFor(group, turn.Locale);
            if (action == "usage")
            {
                said = texts.TurnUsage;
                return (false, 0);
            }

            var (change, meeting) = Apply(group, action, rest, meetingKey, turn.From.Id, now, texts, out var problem);
            said = problem ?? Said(group, change, action, meeting, turn.From.Name, now, texts);
            return (change == TurnChange.Done, 0);
        }, cancellationToken);
        if (updated is not { Group: var group })
        {
            var texts = GroupTexts.For(Language.FromLocale(turn.Locale));
            await dc.SendAsync(OutgoingMessage.FromCard(new Card { Body = [new CardText(texts.NotSetUp)], Buttons = [GroupCards.CommandButton(texts.SetupButton, texts.SetupCommand, ButtonStyle.Positive)] }), cancellationToken);
            return;
        }

        var card = OutgoingMessage.FromCard(TurnsCard(group, now, GroupCards.TextsFor(group, turn.Locale)));
        if (said is not null)
        {
            await dc.SendAsync(new OutgoingMessage(said), cancellationToken);
        }

        if (turn.Kind == TurnKind.CardAction && turn.ReplyToId is { } pressed)
        {
            await dc.Context.UpdateAsync(pressed, card, cancellationToken);
        }
        else if (action is "show" or "usage" || said is not null)
        {
            await dc.SendAsync(card, cancellationToken);
        }
    }

    private static (TurnChange Change, Meeting? Meeting) Apply(Group group, string action, string rest, string? meetingKey, string memberId, DateTimeOffset now, GroupTexts texts, out string? problem)
    {
        problem = null;
        var coming = group.NextMeetings(now, Group.Horizon).Select(r => r.Meeting).ToList();
        var other = action == "swap" && rest.Length > 0 ? FindMember(group, rest) : null;
        if (action == "swap" && rest.Length > 0 && other is null)
        {
            problem = GroupCards.Format(texts.UnknownMember, WithoutWith(rest));
            return (TurnChange.NotAMember, null);
        }

        var meeting = meetingKey is not null
            ? coming.FirstOrDefault(m => m.Key == meetingKey)
            : rest.Length > 0 && other is null ? FindMeeting(group, coming, rest, now) : action is "pass" or "swap" ? OwnMeeting(group, memberId, now) ?? coming.FirstOrDefault() : coming.FirstOrDefault();
        if (meeting is null)
        {
            return (TurnChange.NoSuchMeeting, null);
        }

        var change = action switch
        {
            "volunteer" => group.Volunteer(memberId, meeting.Id, now),
            "pass" => group.Pass(memberId, meeting.Id, now),
            "swap" when other is not null => group.SwapWith(memberId, other.Id, now),
            "swap" => group.Swap(memberId, meeting.Id, now),
            "absent" => group.SetAbsent(memberId, meeting.Id, absent: true, now),
            "present" => group.SetAbsent(memberId, meeting.Id, absent: false, now),
            _ => TurnChange.AlreadySo,
        };
        return (change, meeting);
    }

    private static string Said(Group group, TurnChange change, string action, Meeting? meeting, string name, DateTimeOffset now, GroupTexts texts)
    {
        var day = meeting is null ? "" : GroupCards.Day(meeting, group, texts);
        return change switch
        {
            TurnChange.Done => action switch
            {
                "volunteer" => texts.Volunteered(name, day),
                "pass" => texts.Passed(name, day),
                "swap" => GroupCards.Format(texts.Swapped, name),
                "absent" => texts.MarkedAbsent(name, day),
                _ => texts.MarkedPresent(name, day),
            },
            TurnChange.NotAMember => texts.NotAMember,
            TurnChange.NoSuchMeeting => texts.NoSuchMeeting,
            TurnChange.NotYourTurn => GroupCards.Format(texts.NotYourTurn, day),
            TurnChange.Taken => GroupCards.Format(texts.Taken, day),
            TurnChange.Absent => GroupCards.Format(texts.YouAreAbsent, day),
            TurnChange.NobodyToSwapWith => texts.NobodyToSwap,
            _ => texts.AlreadySo,
        };
    }

    /// <summary>The next three meetings, and buttons that act for whoever presses them on the meeting picked.</summary>
    public static Card TurnsCard(Group group, DateTimeOffset now, GroupTexts texts)
    {
        var next = group.NextMeetings(now, Shown);
        return new Card
        {
            Title = texts.TurnsTitle,
            Body =
            [
                .. next.SelectMany(r => GroupCards.MeetingElements(r, group, texts)),
                new CardChoiceInput(MeetingInput, texts.MeetingLabel, next.Select(r => new CardChoice(GroupCards.Day(r.Meeting, group, texts), r.Meeting.Key)).ToList(), Value: next.Count > 0 ? next[0].Meeting.Key : null),
            ],
            Buttons =
            [
                Button(texts.VolunteerButton, "volunteer", ButtonStyle.Positive),
                Button(texts.SwapButton, "swap"),
                Button(texts.PassButton, "pass"),
                Button(texts.AbsentButton, "absent"),
                Button(texts.PresentButton, "present"),
            ],
        };
    }

    private static CardButton Button(string title, string action, ButtonStyle style = ButtonStyle.Default) => Cards.Button(title, action, CardName, style);

    /// <summary>The case owner's own next meeting: what "pass" and "swap" mean without a date.</summary>
    private static Meeting? OwnMeeting(Group group, string memberId, DateTimeOffset now) =>
        group.NextMeetings(now, Group.Horizon).FirstOrDefault(r => r.CaseOwner?.Id == memberId)?.Meeting;

    private static Meeting? FindMeeting(Group group, IReadOnlyList<Meeting> coming, string text, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, group.Schedule.Zone).DateTime);
        return SetupAnswers.Date(text, today) is { Length: > 0 } iso && DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture) is var date
            ? coming.FirstOrDefault(m => m.Id == date || DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.Start, group.Schedule.Zone).DateTime) == date)
            : null;
    }

    private static Member? FindMember(Group group, string text)
    {
        var name = WithoutWith(text);
        return group.Roster.Members.FirstOrDefault(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? group.Roster.Members.FirstOrDefault(m => m.Name.Split(' ')[0].Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    private static string WithoutWith(string text)
    {
        var trimmed = text.Trim().Trim('.', '!', '?');
        foreach (var prefix in new[] { "met ", "with " })
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return trimmed[prefix.Length..].Trim();
            }
        }

        return trimmed;
    }
}

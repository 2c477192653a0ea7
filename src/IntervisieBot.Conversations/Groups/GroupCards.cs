using System.Globalization;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Groups;

/// <summary>How the group's data looks in chat: the summary after set-up, the turns, dates in the group's time zone.</summary>
public static class GroupCards
{
    /// <summary>In a personal chat a group feature says it belongs in the group chat; true when it said so.</summary>
    public static async Task<bool> OnlyInTheGroupAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (!dc.Turn.Conversation.IsPersonal)
        {
            return false;
        }

        await dc.SendAsync(new OutgoingMessage(GroupTexts.For(Language.FromLocale(dc.Turn.Locale)).GroupOnly), cancellationToken);
        return true;
    }

    public static GroupTexts TextsFor(Group? group, string? locale) =>
        group is null ? GroupTexts.For(Language.FromLocale(locale)) : GroupTexts.For(group.Settings.Language);

    public static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);

    /// <summary>"dinsdag 12 januari 2027 · 19:30", in the group's time zone.</summary>
    public static string When(Meeting meeting, Group group, GroupTexts texts)
    {
        var local = TimeZoneInfo.ConvertTime(meeting.Start, group.Schedule.Zone);
        return local.ToString("dddd d MMMM yyyy", texts.Culture) + " · " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>"di 12 jan": short, for sentences.</summary>
    public static string Day(Meeting meeting, Group group, GroupTexts texts) =>
        TimeZoneInfo.ConvertTime(meeting.Start, group.Schedule.Zone).ToString("ddd d MMM", texts.Culture).Replace(".", "", StringComparison.Ordinal);

    /// <summary>"woensdag 16 december": the meeting's day, in the group's time zone, for a question about it.</summary>
    public static string LongDay(Meeting meeting, Group group, GroupTexts texts)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(texts);
        return TimeZoneInfo.ConvertTime(meeting.Start, group.Schedule.Zone).ToString("dddd d MMMM", texts.Culture);
    }

    public static string DateTitle(DateOnly date, GroupTexts texts) => date.ToString("dddd d MMMM yyyy", texts.Culture);

    public static string WeekdayName(DayOfWeek day, GroupTexts texts) => texts.Culture.DateTimeFormat.GetDayName(day);

    public static string CadenceText(Cadence cadence, GroupTexts texts) => cadence.Kind == CadenceKind.EveryWeeks
        ? texts.CadenceEvery(cadence.Weeks, WeekdayName(cadence.Weekday, texts))
        : texts.CadenceMonthly(texts.WeeksOfMonth[cadence.WeekOfMonth - 1], WeekdayName(cadence.Weekday, texts));

    public static string FacilitatorText(Group group, GroupTexts texts) => group.Settings.FacilitatorMode switch
    {
        FacilitatorMode.Fixed => Format(texts.FacilitatorFixed, group.Roster.Find(group.Settings.FixedFacilitator!)?.Name ?? "?"),
        FacilitatorMode.External => texts.FacilitatorExternal,
        _ => texts.FacilitatorRotating,
    };

    /// <summary>One coming meeting: when, who brings the case, who facilitates, who is away.</summary>
    public static IEnumerable<CardElement> MeetingElements(MeetingRoles roles, Group group, GroupTexts texts)
    {
        var when = When(roles.Meeting, group, texts) + (roles.Meeting.State == MeetingState.Moved ? $" ({texts.MovedLine})" : "");
        yield return new CardText(when, TextStyle.Heading);
        var facilitator = roles.Facilitator?.Name ?? (group.Settings.FacilitatorMode == FacilitatorMode.External ? texts.External : texts.Nobody);
        yield return new CardText(texts.MeetingRoles(roles.CaseOwner?.Name ?? texts.Nobody, facilitator));
        if (roles.Absent.Count > 0)
        {
            yield return new CardText(Format(texts.AbsentLine, string.Join(", ", roles.Absent.Select(m => m.Name))), TextStyle.Subtle);
        }
    }

    /// <summary>The end of set-up: the settings, and the next three meetings with their case owner and facilitator.</summary>
    public static Card Summary(Group group, DateTimeOffset now, GroupTexts texts, bool firstTime)
    {
        var labels = texts.SummaryLabels;
        var end = group.Settings.StartTime.Add(group.Settings.Duration);
        return new Card
        {
            Title = Format(firstTime ? texts.SetUpTitle : texts.SavedTitle, group.Settings.Name),
            Body =
            [
                new CardFacts(
                [
                    new CardFact(labels[0], CadenceText(group.Settings.Cadence, texts)),
                    new CardFact(labels[1], $"{group.Settings.StartTime:HH\\:mm}–{end:HH\\:mm} ({group.Settings.TimeZoneId})"),
                    new CardFact(labels[2], string.Join(", ", group.Roster.Members.Select(m => m.Name))),
                    new CardFact(labels[3], FacilitatorText(group, texts)),
                    new CardFact(labels[4], group.Agreements.Count.ToString(CultureInfo.InvariantCulture)),
                ]),
                new CardText(texts.NextMeetingsTitle, TextStyle.Heading),
                .. group.NextMeetings(now).SelectMany(r => MeetingElements(r, group, texts).Select(e => e is CardText { Style: TextStyle.Heading } h ? h with { Style = TextStyle.Normal, Text = "**" + h.Text + "**" } : e)),
            ],
            Buttons =
            [
                CommandButton(texts.TurnsTitle, texts.TurnsCommand),
                CommandButton(texts.AgreementsTitle, texts.AgreementsCommand),
                CommandButton(texts.SettingsButton, texts.SetupCommand),
            ],
        };
    }

    /// <summary>"instellen" in a group that is set up: what to change, one button per setting.</summary>
    public static Card SettingsMenu(Group group, GroupTexts texts)
    {
        var language = texts.Language;
        return new Card
        {
            Title = Format(texts.SettingsTitle, group.Settings.Name),
            Body =
            [
                new CardText(texts.SettingsIntro),
                new CardFacts(
                [
                    new CardFact(texts.SummaryLabels[0], CadenceText(group.Settings.Cadence, texts)),
                    new CardFact(texts.SummaryLabels[1], $"{group.Settings.StartTime:HH\\:mm} ({group.Settings.TimeZoneId}), {(int)group.Settings.Duration.TotalMinutes} min"),
                    new CardFact(texts.SummaryLabels[2], string.Join(", ", group.Roster.Members.Select(m => m.Name + (m.IsActive ? "" : texts.PausedSuffix)))),
                    new CardFact(texts.SummaryLabels[3], FacilitatorText(group, texts)),
                ]),
            ],
            Buttons = GroupTexts.SettingWords.Select((s, i) => CommandButton(texts.SettingNames[i], texts.SetupCommand + " " + (language == Language.Dutch ? s.Nl : s.En))).ToList(),
        };
    }

    /// <summary>A button that stands for a typed command (e.g. "beurt"), handled as if it was typed.</summary>
    public static CardButton CommandButton(string title, string command, ButtonStyle style = ButtonStyle.Default) =>
        new(title, new Dictionary<string, string> { [TurnRouter.CommandKey] = command }, style);
}

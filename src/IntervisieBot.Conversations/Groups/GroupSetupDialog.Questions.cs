using System.Globalization;
using IntervisieBot.Dialogs;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Groups;

/// <summary>Set-up's questions: the prompt and its choices for each field, with "keep" when a setting is changed.</summary>
public sealed partial class GroupSetupDialog
{
    private async Task<DialogTurnResult> AskAsync(DialogContext dc, string field, string? problem, CancellationToken cancellationToken)
    {
        var state = States.Get(dc.ActiveDialog!);
        var draft = state.Draft;
        var texts = Texts(state);
        var language = state.Language;
        var changing = state.Existing;
        string Ask(string question) => problem is null ? question : problem + "\n\n" + question;
        List<PromptChoice> WithKeep(List<PromptChoice> choices, string? current) =>
            changing && current is not null ? [new PromptChoice(Keep, GroupCards.Format(texts.Keep, current), ["zo laten", "laten", "hetzelfde", "ongewijzigd", "keep", "same", "unchanged"]), .. choices] : choices;

        var (promptId, options) = field switch
        {
            "name" => (TextId, new PromptOptions { Text = Ask(texts.AskName), Choices = WithKeep([], draft.Name), RetryText = texts.NameRetry }),
            "language" => (ChoiceId, new PromptOptions
            {
                Text = Ask(texts.AskLanguage),
                Choices = [new("nl", texts.Languages[0], ["nl", "dutch", "nederlands", "ned", "nederland"]), new("en", texts.Languages[1], ["en", "engels", "english", "eng"])],
            }),
            "cadence" => (CadenceId, new PromptOptions
            {
                Text = Ask(texts.AskCadence),
                Choices = WithKeep(
                [
                    new("4", texts.Cadences[0]), new("5", texts.Cadences[1]), new("6", texts.Cadences[2]),
                    new("monthly", texts.Cadences[3], ["maandelijks", "monthly", "elke maand", "every month", "maand", "month"]),
                ], draft.Cadence is { } c ? CadenceTitle(c, texts) : null),
                RetryText = texts.CadenceRetry,
            }),
            "week" => (ChoiceId, new PromptOptions
            {
                Text = Ask(texts.AskWeekOfMonth),
                Choices = texts.WeeksOfMonth.Select((w, i) => new PromptChoice((i + 1).ToString(CultureInfo.InvariantCulture), w, WeekSynonyms(i))).ToList(),
            }),
            "weekday" => (ChoiceId, new PromptOptions
            {
                Text = Ask(texts.AskWeekday),
                Choices = WithKeep(Weekdays(texts), draft.Weekday is { } d ? GroupCards.WeekdayName((DayOfWeek)int.Parse(d, CultureInfo.InvariantCulture), texts) : null),
            }),
            "time" => (TimeId, new PromptOptions { Text = Ask(texts.AskTime), Choices = WithKeep([], draft.Time), RetryText = texts.TimeRetry }),
            "zone" => (ZoneId, new PromptOptions
            {
                Text = Ask(texts.AskZone),
                Choices = WithKeep(
                [
                    new(GroupSettings.DefaultTimeZone, $"{GroupSettings.DefaultTimeZone} ({texts.DefaultSuffix})", ["standaard", "default", "amsterdam", "nederland", "ok", "ja"]),
                    new("Europe/Brussels", "Europe/Brussels", ["brussel", "brussels", "belgie"]),
                    new("Europe/London", "Europe/London", ["londen", "london"]),
                ], draft.Zone),
                RetryText = texts.ZoneRetry,
            }),
            "duration" => (MinutesId, new PromptOptions
            {
                Text = Ask(texts.AskDuration),
                Choices = WithKeep(
                [
                    new("60", GroupCards.Format(texts.MinutesTitle, 60)),
                    new("90", GroupCards.Format(texts.MinutesTitle, 90) + $" ({texts.DefaultSuffix})", ["standaard", "default"]),
                    new("120", GroupCards.Format(texts.MinutesTitle, 120)),
                ], draft.Minutes is { } m ? GroupCards.Format(texts.MinutesTitle, m) : null),
                RetryText = texts.DurationRetry,
            }),
            "first" => (DateId, new PromptOptions
            {
                Text = Ask(changing ? texts.AskNextDate : texts.AskFirstDate),
                Choices = WithKeep(SuggestedDates(draft, texts), draft.KeepableFirst() is { } f ? GroupCards.DateTitle(f, texts) : null),
                RetryText = texts.DateRetry,
            }),
            "members" => (MembersId, await MembersQuestionAsync(dc, state, Ask(texts.AskMembers), cancellationToken)),
            "line" => (ConfirmId, new PromptOptions { Text = Ask(texts.AskLineRelationship) }),
            "facilitator" => (ChoiceId, new PromptOptions
            {
                Text = Ask(texts.AskFacilitatorMode),
                Choices =
                [
                    new(nameof(FacilitatorMode.Rotating), texts.FacilitatorModes[0], ["wisselt", "wisselend", "roulerend", "rouleren", "rotating", "rotate", "rotates"]),
                    new(nameof(FacilitatorMode.Fixed), texts.FacilitatorModes[1], ["vast", "vaste", "fixed"]),
                    new(nameof(FacilitatorMode.External), texts.FacilitatorModes[2], ["extern", "externe", "external", "begeleider"]),
                ],
            }),
            "fixed" => (ChoiceId, new PromptOptions
            {
                Text = Ask(texts.AskFixedFacilitator),
                Choices = draft.Members.Select(m => new PromptChoice(m.Id, m.Name)).ToList(),
            }),
            _ => (ConfirmId, new PromptOptions
            {
                Text = Ask(texts.ProposeAgreements + "\n\n" + string.Join("\n", Defaults(language).Select(a => "- " + a))),
                Choices = [new("yes", texts.AcceptAgreements, ConfirmPrompt.Choices(language)[0].Synonyms), new("no", texts.SkipAgreements, ConfirmPrompt.Choices(language)[1].Synonyms)],
            }),
        };
        // A typed answer the prompt does not understand gets the reason and the question again, like a wrong one.
        var question = problem is null ? options.Text : options.Text[(problem.Length + 2)..];
        var retry = options.RetryText is null ? null : options.RetryText + "\n\n" + question;
        return await dc.BeginDialogAsync(promptId, (options with { Language = language, MaxAttempts = MaxAttempts, RetryText = retry }).ToJson(), cancellationToken);
    }

    /// <summary>The conversation's members (the bot left out), kept with the set-up so the answer can name them.</summary>
    private static async Task<PromptOptions> MembersQuestionAsync(DialogContext dc, GroupSetupState state, string text, CancellationToken cancellationToken)
    {
        var members = (await dc.Context.GetMembersAsync(cancellationToken)).Where(m => m.Id != dc.Turn.Bot.Id).ToList();
        if (members.Count == 0)
        {
            members.Add(dc.Turn.From);
            text = Texts(state).NoMembers + "\n\n" + text;
        }

        state.Candidates = [.. members.Select(m => new DraftMember(m.Id, m.Name))];
        return new PromptOptions { Text = text, Choices = members.Select(m => new PromptChoice(m.Id, m.Name)).ToList() };
    }

    private static string CadenceTitle(string cadence, GroupTexts texts) => cadence switch
    {
        "4" => texts.Cadences[0],
        "5" => texts.Cadences[1],
        "6" => texts.Cadences[2],
        _ => texts.Cadences[3],
    };

    private static List<PromptChoice> Weekdays(GroupTexts texts) =>
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday }
            .Select(d => new PromptChoice(((int)d).ToString(CultureInfo.InvariantCulture), Capital(GroupCards.WeekdayName(d, texts)), DaySynonyms(d)))];

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string[] DaySynonyms(DayOfWeek day)
    {
        var dutch = GroupTexts.Dutch.Culture.DateTimeFormat;
        var english = GroupTexts.English.Culture.DateTimeFormat;
        return [dutch.GetDayName(day), dutch.GetAbbreviatedDayName(day).TrimEnd('.'), english.GetDayName(day).ToLowerInvariant(), english.GetAbbreviatedDayName(day).ToLowerInvariant(), dutch.GetDayName(day) + "s", english.GetDayName(day).ToLowerInvariant() + "s"];
    }

    private static string[] WeekSynonyms(int index) => index switch
    {
        0 => ["eerste", "first", "1e", "1st", "week 1"],
        1 => ["tweede", "second", "2e", "2nd", "week 2"],
        2 => ["derde", "third", "3e", "3rd", "week 3"],
        3 => ["vierde", "fourth", "4e", "4th", "week 4"],
        _ => ["laatste", "last", "de laatste", "the last"],
    };
}

using System.Globalization;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Groups;

/// <summary>
/// J1, set-up: one question at a time, buttons where the answer is a choice, typed answers too. Each answer is
/// checked against the ones before it (a first date on the chosen weekday, not in the past); a wrong one gets the
/// reason and the question again. Everything is kept in the dialog's own state and stored only at the end, so a
/// set-up that is stopped leaves nothing behind. With options <c>fields</c> it asks only those (one setting).
/// </summary>
public sealed class GroupSetupDialog(GroupStore groups, SessionRecordStore records, TimeProvider time) : Dialog(DialogId)
{
    public const string DialogId = "group-setup";

    /// <summary>Every question, in the order asked; <c>week</c>, <c>fixed</c> and <c>agreements</c> only when they apply.</summary>
    public static IReadOnlyList<string> AllFields { get; } =
        ["name", "language", "cadence", "week", "weekday", "time", "zone", "duration", "first", "members", "facilitator", "fixed", "agreements"];

    private const string TextId = "group-setup-text";
    private const string ChoiceId = "group-setup-choice";
    private const string CadenceId = "group-setup-cadence";
    private const string TimeId = "group-setup-time";
    private const string ZoneId = "group-setup-zone";
    private const string MinutesId = "group-setup-minutes";
    private const string DateId = "group-setup-date";
    private const string MembersId = "group-setup-members";
    private const string ConfirmId = "group-setup-confirm";
    private const string Keep = "=keep";
    private const int MaxAttempts = 5;

    public void AddTo(DialogSet dialogs) => dialogs
        .Add(this)
        .Add(new TypedChoicePrompt(TextId, SetupAnswers.Name, buttonsFirst: true))
        .Add(new ChoicePrompt(ChoiceId))
        .Add(new TypedChoicePrompt(CadenceId, SetupAnswers.Cadence))
        .Add(new TypedChoicePrompt(TimeId, SetupAnswers.Time))
        .Add(new TypedChoicePrompt(ZoneId, SetupAnswers.Zone))
        .Add(new TypedChoicePrompt(MinutesId, SetupAnswers.Minutes))
        .Add(new TypedChoicePrompt(DateId, text => SetupAnswers.Date(text, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))))
        .Add(new MultiChoicePrompt(MembersId))
        .Add(new ConfirmPrompt(ConfirmId));

    /// <summary>The options that start set-up: all questions, or those of one setting.</summary>
    public static JsonObject Options(IEnumerable<string> fields) => new() { ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)JsonValue.Create(f))]) };

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        var existing = await groups.GetAsync(dc.Turn.Conversation, cancellationToken);
        state["fields"] = options?["fields"]?.DeepClone() ?? new JsonArray([.. AllFields.Select(f => (JsonNode)JsonValue.Create(f))]);
        state["draft"] = existing is null ? new JsonObject() : Draft(existing);
        state["existing"] = existing is not null;
        state[StoredLanguage.Key] = StoredLanguage.Write(existing is null ? Language.FromLocale(dc.Turn.Locale) : existing.Settings.Language);
        return await AskNextAsync(dc, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        // Only a prompt waits for answers; a turn that reaches set-up itself (after a deploy) asks again.
        AskAsync(dc, Field(dc), null, cancellationToken);

    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, JsonNode? result, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        var texts = Texts(state);
        if (result is null)
        {
            await dc.SendAsync(new OutgoingMessage(texts.GaveUp), cancellationToken);
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        var field = Field(dc);
        var problem = result is JsonValue v && v.TryGetValue<string>(out var s) && s == Keep ? null : Apply(field, result, state);
        if (problem is not null)
        {
            var attempts = (state["attempts"]?.GetValue<int>() ?? 0) + 1;
            state["attempts"] = attempts;
            if (attempts >= MaxAttempts)
            {
                await dc.SendAsync(new OutgoingMessage(texts.GaveUp), cancellationToken);
                return await dc.EndDialogAsync(null, cancellationToken);
            }

            return await AskAsync(dc, field, problem, cancellationToken);
        }

        state["attempts"] = 0;
        ((JsonArray)state["fields"]!).RemoveAt(0);
        if (field == "members" && SizeWarning(state) is { } warning)
        {
            await dc.SendAsync(new OutgoingMessage(warning), cancellationToken);
        }

        return await AskNextAsync(dc, cancellationToken);
    }

    private static string Field(DialogContext dc) => ((JsonArray)dc.ActiveDialog!.State["fields"]!)[0]!.GetValue<string>();

    private static Language LanguageOf(JsonObject state) => StoredLanguage.Read(state) ?? Language.Dutch;

    private static GroupTexts Texts(JsonObject state) => GroupTexts.For(LanguageOf(state));

    private static string? Get(JsonObject draft, string key) => draft[key]?.GetValue<string>();

    private async Task<DialogTurnResult> AskNextAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        var fields = (JsonArray)state["fields"]!;
        while (fields.Count > 0)
        {
            var field = fields[0]!.GetValue<string>();
            if (Applies(field, state))
            {
                return await AskAsync(dc, field, null, cancellationToken);
            }

            fields.RemoveAt(0);
        }

        return await FinishAsync(dc, cancellationToken);
    }

    private static bool Applies(string field, JsonObject state)
    {
        var draft = (JsonObject)state["draft"]!;
        return field switch
        {
            "week" => Get(draft, "cadence") == "monthly",
            "fixed" => Get(draft, "facilitator") == nameof(FacilitatorMode.Fixed),
            "agreements" => state["existing"]?.GetValue<bool>() != true,
            _ => true,
        };
    }

    private async Task<DialogTurnResult> AskAsync(DialogContext dc, string field, string? problem, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        var draft = (JsonObject)state["draft"]!;
        var texts = Texts(state);
        var language = LanguageOf(state);
        var changing = state["existing"]?.GetValue<bool>() == true;
        string Ask(string question) => problem is null ? question : problem + "\n\n" + question;
        List<PromptChoice> WithKeep(List<PromptChoice> choices, string? current) =>
            changing && current is not null ? [new PromptChoice(Keep, GroupCards.Format(texts.Keep, current), ["zo laten", "laten", "hetzelfde", "ongewijzigd", "keep", "same", "unchanged"]), .. choices] : choices;

        var (promptId, options) = field switch
        {
            "name" => (TextId, new PromptOptions { Text = Ask(texts.AskName), Choices = WithKeep([], Get(draft, "name")), RetryText = texts.NameRetry }),
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
                ], Get(draft, "cadence") is { } c ? CadenceTitle(c, texts) : null),
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
                Choices = WithKeep(Weekdays(texts), Get(draft, "weekday") is { } d ? GroupCards.WeekdayName((DayOfWeek)int.Parse(d, CultureInfo.InvariantCulture), texts) : null),
            }),
            "time" => (TimeId, new PromptOptions { Text = Ask(texts.AskTime), Choices = WithKeep([], Get(draft, "time")), RetryText = texts.TimeRetry }),
            "zone" => (ZoneId, new PromptOptions
            {
                Text = Ask(texts.AskZone),
                Choices = WithKeep(
                [
                    new(GroupSettings.DefaultTimeZone, $"{GroupSettings.DefaultTimeZone} ({texts.DefaultSuffix})", ["standaard", "default", "amsterdam", "nederland", "ok", "ja"]),
                    new("Europe/Brussels", "Europe/Brussels", ["brussel", "brussels", "belgie"]),
                    new("Europe/London", "Europe/London", ["londen", "london"]),
                ], Get(draft, "zone")),
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
                ], Get(draft, "minutes") is { } m ? GroupCards.Format(texts.MinutesTitle, m) : null),
                RetryText = texts.DurationRetry,
            }),
            "first" => (DateId, new PromptOptions
            {
                Text = Ask(changing ? texts.AskNextDate : texts.AskFirstDate),
                Choices = WithKeep(SuggestedDates(draft, texts), KeepableFirst(draft) is { } f ? GroupCards.DateTitle(f, texts) : null),
                RetryText = texts.DateRetry,
            }),
            "members" => (MembersId, await MembersQuestionAsync(dc, state, Ask(texts.AskMembers), cancellationToken)),
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
                Choices = Members(draft).Select(m => new PromptChoice(m.Id, m.Name)).ToList(),
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
    private static async Task<PromptOptions> MembersQuestionAsync(DialogContext dc, JsonObject state, string text, CancellationToken cancellationToken)
    {
        var members = (await dc.Context.GetMembersAsync(cancellationToken)).Where(m => m.Id != dc.Turn.Bot.Id).ToList();
        if (members.Count == 0)
        {
            members.Add(dc.Turn.From);
            text = Texts(state).NoMembers + "\n\n" + text;
        }

        state["candidates"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject { ["id"] = m.Id, ["name"] = m.Name })]);
        return new PromptOptions { Text = text, Choices = members.Select(m => new PromptChoice(m.Id, m.Name)).ToList() };
    }

    /// <summary>Takes an answer into the draft; returns why it cannot be taken, or null.</summary>
    private string? Apply(string field, JsonNode result, JsonObject state)
    {
        var draft = (JsonObject)state["draft"]!;
        var texts = Texts(state);
        switch (field)
        {
            case "name":
                var name = result.GetValue<string>().Trim();
                if (name.Length is 0 or > GroupSettings.MaxNameLength)
                {
                    return texts.NameRetry;
                }

                draft["name"] = name;
                return null;
            case "language":
                draft["language"] = result.GetValue<string>();
                state[StoredLanguage.Key] = StoredLanguage.Write(Language.FromCode(result.GetValue<string>()));
                return null;
            case "cadence":
                draft["cadence"] = result.GetValue<string>();
                if (draft["cadence"]!.GetValue<string>() == "monthly" && draft["week"] is null)
                {
                    draft["week"] = "2";
                }

                return null;
            case "week":
            case "weekday":
            case "time":
            case "zone":
                draft[field] = result.GetValue<string>();
                return null;
            case "duration":
                var minutes = int.Parse(result.GetValue<string>(), CultureInfo.InvariantCulture);
                if (minutes < Schedule.MinimumDuration.TotalMinutes || minutes > Schedule.MaximumDuration.TotalMinutes)
                {
                    return texts.DurationRetry;
                }

                draft["minutes"] = minutes.ToString(CultureInfo.InvariantCulture);
                return null;
            case "first":
                return ApplyFirst(DateOnly.ParseExact(result.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture), draft, texts);
            case "members":
                var chosen = result.AsArray().Select(v => v!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                if (chosen.Count == 0)
                {
                    return texts.AskMembers;
                }

                draft["members"] = new JsonArray([.. state["candidates"]!.AsArray().Where(c => chosen.Contains(c!["id"]!.GetValue<string>())).Select(c => c!.DeepClone())]);
                if (Get(draft, "facilitator") == nameof(FacilitatorMode.Fixed) && !chosen.Contains(Get(draft, "fixed") ?? ""))
                {
                    // The fixed facilitator is no longer a participant: ask who facilitates now.
                    var fields = (JsonArray)state["fields"]!;
                    if (!fields.Any(f => f!.GetValue<string>() == "facilitator"))
                    {
                        fields.Add("facilitator");
                        fields.Add("fixed");
                    }
                }

                return null;
            case "facilitator":
                draft["facilitator"] = result.GetValue<string>();
                return null;
            case "fixed":
                draft["fixed"] = result.GetValue<string>();
                return null;
            default:
                draft["agreements"] = result.GetValue<bool>();
                return null;
        }
    }

    /// <summary>A first (or next) meeting: on the rhythm's day, and still to come in the group's time zone.</summary>
    private string? ApplyFirst(DateOnly date, JsonObject draft, GroupTexts texts)
    {
        var cadence = CadenceOf(draft);
        var title = GroupCards.DateTitle(date, texts);
        if (date < Today(draft) || (date == Today(draft) && TimeOnly.Parse(Get(draft, "time") ?? "00:00", CultureInfo.InvariantCulture) <= Now(draft)))
        {
            return GroupCards.Format(texts.DateInPast, title);
        }

        if (date.DayOfWeek != cadence.Weekday)
        {
            return texts.DateWrongDay(title, GroupCards.WeekdayName(date.DayOfWeek, texts), GroupCards.WeekdayName(cadence.Weekday, texts));
        }

        if (!cadence.Fits(date))
        {
            return texts.DateWrongWeek(title, texts.WeeksOfMonth[cadence.WeekOfMonth - 1], GroupCards.WeekdayName(cadence.Weekday, texts));
        }

        draft["first"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return null;
    }

    private DateOnly Today(JsonObject draft) => DateOnly.FromDateTime(LocalNow(draft).DateTime);

    private TimeOnly Now(JsonObject draft) => TimeOnly.FromDateTime(LocalNow(draft).DateTime);

    private DateTimeOffset LocalNow(JsonObject draft) =>
        TimeZoneInfo.ConvertTime(time.GetUtcNow(), Schedule.FindZone(Get(draft, "zone")) ?? TimeZoneInfo.Utc);

    private List<PromptChoice> SuggestedDates(JsonObject draft, GroupTexts texts)
    {
        var today = Today(draft);
        var start = TimeOnly.Parse(Get(draft, "time") ?? "00:00", CultureInfo.InvariantCulture) > Now(draft) ? today : today.AddDays(1);
        return CadenceOf(draft).FittingFrom(start).Take(3)
            .Select(d => new PromptChoice(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), GroupCards.DateTitle(d, texts)))
            .ToList();
    }

    /// <summary>The first date can be kept only when it still fits the (possibly new) rhythm.</summary>
    private static DateOnly? KeepableFirst(JsonObject draft) =>
        Get(draft, "first") is { } first && DateOnly.ParseExact(first, "yyyy-MM-dd", CultureInfo.InvariantCulture) is var date && CadenceOf(draft).Fits(date) ? date : null;

    private static Cadence CadenceOf(JsonObject draft)
    {
        var day = (DayOfWeek)int.Parse(Get(draft, "weekday") ?? "2", CultureInfo.InvariantCulture);
        return Get(draft, "cadence") is "monthly"
            ? Cadence.Monthly(int.Parse(Get(draft, "week") ?? "1", CultureInfo.InvariantCulture), day)
            : Cadence.EveryWeeks(int.Parse(Get(draft, "cadence") ?? "4", CultureInfo.InvariantCulture), day);
    }

    private static string? SizeWarning(JsonObject state)
    {
        var count = Members((JsonObject)state["draft"]!).Count;
        var texts = Texts(state);
        return count < GroupSettings.MinimumSize ? GroupCards.Format(texts.TooFew, count)
            : count > GroupSettings.MaximumSize ? GroupCards.Format(texts.TooMany, count)
            : null;
    }

    private async Task<DialogTurnResult> FinishAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        var draft = (JsonObject)state["draft"]!;
        var texts = Texts(state);
        var now = time.GetUtcNow();
        var settings = Settings(draft);
        var members = Members(draft);
        var conversation = dc.Turn.Conversation;
        var updated = await groups.UpdateAsync(conversation, g =>
        {
            g.Reconfigure(settings with { ReviewAgreementsEvery = g.Settings.ReviewAgreementsEvery }, members, now);
            return (true, 0);
        }, cancellationToken);
        var group = updated?.Group;
        var firstTime = group is null;
        if (group is null)
        {
            // Sessions the group ran before it was set up count for the rotation.
            var earlier = await records.AllAsync(conversation, cancellationToken);
            group = Group.Create(settings, members, earlier.Select(GroupFigures.FromRecord));
            if (draft["agreements"]?.GetValue<bool>() == true)
            {
                foreach (var agreement in Defaults(settings.Language))
                {
                    group.AddAgreement(agreement, dc.Turn.From.Name, now);
                }
            }

            await groups.SaveAsync(conversation, group, cancellationToken);
        }

        await dc.SendAsync(OutgoingMessage.FromCard(GroupCards.Summary(group, now, texts, firstTime)), cancellationToken);
        return await dc.EndDialogAsync(null, cancellationToken);
    }

    private static GroupSettings Settings(JsonObject draft)
    {
        var mode = Enum.Parse<FacilitatorMode>(Get(draft, "facilitator") ?? nameof(FacilitatorMode.Rotating));
        return new GroupSettings
        {
            Name = Get(draft, "name")!,
            Language = Language.FromCode(Get(draft, "language") ?? "nl"),
            Cadence = CadenceOf(draft),
            FirstMeeting = DateOnly.ParseExact(Get(draft, "first")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            StartTime = TimeOnly.ParseExact(Get(draft, "time")!, "HH:mm", CultureInfo.InvariantCulture),
            TimeZoneId = Get(draft, "zone") ?? GroupSettings.DefaultTimeZone,
            Duration = TimeSpan.FromMinutes(int.Parse(Get(draft, "minutes") ?? "90", CultureInfo.InvariantCulture)),
            FacilitatorMode = mode,
            FixedFacilitator = mode == FacilitatorMode.Fixed ? Get(draft, "fixed") : null,
        };
    }

    private static List<Member> Members(JsonObject draft) =>
        (draft["members"] as JsonArray ?? []).Select(m => new Member(m!["id"]!.GetValue<string>(), m["name"]!.GetValue<string>(), Enum.TryParse<MemberStatus>(m["status"]?.GetValue<string>(), out var s) ? s : MemberStatus.Active)).ToList();

    /// <summary>The answers of an earlier set-up, so a change asks only what changes.</summary>
    private static JsonObject Draft(Group group)
    {
        var s = group.Settings;
        return new JsonObject
        {
            ["name"] = s.Name,
            ["language"] = s.Language.Code,
            ["cadence"] = s.Cadence.Kind == CadenceKind.MonthlyOnWeekday ? "monthly" : s.Cadence.Weeks.ToString(CultureInfo.InvariantCulture),
            ["week"] = s.Cadence.Kind == CadenceKind.MonthlyOnWeekday ? s.Cadence.WeekOfMonth.ToString(CultureInfo.InvariantCulture) : null,
            ["weekday"] = ((int)s.Cadence.Weekday).ToString(CultureInfo.InvariantCulture),
            ["time"] = s.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["zone"] = s.TimeZoneId,
            ["minutes"] = ((int)s.Duration.TotalMinutes).ToString(CultureInfo.InvariantCulture),
            ["first"] = s.FirstMeeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["members"] = new JsonArray([.. group.Roster.Members.Select(m => (JsonNode)new JsonObject { ["id"] = m.Id, ["name"] = m.Name, ["status"] = m.Status.ToString() })]),
            ["facilitator"] = s.FacilitatorMode.ToString(),
            ["fixed"] = s.FixedFacilitator,
        };
    }

    /// <summary>The default agreements are the conversation rules the session shows (one list, in SessionTexts).</summary>
    public static IReadOnlyList<string> Defaults(Language language) => SessionTexts.For(language).DefaultAgreements;

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
        var nl = GroupTexts.Dutch.Culture.DateTimeFormat;
        var en = GroupTexts.English.Culture.DateTimeFormat;
        return [nl.GetDayName(day), nl.GetAbbreviatedDayName(day).TrimEnd('.'), en.GetDayName(day).ToLowerInvariant(), en.GetAbbreviatedDayName(day).ToLowerInvariant(), nl.GetDayName(day) + "s", en.GetDayName(day).ToLowerInvariant() + "s"];
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

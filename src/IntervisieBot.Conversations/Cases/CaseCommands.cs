using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Texts;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Cases;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Questions;

namespace IntervisieBot.Conversations.Cases;

/// <summary>
/// <c>casus</c>/<c>case</c> (J5), in the member's personal chat with the bot: for which group (the groups whose roster has
/// the member), then the case by form (one card with every field; a modal in Slack) or question by question, both
/// stored the same, encrypted. Then the checks, each with why it matters: the owner's own question, current, reflective
/// rather than a task, not a 'why' question; and the methods that fit. Until the session the owner can view, edit or
/// withdraw it. Typed in a group, it sends the member a private message instead: a case is never written in the group.
/// </summary>
public sealed class CaseCommands(CaseStore cases, GroupStore groups, MemberGroupIndex index, MethodLibrary library, Privacy.MemberData members, TimeProvider time)
    : ICommandHandler, ICardHandler, IDialogModule
{
    public const string PrepareId = "case-prepare";
    public const string CheckId = "case-check";
    private const string ChoiceId = "case-choice";
    private const string ConfirmId = "case-confirm";
    private const string TextId = "case-text";

    /// <summary>The group the personal chat is preparing a case for ({ id, scope }), in the personal chat's values.</summary>
    public const string GroupValue = "caseGroup";

    public IReadOnlyCollection<Command> Commands { get; } = [Command.Case];

    public string Card => CaseCards.CardName;

    public void AddTo(DialogSet dialogs) => dialogs
        .Add(new ChoicePrompt(ChoiceId))
        .Add(new ConfirmPrompt(ConfirmId))
        .Add(new TextPrompt(TextId))
        .Add(new WaterfallDialog(PrepareId,
        [
            ChooseGroupStepAsync,
            MenuStepAsync,
            ActStepAsync,
            (step, ct) => KeepAndAskAsync(step, CaseCards.TitleInput, t => t.AskSituation, ct),
            (step, ct) => KeepAndAskAsync(step, CaseCards.SituationInput, t => t.AskQuestion, ct),
            (step, ct) => KeepAndAskAsync(step, CaseCards.QuestionInput, t => t.AskTried, ct),
            (step, ct) => KeepAndAskAsync(step, CaseCards.TriedInput, t => t.AskHotSpot, ct),
            AskMethodStepAsync,
            SaveTypedStepAsync,
        ]))
        .Add(new WaterfallDialog(CheckId,
        [
            CheckOwnStepAsync,
            CheckCurrentStepAsync,
            CheckReflectiveStepAsync,
            CheckWhyStepAsync,
            RewriteStepAsync,
            AskKindStepAsync,
            AdviseStepAsync,
        ]));

    public async Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = CaseTexts.For(Languages.FromLocale(turn.Locale));
        if (!turn.Conversation.IsPersonal)
        {
            await dc.Context.SendPrivateAsync(turn.From, new OutgoingMessage(texts.PrivateInvite), cancellationToken);
            await dc.SendAsync(new OutgoingMessage(texts.InGroup), cancellationToken);
            return;
        }

        var memberGroups = new List<MemberGroup>();
        foreach (var listed in await index.GroupsOfAsync(turn.Conversation, turn.From.Id, cancellationToken))
        {
            // The index follows the roster as stored; a whole new set-up can leave a member listed who is no longer in it.
            if (await MemberGroupAsync(listed.Group, turn.From.Id, cancellationToken) is not null)
            {
                memberGroups.Add(listed);
            }
            else
            {
                await index.RemoveAsync(listed.Group, turn.From.Id, cancellationToken);
            }
        }

        if (memberGroups.Count == 0)
        {
            await dc.SendAsync(new OutgoingMessage(texts.NoGroup), cancellationToken);
            return;
        }

        await dc.BeginDialogAsync(PrepareId, new JsonObject
        {
            ["groups"] = new JsonArray([.. memberGroups.Select(g => GroupNode(g.Group, g.Name))]),
        }, cancellationToken);
    }

    /// <summary>The buttons of the form and of the case's cards: save, edit, withdraw, and keep or erase after the session.</summary>
    public async Task HandleAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = CaseTexts.For(Languages.FromLocale(turn.Locale));
        var dutch = texts == CaseTexts.Dutch;
        if (!turn.Conversation.IsPersonal)
        {
            return;
        }

        var action = turn.Values.GetValueOrDefault(Cards.ActionKey);
        if (action == "export")
        {
            // The owner's own data, to the owner alone: this is their personal chat.
            await dc.SendAsync(await members.LinkAsync(turn, cancellationToken), cancellationToken);
            return;
        }

        if (turn.Values.TryGetValue(CaseCards.GroupKey, out var groupId) && turn.Values.TryGetValue(CaseCards.ScopeKey, out var scope))
        {
            dc.State.Values[GroupValue] = new JsonObject { ["id"] = groupId, ["scope"] = scope };
        }

        if (GroupOf(dc) is not { } address || await MemberGroupAsync(address, turn.From.Id, cancellationToken) is not { } group)
        {
            await dc.SendAsync(new OutgoingMessage(texts.NotInGroup), cancellationToken);
            return;
        }

        var (current, version) = await cases.GetVersionedAsync(address, turn.From.Id, cancellationToken);
        if (turn.Values.GetValueOrDefault(CaseCards.VersionKey) is { } shown && shown != version && (current is not null || action == "save"))
        {
            // Drawn from a case that has since changed or gone (an old form after "erase now"): nothing is saved or erased.
            // A button about a case that is gone anyway (keep, withdraw) says so below.
            await dc.SendAsync(new OutgoingMessage(texts.OutOfDate), cancellationToken);
            return;
        }

        switch (action)
        {
            case "save":
                await SaveFormAsync(dc, address, group, current, version, texts, dutch, cancellationToken);
                return;
            case "edit":
                await AnsweredAsync(dc, cancellationToken);
                await dc.SendAsync(OutgoingMessage.FromCard(CaseCards.Form(texts, current, library, dutch, version)), cancellationToken);
                return;
            case "withdraw" or "delete":
                await AnsweredAsync(dc, cancellationToken);
                await cases.DeleteAsync(address, turn.From.Id, cancellationToken);
                await dc.SendAsync(new OutgoingMessage(current is null ? texts.NoCase : action == "delete" ? texts.Deleted : texts.Withdrawn), cancellationToken);
                return;
            case "keep" when current is not null:
                await AnsweredAsync(dc, cancellationToken);
                await cases.SaveAsync(address, turn.From.Id, current with { Keep = true }, cancellationToken);
                await dc.SendAsync(new OutgoingMessage(texts.Kept), cancellationToken);
                return;
            default:
                await dc.SendAsync(new OutgoingMessage(texts.NoCase), cancellationToken);
                return;
        }
    }

    private async Task SaveFormAsync(DialogContext dc, ConversationAddress address, Group group, PreparedCase? current, string version, CaseTexts texts, bool dutch, CancellationToken cancellationToken)
    {
        var values = dc.Turn.Values;
        string? Field(string id) => values.TryGetValue(id, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var problems = PreparedCase.Problems(Field(CaseCards.TitleInput), Field(CaseCards.SituationInput), Field(CaseCards.QuestionInput), Field(CaseCards.TriedInput), Field(CaseCards.HotSpotInput));
        if (Field(CaseCards.HotSpotInput) is null && !problems.Contains("hotSpot"))
        {
            problems = [.. problems, "hotSpot"];
        }

        var method = Field(CaseCards.MethodInput) is { } m && m != CaseCards.NoMethod ? library.Find(m)?.Id : null;
        var typed = (current ?? Empty()) with
        {
            Title = Field(CaseCards.TitleInput) ?? "",
            Situation = Field(CaseCards.SituationInput) ?? "",
            Question = Field(CaseCards.QuestionInput) ?? "",
            Tried = Field(CaseCards.TriedInput),
            HotSpot = Field(CaseCards.HotSpotInput),
            PreferredMethod = method,
        };
        if (problems.Count > 0)
        {
            // The modal (Slack) or card (Teams) is gone once submitted: the form again, with what was typed.
            var problem = CaseCards.Format(texts.Missing, string.Join(", ", problems.Select(p => texts.FieldNames[p])));
            await dc.SendAsync(OutgoingMessage.FromCard(CaseCards.Form(texts, typed, library, dutch, version, problem)), cancellationToken);
            return;
        }

        await AnsweredAsync(dc, cancellationToken);
        await SaveAndCheckAsync(dc, address, group, typed, texts, cancellationToken);
    }

    /// <summary>Stores the case as typed (a new text starts its checks afresh), then walks the owner through the checks.</summary>
    private async Task SaveAndCheckAsync(DialogContext dc, ConversationAddress address, Group group, PreparedCase typed, CaseTexts texts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = typed with
        {
            MeetingId = MeetingFor(group, dc.Turn.From.Id, now)?.Key,
            Checks = new CaseChecks(),
            Kind = null,
            Recommended = [],
            UpdatedAt = now,
            ClosedAt = null,
            Keep = false,
        };
        await cases.SaveAsync(address, dc.Turn.From.Id, stored, cancellationToken);
        await dc.SendAsync(new OutgoingMessage(texts.Saved), cancellationToken);
        await dc.CancelAllDialogsAsync(cancellationToken);
        await dc.BeginDialogAsync(CheckId, null, cancellationToken);
    }

    private static PreparedCase Empty() => new() { Title = "", Situation = "", Question = "" };

    /// <summary>The meeting the member's case is for: the next one they bring the case to, else the next one.</summary>
    public static Meeting? MeetingFor(Group group, string memberId, DateTimeOffset now)
    {
        var coming = group.NextMeetings(now, Group.Horizon);
        return (coming.FirstOrDefault(r => r.CaseOwner?.Id == memberId) ?? (coming.Count > 0 ? coming[0] : null))?.Meeting;
    }

    private async Task<DialogTurnResult> ChooseGroupStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var choices = step.Options!["groups"]!.AsArray();
        if (choices.Count == 1)
        {
            return await step.NextAsync(JsonValue.Create("0"), cancellationToken);
        }

        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Text = Texts(step).AskGroup,
            Choices = [.. choices.Select((g, i) => new PromptChoice(i.ToString(System.Globalization.CultureInfo.InvariantCulture), g!["name"]!.GetValue<string>()))],
            Dutch = Dutch(step),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> MenuStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        var chosen = step.Options!["groups"]![int.Parse(step.Result.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)]!;
        step.Dialogs.State.Values[GroupValue] = new JsonObject { ["id"] = chosen["id"]!.GetValue<string>(), ["scope"] = chosen["scope"]!.GetValue<string>() };
        var texts = Texts(step);
        var address = GroupOf(step.Dialogs)!;
        if (await MemberGroupAsync(address, step.From.Id, cancellationToken) is not { } group)
        {
            await step.Dialogs.SendAsync(new OutgoingMessage(texts.NotInGroup), cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        if (await cases.GetAsync(address, step.From.Id, cancellationToken) is { } current)
        {
            await step.Dialogs.SendAsync(OutgoingMessage.FromCard(CaseCards.ForOwner(texts, current, library, Dutch(step))), cancellationToken);
            return await step.PromptAsync(ChoiceId, new PromptOptions
            {
                Text = CaseCards.Format(texts.Existing, group.Settings.Name),
                Choices =
                [
                    new("form", texts.EditChoice, ["bewerk", "bewerken", "edit", "formulier", "form"]),
                    new("steps", texts.AgainChoice, ["opnieuw", "again"]),
                    new("withdraw", texts.WithdrawChoice, ["intrekken", "trek in", "withdraw", "wissen", "delete"]),
                    new("leave", texts.LeaveChoice, ["laat", "leave", "klaar", "done"]),
                ],
                Dutch = Dutch(step),
            }, cancellationToken);
        }

        var meeting = MeetingFor(group, step.From.Id, time.GetUtcNow());
        var groupTexts = Dutch(step) ? GroupTexts.Dutch : GroupTexts.English;
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Text = CaseCards.Format(texts.AskWay, group.Settings.Name, meeting is null ? "" : CaseCards.Format(texts.ForMeeting, GroupCards.Day(meeting, group, groupTexts))),
            Choices = [new("form", texts.FormChoice, ["formulier", "form"]), new("steps", texts.StepsChoice, ["vragen", "vraag", "questions", "steps"])],
            Dutch = Dutch(step),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ActStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = Texts(step);
        var address = GroupOf(step.Dialogs)!;
        switch (step.Result?.GetValue<string>())
        {
            case null:
                return await GiveUpAsync(step, cancellationToken);
            case "form":
                var (current, version) = await cases.GetVersionedAsync(address, step.From.Id, cancellationToken);
                await step.Dialogs.SendAsync(OutgoingMessage.FromCard(CaseCards.Form(texts, current, library, Dutch(step), version)), cancellationToken);
                return await step.EndAsync(null, cancellationToken);
            case "withdraw":
                await cases.DeleteAsync(address, step.From.Id, cancellationToken);
                await step.Dialogs.SendAsync(new OutgoingMessage(texts.Withdrawn), cancellationToken);
                return await step.EndAsync(null, cancellationToken);
            case "leave":
                await step.Dialogs.SendAsync(new OutgoingMessage(texts.Left), cancellationToken);
                return await step.EndAsync(null, cancellationToken);
            default:
                return await step.PromptAsync(TextId, new PromptOptions { Text = texts.AskTitle, Dutch = Dutch(step) }, cancellationToken);
        }
    }

    private static async Task<DialogTurnResult> KeepAndAskAsync(WaterfallStepContext step, string key, Func<CaseTexts, string> next, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        step.Values[key] = step.Result.DeepClone();
        return await step.PromptAsync(TextId, new PromptOptions { Text = next(Texts(step)), Dutch = Dutch(step) }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskMethodStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        step.Values[CaseCards.HotSpotInput] = step.Result.DeepClone();
        var texts = Texts(step);
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Text = texts.AskMethod,
            Choices = [.. CaseCards.MethodChoices(texts, library, Dutch(step)).Select(c => new PromptChoice(c.Value, c.Title, c.Value == CaseCards.NoMethod ? ["nee", "no", "geen", "none"] : library.Find(c.Value)?.Aliases))],
            Dutch = Dutch(step),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> SaveTypedStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        var texts = Texts(step);
        var address = GroupOf(step.Dialogs)!;
        if (await MemberGroupAsync(address, step.From.Id, cancellationToken) is not { } group)
        {
            await step.Dialogs.SendAsync(new OutgoingMessage(texts.NotInGroup), cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        string Value(string key) => step.Values[key]!.GetValue<string>().Trim();
        var tried = Value(CaseCards.TriedInput);
        var method = step.Result.GetValue<string>();
        var typed = Empty() with
        {
            Title = Value(CaseCards.TitleInput),
            Situation = Value(CaseCards.SituationInput),
            Question = Value(CaseCards.QuestionInput),
            Tried = texts.Nothing.Contains(tried.ToLowerInvariant().Trim('.', '!')) ? null : tried,
            HotSpot = Value(CaseCards.HotSpotInput),
            PreferredMethod = method == CaseCards.NoMethod ? null : method,
        };
        if (PreparedCase.Problems(typed.Title, typed.Situation, typed.Question, typed.Tried, typed.HotSpot) is { Count: > 0 } problems)
        {
            var (_, version) = await cases.GetVersionedAsync(address, step.From.Id, cancellationToken);
            await step.Dialogs.SendAsync(
                OutgoingMessage.FromCard(CaseCards.Form(texts, typed, library, Dutch(step), version, CaseCards.Format(texts.Missing, string.Join(", ", problems.Select(p => texts.FieldNames[p]))))),
                cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        await SaveAndCheckAsync(step.Dialogs, address, group, typed, texts, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    private async Task<DialogTurnResult> CheckOwnStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values["dutch"] = Languages.FromLocale(step.Dialogs.Turn.Locale) == Language.Dutch;
        return await step.PromptAsync(ConfirmId, new PromptOptions { Text = Texts(step).CheckOwn, Dutch = Dutch(step) }, cancellationToken);
    }

    private async Task<DialogTurnResult> CheckCurrentStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await NoteAsync(step, "own", t => t.CheckOwnNo, cancellationToken);
        return await step.PromptAsync(ConfirmId, new PromptOptions { Text = Texts(step).CheckCurrent, Dutch = Dutch(step) }, cancellationToken);
    }

    private async Task<DialogTurnResult> CheckReflectiveStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await NoteAsync(step, "current", t => t.CheckCurrentNo, cancellationToken);
        if (await CaseAsync(step, cancellationToken) is not { } value)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        var texts = Texts(step);
        return await step.PromptAsync(ConfirmId, new PromptOptions
        {
            Text = (CaseReview.LooksLikeTask(value.Question) ? texts.LooksLikeTask : "") + texts.CheckReflective,
            Dutch = Dutch(step),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> CheckWhyStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await NoteAsync(step, "reflective", t => t.CheckReflectiveNo, cancellationToken);
        if (await CaseAsync(step, cancellationToken) is not { } value)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        return WhyQuestion.IsWhyQuestion(QuestionText(value.Question))
            ? await step.PromptAsync(ConfirmId, new PromptOptions { Text = Texts(step).WhyFound, Dutch = Dutch(step) }, cancellationToken)
            : await step.NextAsync(JsonValue.Create(false), cancellationToken);
    }

    private async Task<DialogTurnResult> RewriteStepAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.Result?.GetValue<bool>() == true
            ? await step.PromptAsync(TextId, new PromptOptions { Text = Texts(step).AskRewrite, Dutch = Dutch(step) }, cancellationToken)
            : await step.NextAsync(null, cancellationToken);

    private async Task<DialogTurnResult> AskKindStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = Texts(step);
        if (step.Result?.GetValue<string>() is { Length: > 0 } rewritten)
        {
            step.Values["question"] = rewritten;
            if (WhyQuestion.IsWhyQuestion(QuestionText(rewritten)))
            {
                await step.Dialogs.SendAsync(new OutgoingMessage(texts.StillWhy), cancellationToken);
            }
        }

        var dutch = Dutch(step);
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Text = texts.AskKind,
            Choices =
            [
                .. Enum.GetValues<QuestionKind>().Select(k => new PromptChoice(k.ToString(), Capitalize(AdviceReasons.Describe(k).In(dutch)))),
                new PromptChoice("unknown", texts.DontKnow, ["weet niet", "geen idee", "don't know", "not sure"]),
            ],
            Dutch = dutch,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AdviseStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var texts = Texts(step);
        var dutch = Dutch(step);
        var address = GroupOf(step.Dialogs);
        if (address is null || await CaseAsync(step, cancellationToken) is not { } value || await MemberGroupAsync(address, step.From.Id, cancellationToken) is not { } group)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        if (step.Values["question"]?.GetValue<string>() is { } question)
        {
            value = value with { Question = question };
        }

        var answer = step.Result?.GetValue<string>();
        QuestionKind kind;
        if (Enum.TryParse<QuestionKind>(answer, out var chosen))
        {
            kind = chosen;
        }
        else
        {
            kind = CaseReview.InferKind(value);
            await step.Dialogs.SendAsync(new OutgoingMessage(CaseCards.Format(texts.Inferred, AdviceReasons.Describe(kind).In(dutch))), cancellationToken);
        }

        var ranked = MethodAdvisor.Rank(AdviceFor(group, kind), library);
        value = value with
        {
            Kind = kind,
            Recommended = [.. ranked.Take(3).Select(a => a.Method.Id)],
            Checks = new CaseChecks(Answer(step, "own"), Answer(step, "current"), Answer(step, "reflective")),
            UpdatedAt = time.GetUtcNow(),
        };
        var saved = await cases.SaveAsync(address, step.From.Id, value, cancellationToken);
        await step.Dialogs.SendAsync(OutgoingMessage.FromCard(CaseCards.Advice(texts, ranked, value.PreferredMethod, library, dutch)), cancellationToken);
        var ready = CaseCards.ForOwner(texts, value, library, dutch, address.ConversationId, address.Scope.ToString(), texts.ReadyTitle, saved);
        await step.Dialogs.SendAsync(OutgoingMessage.FromCard(ready with { Body = [new CardText(value.Title, TextStyle.Heading), .. ready.Body, new CardText(texts.Ready)] }), cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    /// <summary>
    /// Advice for the group as it is: the meeting's length less the check-in and the close, and how far the group has
    /// come (experience and safety grow with the sessions held).
    /// </summary>
    public static AdviceRequest AdviceFor(Group group, QuestionKind kind)
    {
        var held = group.Outcomes.Count;
        var available = group.Settings.Duration - TimeSpan.FromMinutes(30);
        return new AdviceRequest(
            kind,
            available < TimeSpan.FromMinutes(30) ? TimeSpan.FromMinutes(30) : available,
            held == 0 ? GroupExperience.New : held < 6 ? GroupExperience.Some : GroupExperience.Experienced,
            HighSafety: held >= 3);
    }

    /// <summary>The answer to a check (kept under <paramref name="key"/>); "no" gets the explanation of what works better.</summary>
    private static async Task NoteAsync(WaterfallStepContext step, string key, Func<CaseTexts, string> onNo, CancellationToken cancellationToken)
    {
        step.Values[key] = step.Result?.DeepClone();
        if (step.Result?.GetValue<bool>() == false)
        {
            await step.Dialogs.SendAsync(new OutgoingMessage(onNo(Texts(step))), cancellationToken);
        }
    }

    private static bool? Answer(WaterfallStepContext step, string key) => step.Values[key]?.GetValue<bool>();

    /// <summary>"Mijn vraag is: waarom …" asks 'why' as much as "Waarom …" does.</summary>
    private static string QuestionText(string question)
    {
        var trimmed = question.Trim();
        foreach (var lead in new[] { "mijn vraag is", "my question is" })
        {
            if (trimmed.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
            {
                return trimmed[lead.Length..].TrimStart(':', ' ', ',');
            }
        }

        return trimmed;
    }

    private async Task<PreparedCase?> CaseAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        GroupOf(step.Dialogs) is { } address ? await cases.GetAsync(address, step.From.Id, cancellationToken) : null;

    /// <summary>The group, when the member is (still) in its roster.</summary>
    private async Task<Group?> MemberGroupAsync(ConversationAddress address, string memberId, CancellationToken cancellationToken) =>
        await groups.GetAsync(address, cancellationToken) is { } group && group.Roster.Contains(memberId) ? group : null;

    /// <summary>The group this personal chat prepares a case for; the personal chat's channel and tenant are the group's.</summary>
    private static ConversationAddress? GroupOf(DialogContext dc) =>
        dc.State.Values[GroupValue] is JsonObject node && node["id"]?.GetValue<string>() is { } id
        && Enum.TryParse<ConversationScope>(node["scope"]?.GetValue<string>(), out var scope) && scope != ConversationScope.Personal
            ? dc.Turn.Conversation.Sibling(id, scope)
            : null;

    private static JsonObject GroupNode(ConversationAddress group, string name) =>
        new() { ["id"] = group.ConversationId, ["scope"] = group.Scope.ToString(), ["name"] = name };

    /// <summary>The pressed card loses its buttons, so it is not pressed twice.</summary>
    private static async Task AnsweredAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Turn.ReplyToId is { } pressed)
        {
            var texts = CaseTexts.For(Languages.FromLocale(dc.Turn.Locale));
            await dc.Context.UpdateAsync(pressed, OutgoingMessage.FromCard(new Card { Title = texts.FormTitle, Body = [new CardText("✓", TextStyle.Subtle)] }), cancellationToken);
        }
    }

    private static async Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Dialogs.SendAsync(new OutgoingMessage(Texts(step).GaveUp), cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    private static bool Dutch(WaterfallStepContext step) =>
        step.Values["dutch"]?.GetValue<bool>() ?? Languages.FromLocale(step.Dialogs.Turn.Locale) == Language.Dutch;

    private static CaseTexts Texts(WaterfallStepContext step) => CaseTexts.For(Dutch(step));

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

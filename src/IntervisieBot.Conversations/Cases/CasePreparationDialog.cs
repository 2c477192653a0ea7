using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Cases;
using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Conversations.Cases;

/// <summary>
/// Preparing a case in the personal chat: for which group, then the case by form (one card with every field; a modal
/// in Slack) or question by question, both stored the same, encrypted, and then checked by
/// <see cref="CaseCheckDialog"/>. An existing case can be viewed, edited or withdrawn until the session. The prompts
/// added here serve both case dialogs. Version 2 keeps the typed case in a <see cref="CasePreparationState"/>; version 3
/// asks the general question behind the case when the owner chooses the Socratic method.
/// </summary>
public sealed class CasePreparationDialog(CaseStore cases, CaseGroups caseGroups, CaseCheckDialog check, MethodLibrary library, TimeProvider time) : IDialogModule
{
    public const string Id = "case-prepare";

    public void AddTo(DialogSet dialogs) => dialogs
        .Add(new ChoicePrompt(CaseDialogs.ChoiceId))
        .Add(new ConfirmPrompt(CaseDialogs.ConfirmId))
        .Add(new TextPrompt(CaseDialogs.TextId))
        .Add(new WaterfallDialog<CasePreparationState>(Id, DialogStateJson.Default.CasePreparationState,
        [
            ChooseGroupStepAsync,
            MenuStepAsync,
            ActStepAsync,
            (step, ct) => KeepAndAskAsync(step, (s, title) => s.Title = title, t => t.AskSituation, ct),
            (step, ct) => KeepAndAskAsync(step, (s, situation) => s.Situation = situation, t => t.AskQuestion, ct),
            (step, ct) => KeepAndAskAsync(step, (s, question) => s.Question = question, t => t.AskTried, ct),
            (step, ct) => KeepAndAskAsync(step, (s, tried) => s.Tried = tried, t => t.AskHotSpot, ct),
            AskMethodStepAsync,
            AskFundamentalStepAsync,
            SaveTypedStepAsync,
        ],
        version: 3));

    /// <summary>The options that begin case preparation.</summary>
    public static JsonNode Options(CasePreparationOptions options) => JsonSerializer.SerializeToNode(options, DialogStateJson.Default.CasePreparationOptions)!;

    private static IReadOnlyList<ChosenCaseGroup> Groups(WaterfallStepContext<CasePreparationState> step) =>
        step.OptionsAs(DialogStateJson.Default.CasePreparationOptions)!.Groups;

    /// <summary>Case preparation keeps no language of its own: the turn's locale decides.</summary>
    private static Language LanguageOf(WaterfallStepContext<CasePreparationState> step) => CaseDialogs.LanguageOf(step.Dialogs, null);

    private static CaseTexts Texts(WaterfallStepContext<CasePreparationState> step) => CaseTexts.For(LanguageOf(step));

    private static Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext<CasePreparationState> step, CancellationToken cancellationToken) =>
        CaseDialogs.GiveUpAsync(step, LanguageOf(step), cancellationToken);

    private async Task<DialogTurnResult> ChooseGroupStepAsync(WaterfallStepContext<CasePreparationState> step, CancellationToken cancellationToken)
    {
        var choices = Groups(step);
        if (choices.Count == 1)
        {
            return await step.NextAsync(JsonValue.Create("0"), cancellationToken);
        }

        return await step.PromptAsync(CaseDialogs.ChoiceId, new PromptOptions
        {
            Text = Texts(step).AskGroup,
            Choices = [.. choices.Select((g, i) => new PromptChoice(i.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Name ?? ""))],
            Language = LanguageOf(step),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> MenuStepAsync(WaterfallStepContext<CasePreparationState> step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        CaseGroups.Remember(step.Dialogs, Groups(step)[int.Parse(step.Result.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)]);
        var texts = Texts(step);
        var address = CaseGroups.GroupOf(step.Dialogs)!;
        if (await caseGroups.MemberGroupAsync(address, step.From.Id, cancellationToken) is not { } group)
        {
            await step.Dialogs.SendAsync(new OutgoingMessage(texts.NotInGroup), cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        if (await cases.GetAsync(address, step.From.Id, cancellationToken) is { } current)
        {
            await step.Dialogs.SendAsync(OutgoingMessage.FromCard(CaseCards.ForOwner(texts, current, library, LanguageOf(step))), cancellationToken);
            return await step.PromptAsync(CaseDialogs.ChoiceId, new PromptOptions
            {
                Text = CaseCards.Format(texts.Existing, group.Settings.Name),
                Choices =
                [
                    new("form", texts.EditChoice, ["bewerk", "bewerken", "edit", "formulier", "form"]),
                    new("steps", texts.AgainChoice, ["opnieuw", "again"]),
                    new("withdraw", texts.WithdrawChoice, ["intrekken", "trek in", "withdraw", "wissen", "delete"]),
                    new("leave", texts.LeaveChoice, ["laat", "leave", "klaar", "done"]),
                ],
                Language = LanguageOf(step),
            }, cancellationToken);
        }

        var meeting = CaseGroups.MeetingFor(group, step.From.Id, time.GetUtcNow());
        var groupTexts = GroupTexts.For(LanguageOf(step));
        return await step.PromptAsync(CaseDialogs.ChoiceId, new PromptOptions
        {
            Text = texts.AskWay(group.Settings.Name, meeting is null ? "" : CaseCards.Format(texts.ForMeeting, GroupCards.Day(meeting, group, groupTexts))),
            Choices = [new("form", texts.FormChoice, ["formulier", "form"]), new("steps", texts.StepsChoice, ["vragen", "vraag", "questions", "steps"])],
            Language = LanguageOf(step),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ActStepAsync(WaterfallStepContext<CasePreparationState> step, CancellationToken cancellationToken)
    {
        var texts = Texts(step);
        var address = CaseGroups.GroupOf(step.Dialogs)!;
        switch (step.Result?.GetValue<string>())
        {
            case null:
                return await GiveUpAsync(step, cancellationToken);
            case "form":
                var (current, version) = await cases.GetVersionedAsync(address, step.From.Id, cancellationToken);
                await step.Dialogs.SendAsync(OutgoingMessage.FromCard(CaseCards.Form(texts, current, library, LanguageOf(step), version)), cancellationToken);
                return await step.EndAsync(null, cancellationToken);
            case "withdraw":
                await cases.DeleteAsync(address, step.From.Id, cancellationToken);
                await step.Dialogs.SendAsync(new OutgoingMessage(texts.Withdrawn), cancellationToken);
                return await step.EndAsync(null, cancellationToken);
            case "leave":
                await step.Dialogs.SendAsync(new OutgoingMessage(texts.Left), cancellationToken);
                return await step.EndAsync(null, cancellationToken);
            default:
                return await step.PromptAsync(CaseDialogs.TextId, new PromptOptions { Text = texts.AskTitle, Language = LanguageOf(step) }, cancellationToken);
        }
    }

    private static async Task<DialogTurnResult> KeepAndAskAsync(WaterfallStepContext<CasePreparationState> step, Action<CasePreparationState, string> keep, Func<CaseTexts, string> next, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        keep(step.State, step.Result.GetValue<string>());
        return await step.PromptAsync(CaseDialogs.TextId, new PromptOptions { Text = next(Texts(step)), Language = LanguageOf(step) }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskMethodStepAsync(WaterfallStepContext<CasePreparationState> step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        step.State.HotSpot = step.Result.GetValue<string>();
        var texts = Texts(step);
        return await step.PromptAsync(CaseDialogs.ChoiceId, new PromptOptions
        {
            Text = texts.AskMethod,
            Choices = [.. CaseCards.MethodChoices(texts, library, LanguageOf(step)).Select(c => new PromptChoice(c.Value, c.Title, c.Value == CaseCards.NoMethod ? ["nee", "no", "geen", "none"] : library.Find(c.Value)?.Aliases))],
            Language = LanguageOf(step),
        }, cancellationToken);
    }

    /// <summary>The Socratic method works from a general question behind the case: asked only when the owner chose it.</summary>
    private static async Task<DialogTurnResult> AskFundamentalStepAsync(WaterfallStepContext<CasePreparationState> step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        step.State.Method = step.Result.GetValue<string>();
        if (step.State.Method != PreparedCase.SocraticMethod)
        {
            return await step.NextAsync(JsonValue.Create(""), cancellationToken);
        }

        return await step.PromptAsync(CaseDialogs.TextId, new PromptOptions { Text = Texts(step).AskFundamental, Language = LanguageOf(step) }, cancellationToken);
    }

    private async Task<DialogTurnResult> SaveTypedStepAsync(WaterfallStepContext<CasePreparationState> step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await GiveUpAsync(step, cancellationToken);
        }

        var texts = Texts(step);
        var address = CaseGroups.GroupOf(step.Dialogs)!;
        if (await caseGroups.MemberGroupAsync(address, step.From.Id, cancellationToken) is not { } group)
        {
            await step.Dialogs.SendAsync(new OutgoingMessage(texts.NotInGroup), cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        var tried = step.State.Tried!.Trim();
        var method = step.State.Method!;
        var fundamental = step.Result.GetValue<string>().Trim();
        var typed = CaseDialogs.Empty() with
        {
            Title = step.State.Title!.Trim(),
            Situation = step.State.Situation!.Trim(),
            Question = step.State.Question!.Trim(),
            Tried = texts.Nothing.Contains(tried.ToLowerInvariant().Trim('.', '!')) ? null : tried,
            HotSpot = step.State.HotSpot!.Trim(),
            FundamentalQuestion = fundamental.Length == 0 ? null : fundamental,
            PreferredMethod = method == CaseCards.NoMethod ? null : method,
        };
        if (PreparedCase.Problems(typed.Title, typed.Situation, typed.Question, typed.Tried, typed.HotSpot, typed.FundamentalQuestion) is { Count: > 0 } problems)
        {
            var (_, version) = await cases.GetVersionedAsync(address, step.From.Id, cancellationToken);
            await step.Dialogs.SendAsync(
                OutgoingMessage.FromCard(CaseCards.Form(texts, typed, library, LanguageOf(step), version, CaseCards.Format(texts.Missing, string.Join(", ", problems.Select(p => texts.FieldNames[p]))))),
                cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        await check.SaveAndCheckAsync(step.Dialogs, address, group, typed, texts, cancellationToken);
        return DialogTurnResult.Waiting;
    }
}

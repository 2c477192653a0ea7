using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Cases;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Conversations.Cases;

/// <summary>
/// The buttons of the case form and of the case's cards, in the owner's personal chat: save, edit, withdraw, export,
/// and keep or erase after the session. A card drawn from a case that has since changed or gone saves nothing.
/// </summary>
public sealed class CaseCardHandler(CaseStore cases, CaseGroups caseGroups, CaseCheckDialog check, MethodLibrary library, Privacy.MemberData members) : ICardHandler
{
    public string Card => CaseCards.CardName;

    /// <summary>The buttons of the form and of the case's cards: save, edit, withdraw, and keep or erase after the session.</summary>
    public async Task HandleAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = CaseTexts.For(Language.FromLocale(turn.Locale));
        var language = texts.Language;
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
            CaseGroups.Remember(dc, new ChosenCaseGroup(groupId, scope));
        }

        if (CaseGroups.GroupOf(dc) is not { } address || await caseGroups.MemberGroupAsync(address, turn.From.Id, cancellationToken) is not { } group)
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
                await SaveFormAsync(dc, address, group, current, version, texts, language, cancellationToken);
                return;
            case "edit":
                await AnsweredAsync(dc, cancellationToken);
                await dc.SendAsync(OutgoingMessage.FromCard(CaseCards.Form(texts, current, library, language, version)), cancellationToken);
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

    private async Task SaveFormAsync(DialogContext dc, ConversationAddress address, Group group, PreparedCase? current, string version, CaseTexts texts, Language language, CancellationToken cancellationToken)
    {
        var values = dc.Turn.Values;
        string? Field(string id) => values.TryGetValue(id, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var problems = PreparedCase.Problems(
            Field(CaseCards.TitleInput), Field(CaseCards.SituationInput), Field(CaseCards.QuestionInput), Field(CaseCards.TriedInput), Field(CaseCards.HotSpotInput), Field(CaseCards.FundamentalInput));
        if (Field(CaseCards.HotSpotInput) is null && !problems.Contains("hotSpot"))
        {
            problems = [.. problems, "hotSpot"];
        }

        var method = Field(CaseCards.MethodInput) is { } m && m != CaseCards.NoMethod ? library.Find(m)?.Id : null;
        var typed = (current ?? CaseDialogs.Empty()) with
        {
            Title = Field(CaseCards.TitleInput) ?? "",
            Situation = Field(CaseCards.SituationInput) ?? "",
            Question = Field(CaseCards.QuestionInput) ?? "",
            Tried = Field(CaseCards.TriedInput),
            HotSpot = Field(CaseCards.HotSpotInput),
            FundamentalQuestion = Field(CaseCards.FundamentalInput),
            PreferredMethod = method,
        };
        if (problems.Count > 0)
        {
            // The modal (Slack) or card (Teams) is gone once submitted: the form again, with what was typed.
            var problem = CaseCards.Format(texts.Missing, string.Join(", ", problems.Select(p => texts.FieldNames[p])));
            await dc.SendAsync(OutgoingMessage.FromCard(CaseCards.Form(texts, typed, library, language, version, problem)), cancellationToken);
            return;
        }

        await AnsweredAsync(dc, cancellationToken);
        await check.SaveAndCheckAsync(dc, address, group, typed, texts, cancellationToken);
    }

    /// <summary>The pressed card loses its buttons, so it is not pressed twice.</summary>
    private static async Task AnsweredAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Turn.ReplyToId is { } pressed)
        {
            var texts = CaseTexts.For(Language.FromLocale(dc.Turn.Locale));
            await dc.Context.UpdateAsync(pressed, OutgoingMessage.FromCard(new Card { Title = texts.FormTitle, Body = [new CardText("✓", TextStyle.Subtle)] }), cancellationToken);
        }
    }
}

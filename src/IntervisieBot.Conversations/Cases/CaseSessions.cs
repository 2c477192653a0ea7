using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Cases;

namespace IntervisieBot.Conversations.Cases;

/// <summary>The prepared case in the session: its method first, shared only by its owner, and kept after the session only when the owner says so.</summary>
public sealed class CaseSessions(CaseStore cases, GroupStore groups, TimeProvider time, Scheduling.IDueWorkScheduler? scheduler = null) : ISessionCases
{
    public async Task<string?> MethodForAsync(ConversationAddress group, CancellationToken cancellationToken) =>
        (await WaitingCaseAsync(group, cancellationToken))?.Case.MethodForSession;

    public async Task<OwnersChoice?> OwnersChoiceAsync(ConversationAddress group, CancellationToken cancellationToken) =>
        await WaitingCaseAsync(group, cancellationToken) is { Case.PreferredMethod: { } method } waiting ? new OwnersChoice(waiting.Owner, method) : null;

    /// <summary>The case the session takes: the rotation's case owner's when several wait, else the latest one waiting.</summary>
    private async Task<(string Owner, PreparedCase Case)?> WaitingCaseAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var waiting = (await cases.AllAsync(group, cancellationToken)).Where(c => c.Case.ClosedAt is null).ToList();
        if (waiting.Count == 0)
        {
            return null;
        }

        if (waiting.Count > 1 && await groups.GetAsync(group, cancellationToken) is { } value
            && value.RolesForSession(time.GetUtcNow())?.CaseOwner?.Id is { } owner && waiting.Find(c => c.Owner == owner) is { Case: { } theirs })
        {
            return (owner, theirs);
        }

        var latest = waiting.MaxBy(c => c.Case.UpdatedAt);
        return (latest.Owner, latest.Case);
    }

    public async Task<bool> HasCaseAsync(ConversationAddress group, string caseOwner, CancellationToken cancellationToken) =>
        await cases.HasCaseAsync(group, caseOwner, null, cancellationToken);

    public async Task<Card?> SharedCardAsync(ConversationAddress group, string caseOwner, string ownerName, Language language, CancellationToken cancellationToken) =>
        await cases.GetAsync(group, caseOwner, cancellationToken) is { ClosedAt: null } value ? CaseCards.Shared(CaseTexts.For(language), ownerName, value, language) : null;

    public async Task<OutgoingMessage?> CloseAsync(ConversationAddress group, string caseOwner, Language language, CancellationToken cancellationToken)
    {
        if (await cases.GetAsync(group, caseOwner, cancellationToken) is not { ClosedAt: null } value)
        {
            return null;
        }

        var closedAt = time.GetUtcNow();
        var version = await cases.SaveAsync(group, caseOwner, value with { ClosedAt = closedAt }, cancellationToken);
        if (scheduler is not null)
        {
            await scheduler.ScheduleAsync(CaseExpiry.For(group, caseOwner, closedAt), cancellationToken);
        }

        var texts = CaseTexts.For(language);
        var groupName = (await groups.GetAsync(group, cancellationToken))?.Settings.Name ?? SessionTexts.For(language).YourGroup;
        return OutgoingMessage.FromCard(new Card
        {
            Body = [new CardText(CaseCards.Format(texts.KeepQuestion, value.Title, groupName))],
            Buttons =
            [
                CaseCards.GroupButton(texts.KeepButton, "keep", group.ConversationId, group.Scope.ToString(), version: version),
                CaseCards.GroupButton(texts.DeleteButton, "delete", group.ConversationId, group.Scope.ToString(), ButtonStyle.Destructive, version),
            ],
        });
    }
}

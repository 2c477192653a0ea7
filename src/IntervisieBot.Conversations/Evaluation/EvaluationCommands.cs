using System.Globalization;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Reminders;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Dialogs;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Evaluation;

/// <summary>
/// The evaluation (J10): the survey's Send button in a participant's private chat stores the answer (anonymously),
/// and when the third answer arrives the bot posts the averages in the group. <c>evaluatie</c>/<c>evaluation</c> in
/// the group shows the latest results, only when at least three answered.
/// </summary>
public sealed class EvaluationCommands(
    GroupStore groups, EvaluationStore evaluations, PrivateButtons buttons, ReminderPlanner planner, SessionRecordStore records, TimeProvider time) : ICommandHandler, ICardHandler
{
    public IReadOnlyCollection<Command> Commands { get; } = [Command.Evaluation];

    public string Card => EvaluationStore.CardName;

    public async Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var turn = dc.Turn;
        var group = turn.Conversation.IsPersonal ? null : await groups.GetAsync(turn.Conversation, cancellationToken);
        if (group is null)
        {
            var groupTexts = GroupTexts.For(Language.FromLocale(turn.Locale));
            await dc.SendAsync(new OutgoingMessage(turn.Conversation.IsPersonal ? groupTexts.GroupOnly : groupTexts.NotSetUp), cancellationToken);
            return;
        }

        var texts = ReminderTexts.For(group.Settings.Language);
        var latest = await evaluations.LatestAsync(turn.Conversation, cancellationToken);
        await dc.SendAsync(
            latest switch
            {
                null => new OutgoingMessage(await HeldAnyAsync(turn.Conversation, group, cancellationToken) ? texts.NoAnswersYet : texts.NoEvaluation),
                { CanBeShown: false } => new OutgoingMessage(string.Format(CultureInfo.InvariantCulture, texts.NotEnoughAnswers, latest.Answers)),
                _ => OutgoingMessage.FromCard(EvaluationStore.ResultsCard(latest, group, texts)),
            },
            cancellationToken);
    }

    /// <summary>
    /// Whether the group met already: a session held (the group's ledger, or the records of sessions from before it
    /// was set up) or a planned meeting begun; the evaluation then has gone out or is about to.
    /// </summary>
    private async Task<bool> HeldAnyAsync(ConversationAddress address, Group group, CancellationToken cancellationToken)
    {
        return group.Outcomes.Count > 0
            || group.EarlierPlanned + group.Schedule.PlannedBefore(time.GetUtcNow()) > 0
            || (await records.AllAsync(address, cancellationToken)).Count > 0;
    }

    public async Task HandleAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var turn = dc.Turn;
        var texts = ReminderTexts.For(Language.FromLocale(turn.Locale));
        if (buttons.Read(turn, EvaluationStore.CardName) is not { } link || await groups.GetAsync(link.Group, cancellationToken) is not { } group)
        {
            await dc.SendAsync(new OutgoingMessage(texts.ButtonExpired), cancellationToken);
            return;
        }

        texts = ReminderTexts.For(group.Settings.Language);
        if (!group.Roster.Contains(turn.From.Id))
        {
            await dc.SendAsync(new OutgoingMessage(GroupCards.TextsFor(group, null).NotAMember), cancellationToken);
            return;
        }

        if (Answer(turn.Values) is not { } answer)
        {
            await dc.SendAsync(new OutgoingMessage(texts.SurveyIncomplete), cancellationToken);
            return;
        }

        var meeting = Meeting.ParseKey(link.Meeting);
        var (first, answers) = await evaluations.AnswerAsync(link.Group, meeting, turn.From.Id, answer, cancellationToken);
        if (first && answers == EvaluationResults.MinimumAnswers)
        {
            var data = new Dictionary<string, string> { [ReminderPlanner.ReminderKey] = ReminderSender.Results, [ReminderPlanner.MeetingKey] = link.Meeting };
            await planner.PlanGroupPostAsync(link.Group, "evaluation-results-" + link.Meeting, data, cancellationToken);
        }

        if (turn.ReplyToId is { } pressed)
        {
            await dc.Context.UpdateAsync(pressed, new OutgoingMessage(texts.SurveyThanks), cancellationToken);
            return;
        }

        await dc.SendAsync(new OutgoingMessage(texts.SurveyThanks), cancellationToken);
    }

    private static EvaluationAnswer? Answer(IReadOnlyDictionary<string, string> values)
    {
        int? Scale(string id, int top) =>
            int.TryParse(values.GetValueOrDefault(id), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= top ? value : null;

        var carryOn = values.GetValueOrDefault(EvaluationStore.Inputs[3]);
        return Scale(EvaluationStore.Inputs[0], 10) is { } satisfaction && Scale(EvaluationStore.Inputs[1], 5) is { } safety
            && Scale(EvaluationStore.Inputs[2], 5) is { } depth && carryOn is not null && EvaluationAnswer.ContinueValues.Contains(carryOn)
            ? new EvaluationAnswer(satisfaction, safety, depth, carryOn)
            : null;
    }
}

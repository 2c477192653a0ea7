using System.Globalization;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Conversations.Reminders;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Evaluation;

/// <summary>
/// The evaluation's answers: table <c>Evaluations</c>, partition = the group's key, row = the meeting and a MAC of the
/// member (so a member answers once and can change their answer, but no row names anyone). Shown only as
/// <see cref="EvaluationResults"/>, and only when at least three answered; so is the group's export (never one answer).
/// </summary>
public sealed class EvaluationStore(ITableServiceClient tables, PrivacyProtector protector, PrivateButtons buttons) : IGroupExportPart, IDisposable
{
    public const string TableName = "Evaluations";
    public const string CardName = "evaluation";
    public static readonly IReadOnlyList<string> Inputs = ["satisfaction", "safety", "depth", "continue"];
    private const string Purpose = "evaluation-member";
    private readonly LazyTable _table = new(tables, TableName);

    public string Name => "evaluations";

    /// <summary>Stores the answer; returns whether it was the member's first for this meeting, and how many answered.</summary>
    public async Task<(bool First, int Answers)> AnswerAsync(ConversationAddress group, DateOnly meeting, string memberId, EvaluationAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(answer);
        var table = await _table.GetAsync(cancellationToken);
        var row = Key(meeting) + "~" + protector.Tag(Purpose, group.Key + "\n" + memberId);
        var first = await table.GetEntityIfExistsAsync(group.Key, row, cancellationToken) is null;
        await table.UpsertEntityAsync(
            new TableEntity(group.Key, row)
            {
                ["Meeting"] = Key(meeting),
                ["Satisfaction"] = answer.Satisfaction,
                ["Safety"] = answer.Safety,
                ["Depth"] = answer.Depth,
                ["Continue"] = answer.Continue,
            },
            TableUpdateMode.Replace,
            cancellationToken);
        return (first, (await AnswersAsync(group, cancellationToken)).Count(a => a.Meeting == meeting));
    }

    /// <summary>The results of the latest evaluation that has answers, or null when there is none.</summary>
    public async Task<EvaluationResults?> LatestAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var answers = await AnswersAsync(group, cancellationToken);
        return answers.Count == 0 ? null : ResultsOf(answers.Max(a => a.Meeting), answers);
    }

    public async Task<EvaluationResults> ResultsAsync(ConversationAddress group, DateOnly meeting, CancellationToken cancellationToken) =>
        ResultsOf(meeting, await AnswersAsync(group, cancellationToken));

    /// <summary>The survey card, sent privately to a participant after the meeting.</summary>
    public Card Survey(Group group, ConversationAddress address, string memberId, Meeting meeting, ReminderTexts texts)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(texts);
        return new Card
        {
            Title = texts.SurveyTitle,
            Body =
            [
                new CardText(string.Format(CultureInfo.InvariantCulture, texts.SurveyIntro, group.Settings.Name)),
                new CardChoiceInput(Inputs[0], texts.SatisfactionLabel, Scale(10)),
                new CardChoiceInput(Inputs[1], texts.SafetyLabel, Scale(5), Expanded: true),
                new CardChoiceInput(Inputs[2], texts.DepthLabel, Scale(5), Expanded: true),
                new CardChoiceInput(Inputs[3], texts.ContinueLabel, [.. texts.ContinueChoices.Select((c, i) => new CardChoice(c, EvaluationAnswer.ContinueValues[i]))], Expanded: true),
            ],
            Buttons = [buttons.Button(texts.SendButton, CardName, "answer", address, memberId, meeting.Key, ButtonStyle.Positive)],
        };
    }

    /// <summary>The results in the group, when there are enough answers to show.</summary>
    public async Task PostResultsAsync(ITurnContext context, Group group, Meeting meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(meeting);
        var results = await ResultsAsync(context.Turn.Conversation, meeting.Id, cancellationToken);
        if (results.CanBeShown)
        {
            await context.SendAsync(OutgoingMessage.FromCard(ResultsCard(results, group, ReminderTexts.For(group.Settings.Language))), cancellationToken);
        }
    }

    public static Card ResultsCard(EvaluationResults results, Group group, ReminderTexts texts)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(texts);
        var day = group.Schedule.Find(results.Meeting) is { } meeting ? GroupCards.Day(meeting, group, GroupCards.TextsFor(group, null)) : Key(results.Meeting);
        var culture = GroupCards.TextsFor(group, null).Culture;
        return new Card
        {
            Title = string.Format(CultureInfo.InvariantCulture, texts.ResultsTitle, day),
            Body =
            [
                new CardText(string.Format(
                    culture,
                    texts.Results,
                    results.Answers,
                    results.Satisfaction.ToString("0.0", culture),
                    results.Safety.ToString("0.0", culture),
                    results.Depth.ToString("0.0", culture),
                    results.Yes,
                    results.Doubt,
                    results.No)),
            ],
        };
    }

    public async Task<JsonNode?> HeldAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var answers = await AnswersAsync(group, cancellationToken);
        return answers.Count == 0
            ? null
            : new JsonArray([.. answers.Select(a => (JsonNode)new JsonObject
            {
                ["meeting"] = Key(a.Meeting),
                ["satisfaction"] = a.Answer.Satisfaction,
                ["safety"] = a.Answer.Safety,
                ["depth"] = a.Answer.Depth,
                ["continue"] = a.Answer.Continue,
            })]);
    }

    /// <summary>Each survey's averages, as the group saw them: only surveys with at least three answers, never an answer.</summary>
    public async Task<JsonNode?> ExportToGroupAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var answers = await AnswersAsync(group, cancellationToken);
        var shown = answers.Select(a => a.Meeting).Distinct().Order().Select(m => ResultsOf(m, answers)).Where(r => r.CanBeShown).ToList();
        return shown.Count == 0
            ? null
            : new JsonArray([.. shown.Select(r => (JsonNode)new JsonObject
            {
                ["meeting"] = Key(r.Meeting),
                ["answers"] = r.Answers,
                ["satisfaction"] = Math.Round(r.Satisfaction, 1),
                ["safety"] = Math.Round(r.Safety, 1),
                ["depth"] = Math.Round(r.Depth, 1),
                ["carryOnYes"] = r.Yes,
                ["carryOnDoubt"] = r.Doubt,
                ["carryOnNo"] = r.No,
            })]);
    }

    public async Task ForgetAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        await PartitionRows.DeleteAsync(table, group.Key, cancellationToken: cancellationToken);
    }

    public void Dispose() => _table.Dispose();

    private async Task<List<(DateOnly Meeting, EvaluationAnswer Answer)>> AnswersAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var answers = new List<(DateOnly, EvaluationAnswer)>();
        await foreach (var row in table.QueryAllAsync(group.Key, cancellationToken: cancellationToken))
        {
            answers.Add((Meeting.ParseKey(row.GetString("Meeting")!), new EvaluationAnswer(row.GetInt32("Satisfaction") ?? 0, row.GetInt32("Safety") ?? 0, row.GetInt32("Depth") ?? 0, row.GetString("Continue") ?? "")));
        }

        return answers;
    }

    private static EvaluationResults ResultsOf(DateOnly meeting, IEnumerable<(DateOnly Meeting, EvaluationAnswer Answer)> all)
    {
        var answers = all.Where(a => a.Meeting == meeting).Select(a => a.Answer).ToList();
        return answers.Count == 0
            ? new EvaluationResults(meeting, 0, 0, 0, 0, 0, 0, 0)
            : new EvaluationResults(
                meeting,
                answers.Count,
                answers.Average(a => a.Satisfaction),
                answers.Average(a => a.Safety),
                answers.Average(a => a.Depth),
                answers.Count(a => a.Continue == "yes"),
                answers.Count(a => a.Continue == "doubt"),
                answers.Count(a => a.Continue == "no"));
    }

    private static List<CardChoice> Scale(int top) => [.. Enumerable.Range(1, top).Select(i => new CardChoice(i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture)))];

    private static string Key(DateOnly meeting) => meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

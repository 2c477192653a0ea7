using System.Text.Json;
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
/// reason and the question again. Everything is kept in the dialog's own state (<see cref="GroupSetupState"/>, with the
/// answers in a <see cref="GroupDraft"/>) and stored only at the end, so a set-up that is stopped leaves nothing
/// behind. With options <c>fields</c> it asks only those (one setting). The questions are in
/// <c>GroupSetupDialog.Questions.cs</c>, taking the answers in <c>GroupSetupDialog.Answers.cs</c>. Version 2: the state
/// is typed. Version 3: a new group is asked whether members work in a line relationship with each other (answered with
/// the sources' advice when they do; not stored).
/// </summary>
public sealed partial class GroupSetupDialog(GroupStore groups, SessionRecordStore records, TimeProvider time) : Dialog(DialogId, version: 3)
{
    public const string DialogId = "group-setup";

    /// <summary>Every question, in the order asked; <c>week</c>, <c>fixed</c> and <c>agreements</c> only when they apply.</summary>
    public static IReadOnlyList<string> AllFields { get; } =
        ["name", "language", "cadence", "week", "weekday", "time", "zone", "duration", "first", "members", "line", "facilitator", "fixed", "agreements"];

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

    private static readonly DialogState<GroupSetupState> States = new(DialogStateJson.Default.GroupSetupState);

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
    public static JsonNode Options(IEnumerable<string> fields) =>
        JsonSerializer.SerializeToNode(new GroupSetupOptions([.. fields]), DialogStateJson.Default.GroupSetupOptions)!;

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var existing = await groups.GetAsync(dc.Turn.Conversation, cancellationToken);
        States.Set(dc.ActiveDialog!, new GroupSetupState
        {
            Fields = [.. options?.Deserialize(DialogStateJson.Default.GroupSetupOptions)?.Fields ?? AllFields],
            Draft = existing is null ? new GroupDraft() : GroupDraft.From(existing),
            Existing = existing is not null,
            Language = existing?.Settings.Language ?? Language.FromLocale(dc.Turn.Locale),
        });
        return await AskNextAsync(dc, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken) =>
        // Only a prompt waits for answers; a turn that reaches set-up itself (after a deploy) asks again.
        AskAsync(dc, States.Get(dc.ActiveDialog!).Fields[0], null, cancellationToken);

    public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, JsonNode? result, CancellationToken cancellationToken)
    {
        var state = States.Get(dc.ActiveDialog!);
        var texts = Texts(state);
        if (result is null)
        {
            await dc.SendAsync(new OutgoingMessage(texts.GaveUp), cancellationToken);
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        var field = state.Fields[0];
        var problem = result is JsonValue v && v.TryGetValue<string>(out var s) && s == Keep ? null : Apply(field, result, state);
        if (problem is not null)
        {
            state.Attempts++;
            if (state.Attempts >= MaxAttempts)
            {
                await dc.SendAsync(new OutgoingMessage(texts.GaveUp), cancellationToken);
                return await dc.EndDialogAsync(null, cancellationToken);
            }

            return await AskAsync(dc, field, problem, cancellationToken);
        }

        state.Attempts = 0;
        state.Fields.RemoveAt(0);
        if (field == "members" && SizeWarning(state) is { } warning)
        {
            await dc.SendAsync(new OutgoingMessage(warning), cancellationToken);
        }

        if (field == "line" && result.GetValue<bool>())
        {
            await dc.SendAsync(new OutgoingMessage(texts.LineRelationshipAdvice), cancellationToken);
        }

        return await AskNextAsync(dc, cancellationToken);
    }

    /// <summary>The default agreements are the conversation rules the session shows (one list, in SessionTexts).</summary>
    public static IReadOnlyList<string> Defaults(Language language) => SessionTexts.For(language).DefaultAgreements;

    private static GroupTexts Texts(GroupSetupState state) => GroupTexts.For(state.Language);

    private async Task<DialogTurnResult> AskNextAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = States.Get(dc.ActiveDialog!);
        while (state.Fields.Count > 0)
        {
            var field = state.Fields[0];
            if (Applies(field, state))
            {
                return await AskAsync(dc, field, null, cancellationToken);
            }

            state.Fields.RemoveAt(0);
        }

        return await FinishAsync(dc, cancellationToken);
    }

    private static bool Applies(string field, GroupSetupState state) => field switch
    {
        "week" => state.Draft.Cadence == "monthly",
        "fixed" => state.Draft.Facilitator == nameof(FacilitatorMode.Fixed),
        "agreements" or "line" => !state.Existing,
        _ => true,
    };

    private async Task<DialogTurnResult> FinishAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = States.Get(dc.ActiveDialog!);
        var draft = state.Draft;
        var texts = Texts(state);
        var now = time.GetUtcNow();
        var settings = draft.ToSettings();
        var members = draft.ToMembers();
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
            if (draft.Agreements == true)
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
}

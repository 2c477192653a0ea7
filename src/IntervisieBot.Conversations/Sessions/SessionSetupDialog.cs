using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Dialogs;
using IntervisieBot.Conversations.Messages;
using IntervisieBot.Conversations.Texts;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// "start [method]": which method (skipped when named), who brings the case, who facilitates (never the case owner),
/// from the conversation's own members; then the running session takes over.
/// </summary>
public static class SessionSetupDialog
{
    public const string Id = "session-setup";
    private const string ChoiceId = "session-choice";

    public static DialogSet AddSessions(
        this DialogSet dialogs, MethodLibrary library, TimeProvider time, SessionRoutes routes, SessionRecordStore records, Scheduling.IDueWorkScheduler? scheduler = null) => dialogs
        .Add(new ChoicePrompt(ChoiceId))
        .Add(new SessionDialog(library, time, routes, records, scheduler))
        .Add(new WaterfallDialog(Id,
        [
            (step, ct) => AskMethodStepAsync(step, library, ct),
            AskCaseOwnerStepAsync,
            AskFacilitatorStepAsync,
            (step, ct) => BeginStepAsync(step, library, time, ct),
        ]));

    private static bool Dutch(WaterfallStepContext step) => step.Values["dutch"]?.GetValue<bool>() ?? true;

    private static SessionTexts Texts(WaterfallStepContext step) => Dutch(step) ? SessionTexts.Dutch : SessionTexts.English;

    private static async Task<DialogTurnResult> AskMethodStepAsync(WaterfallStepContext step, MethodLibrary library, CancellationToken cancellationToken)
    {
        var dutch = Languages.FromLocale(step.Dialogs.Turn.Locale) == Language.Dutch;
        step.Values["dutch"] = dutch;
        var named = step.Options?["method"]?.GetValue<string>() is { Length: > 0 } name ? library.Find(name) : null;
        if (named is not null)
        {
            return await step.NextAsync(JsonValue.Create(named.Id), cancellationToken);
        }

        var choices = library.All
            .Select(m => new PromptChoice(m.Id, $"{m.Name.In(dutch)} ({(int)m.Duration.Min.TotalMinutes}–{(int)m.Duration.Max.TotalMinutes} min)", [m.Name.In(dutch), .. m.Aliases]))
            .ToList();
        return await step.PromptAsync(ChoiceId, new PromptOptions { Text = Texts(step).AskMethod, Choices = choices, Dutch = dutch }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskCaseOwnerStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        step.Values["method"] = step.Result.DeepClone();
        var members = await step.Dialogs.Context.GetMembersAsync(cancellationToken);
        if (members.Count < 2)
        {
            await step.Dialogs.SendAsync(new OutgoingMessage(Texts(step).TooFewMembers), cancellationToken);
            return await step.EndAsync(null, cancellationToken);
        }

        step.Values["members"] = JsonSerializer.SerializeToNode(members.Select(m => new SessionMember(m.Id, m.Name)).ToList(), ConversationState.Json);
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Text = Texts(step).AskCaseOwner,
            Choices = members.Select(m => new PromptChoice(m.Id, m.Name)).ToList(),
            Dutch = Dutch(step),
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskFacilitatorStepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        step.Values["owner"] = step.Result.DeepClone();
        var owner = step.Result.GetValue<string>();
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Text = Texts(step).AskFacilitator,
            Choices = Members(step).Where(m => m.Id != owner).Select(m => new PromptChoice(m.Id, m.Name)).ToList(),
            Dutch = Dutch(step),
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> BeginStepAsync(WaterfallStepContext step, MethodLibrary library, TimeProvider time, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        var members = Members(step);
        var owner = members.Single(m => m.Id == step.Values["owner"]!.GetValue<string>());
        var facilitator = members.Single(m => m.Id == step.Result.GetValue<string>());
        var session = Session.Start(library.Get(step.Values["method"]!.GetValue<string>()), owner, facilitator, members, time.GetUtcNow());
        return await step.ReplaceAsync(SessionDialog.DialogId, new JsonObject
        {
            ["session"] = JsonSerializer.SerializeToNode(session.ToSnapshot(), ConversationState.Json),
            ["dutch"] = Dutch(step),
        }, cancellationToken);
    }

    private static List<SessionMember> Members(WaterfallStepContext step) =>
        step.Values["members"]!.Deserialize<List<SessionMember>>(ConversationState.Json)!;
}

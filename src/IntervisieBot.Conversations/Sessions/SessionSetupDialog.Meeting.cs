using System.Text.Json.Nodes;
using IntervisieBot.Dialogs;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// The set-up's last question: which meeting the session belongs to. Today's planned meeting, and for a second case the
/// first case's meeting, are taken without asking; a session on another day asks once whether it is the nearest planned
/// meeting (held early or late) or an extra one; a group that is not set up is asked nothing. The answer travels with
/// the session (<see cref="SessionDialogState.Meeting"/>) to its close.
/// </summary>
public static partial class SessionSetupDialog
{
    private const string YesMeeting = "yes";
    private const string ExtraMeeting = "no";

    /// <summary>
    /// Asks about the meeting when the plan could not tell (the case owner's step read the group and kept its answer;
    /// who is present was kept by the check of how many take part).
    /// </summary>
    private static async Task<DialogTurnResult> AskMeetingStepAsync(WaterfallStepContext<SessionSetupState> step, CancellationToken cancellationToken)
    {
        if (step.Result is null)
        {
            return await step.EndAsync(null, cancellationToken);
        }

        if (step.State.MeetingQuestion is not { } question)
        {
            return await step.NextAsync(step.Result, cancellationToken);
        }

        var texts = SessionMeetingTexts.For(LanguageOf(step));
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Text = texts.Ask(question.Day),
            Choices = [new PromptChoice(YesMeeting, texts.YesButton, texts.YesWords), new PromptChoice(ExtraMeeting, texts.NoButton, texts.NoWords)],
            Language = LanguageOf(step),
        }, cancellationToken);
    }

    /// <summary>Who is present (kept by <see cref="WarnFewPresentStepAsync"/>), and the meeting from the answer when it was asked.</summary>
    private static HashSet<string> PresentAndMeeting(WaterfallStepContext<SessionSetupState> step)
    {
        if (step.State.MeetingQuestion is { } question && step.Result is JsonValue answer)
        {
            step.State.Meeting = answer.GetValue<string>() == YesMeeting ? question.Planned : question.Extra;
        }

        return step.State.Present.ToHashSet(StringComparer.Ordinal);
    }
}

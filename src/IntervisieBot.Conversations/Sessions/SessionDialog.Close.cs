using System.Globalization;
using System.Text.Json;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// The close of a running session: "next" at the last step starts it, the case owner's insight and action and
/// everyone's rating fill it (the phases are the domain's <see cref="SessionPhase"/>), and a leader's last "next"
/// saves the record and ends the dialog.
/// </summary>
public sealed partial class SessionDialog
{
    /// <summary>"Next" at the last step: the live card and the step's cards lose their buttons, the timer stops, and the close asks for the insight.</summary>
    private async Task<DialogTurnResult> FinishStepsAsync(DialogContext dc, Session session, SessionTexts texts, Language language, CancellationToken cancellationToken)
    {
        var ended = (Step: session.CurrentStep, At: SessionCards.Where(session));
        var finished = session.FinishSteps(dc.Turn.From.Id);
        if (finished != SessionOutcome.Done)
        {
            return await ExplainAsync(dc, session, finished, texts, cancellationToken);
        }

        await EndStepCardsAsync(dc, ended.Step, ended.At, texts, language, cancellationToken);
        await EndSlotAsync(dc, LiveSlot, OutgoingMessage.FromCard(SessionCards.LiveDone(session, texts, language)), cancellationToken);
        await _timer.StopAsync(dc, cancellationToken);
        return await AskForPhaseAsync(dc, session, texts, cancellationToken);
    }

    /// <summary>A leader moving on in the close: insight → action → rating → the session closes.</summary>
    private async Task<DialogTurnResult> MoveOnInCloseAsync(DialogContext dc, Session session, SessionTexts texts, Language language, CancellationToken cancellationToken)
    {
        var moved = session.MoveOnInClose(dc.Turn.From.Id);
        if (moved != SessionOutcome.Done)
        {
            return await ExplainAsync(dc, session, moved, texts, cancellationToken);
        }

        return session.Status == SessionStatus.Ended
            ? await CloseAsync(dc, session, texts, language, cancellationToken)
            : await AskForPhaseAsync(dc, session, texts, cancellationToken);
    }

    /// <summary>Asks what the close's current phase asks.</summary>
    private static async Task<DialogTurnResult> AskForPhaseAsync(DialogContext dc, Session session, SessionTexts texts, CancellationToken cancellationToken)
    {
        await (session.Phase switch
            {
                SessionPhase.Insight => new OutgoingMessage(Format(texts.AskInsight, session.CaseOwner.Name)),
                SessionPhase.Action => new OutgoingMessage(Format(texts.AskAction, session.CaseOwner.Name)),
                _ => null,
            } is { } question
            ? dc.SendAsync(question, cancellationToken)
            : dc.ShowLiveAsync(RatingSlot, OutgoingMessage.FromCard(SessionCards.Rating(session, texts)), cancellationToken));
        return DialogTurnResult.Waiting;
    }

    /// <summary>The ended session: its record saved and shown, the rotation told, the case owner asked about the case text.</summary>
    private async Task<DialogTurnResult> CloseAsync(DialogContext dc, Session session, SessionTexts texts, Language language, CancellationToken cancellationToken)
    {
        await _timer.StopAsync(dc, cancellationToken);
        await EndSlotAsync(dc, RatingSlot, OutgoingMessage.FromCard(SessionCards.Rating(session, texts, open: false)), cancellationToken);
        await EndSlotAsync(dc, PauseSlot, null, cancellationToken);
        var record = session.ToRecord(time.GetUtcNow());
        await records.SaveAsync(dc.Turn.Conversation, record, cancellationToken);
        var state = States.Get(dc.ActiveDialog!);
        var next = await rotation.CloseAsync(dc.Turn.Conversation, record, state.Meeting, language, cancellationToken);
        await dc.SendAsync(new OutgoingMessage(texts.ClosingThanks), cancellationToken);
        var zone = Domain.Groups.Schedule.FindZone(States.Get(dc.ActiveDialog!).TimeZoneId);
        await dc.SendAsync(OutgoingMessage.FromCard(SessionCards.Report(record, library, texts, language, zone)), cancellationToken);
        if (next is not null)
        {
            await dc.SendAsync(new OutgoingMessage(next), cancellationToken);
        }

        // The case text goes after the session unless its owner keeps it: asked privately, never in the group.
        if (await cases.CloseAsync(dc.Turn.Conversation, session.CaseOwner.Id, language, cancellationToken) is { } keep)
        {
            await dc.Context.SendPrivateAsync(new Participant(session.CaseOwner.Id, session.CaseOwner.Name), keep, cancellationToken);
        }

        if (!state.SecondCase && session.Method.Duration.Max <= SessionSetupDialog.ShortMethod)
        {
            await dc.SendAsync(SessionCards.SecondCaseOffer(texts, session.CaseOwner.Id, meeting: state.Meeting), cancellationToken);
        }

        return await dc.EndDialogAsync(JsonSerializer.SerializeToNode(record, ConversationState.Json), cancellationToken);
    }

    private static async Task<DialogTurnResult> RateAsync(DialogContext dc, Session session, string value, SessionTexts texts, CancellationToken cancellationToken)
    {
        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var rating))
        {
            return DialogTurnResult.Waiting;
        }

        // The rating card's count goes up: no "noted" for every mark.
        var rated = session.Rate(dc.Turn.From.Id, rating);
        if (rated != SessionOutcome.Done)
        {
            return await ExplainAsync(dc, session, rated, texts, cancellationToken);
        }

        await dc.ShowLiveAsync(RatingSlot, OutgoingMessage.FromCard(SessionCards.Rating(session, texts)), cancellationToken);
        return DialogTurnResult.Waiting;
    }
}

using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// What a running session says when asked where it is (<see cref="IFlowStatus"/>): the step and its title, who acts,
/// who has the floor, and the words that work now, in the asking member's language.
/// </summary>
public sealed partial class SessionDialog : IFlowStatus
{
    public OutgoingMessage Status(DialogContext dc, DialogInstance instance)
    {
        var state = States.Get(instance);
        var session = Load(state);
        var texts = SessionStatusTexts.For(MemberLanguage(dc, state));
        var lines = new List<string> { WhereNow(session, texts) };
        lines.AddRange(WhoActs(session, texts));
        lines.Add(WordsThatWork(session, texts));
        return new OutgoingMessage(string.Join("\n\n", lines));
    }

    public OutgoingMessage AlreadyRunning(DialogContext dc, DialogInstance instance)
    {
        var state = States.Get(instance);
        var texts = SessionStatusTexts.For(MemberLanguage(dc, state));
        return OutgoingMessage.FromCard(new Card
        {
            Body = [new CardText(texts.AlreadyRunning(WhereNow(Load(state), texts)))],
            Buttons = [Cards.Button(texts.ShowAgainButton, "show", IFlowStatus.ShowAgainCard, ButtonStyle.Positive)],
        });
    }

    /// <summary>
    /// The live session card again as a new message at the bottom of the chat (or what the close asks now): the old
    /// card becomes a short line without buttons, and the live slot moves to the new message, so later updates go there.
    /// </summary>
    public async Task ShowAgainAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken)
    {
        var state = States.Get(instance);
        var session = Load(state);
        var (texts, language) = Texts(state);
        if (session.Phase == SessionPhase.Steps)
        {
            await EndSlotAsync(dc, LiveSlot, OutgoingMessage.FromCard(SessionCards.LiveMoved(session, SessionStatusTexts.For(language), language)), cancellationToken);
            await ShowLiveCardAsync(dc, state, session, cancellationToken);
            return;
        }

        await AskForPhaseAsync(dc, session, texts, cancellationToken);
    }

    /// <summary>The member's own language when their channel says it, else the session's.</summary>
    private static Language MemberLanguage(DialogContext dc, SessionDialogState state) =>
        dc.Turn.Locale is null ? state.Language : Language.FromLocale(dc.Turn.Locale);

    private static string WhereNow(Session session, SessionStatusTexts texts)
    {
        var step = session.CurrentStep;
        var where = texts.Where(session.Method.Name.In(texts.Language), session.StepIndex + 1, session.Method.Steps.Count, step.Title.In(texts.Language));
        return session.Status == SessionStatus.Paused ? where + " " + texts.Paused : where;
    }

    private static IEnumerable<string> WhoActs(Session session, SessionStatusTexts texts)
    {
        switch (session.Phase)
        {
            case SessionPhase.Insight:
                yield return texts.Insight(session.CaseOwner.Name);
                yield break;
            case SessionPhase.Action:
                yield return texts.Action(session.CaseOwner.Name);
                yield break;
            case SessionPhase.Rating:
                yield return texts.Rating;
                yield break;
            default:
                break;
        }

        var step = session.CurrentStep;
        yield return texts.Acts(step.Actor switch
        {
            StepActor.CaseOwner => texts.CaseOwnerRole(session.CaseOwner.Name),
            StepActor.Facilitator => texts.FacilitatorRole(session.Facilitator.Name),
            StepActor.Participants => texts.EveryoneBut(session.CaseOwner.Name),
            _ => texts.Everyone,
        });
        if (session.CurrentSpeaker is { } speaker)
        {
            yield return texts.Floor(speaker.Name);
        }

        if (step.Interaction == StepInteraction.Collect)
        {
            var still = session.StillToContribute;
            yield return still.Count == 0 ? texts.AllSent : texts.StillToSend(string.Join(", ", still.Select(m => m.Name)));
        }
    }

    /// <summary>The words that move the session now: the leaders' words, the speaker's "done", and stop.</summary>
    private static string WordsThatWork(Session session, SessionStatusTexts texts)
    {
        var words = new List<string>();
        if (session.Status == SessionStatus.Paused)
        {
            words.Add(texts.Resume);
        }
        else
        {
            words.Add(texts.Next);
            if (session.Phase == SessionPhase.Steps && session.StepIndex > 0)
            {
                words.Add(texts.Back);
            }

            words.Add(texts.Pause);
            if (session.Phase == SessionPhase.Steps)
            {
                words.Add(texts.Extend);
            }
        }

        var list = words.Count == 1 ? words[0] : string.Join(", ", words[..^1]) + " " + texts.Or + " " + words[^1];
        var lines = new List<string> { texts.LeadersType(session.Facilitator.Name, session.CaseOwner.Name, list) };
        if (session.Status == SessionStatus.Running && session.CurrentSpeaker is not null)
        {
            lines.Add(texts.SpeakerTypesDone);
        }

        lines.Add(texts.StopEnds);
        return string.Join(" ", lines);
    }
}

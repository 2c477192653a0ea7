using System.Text.Json;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Domain.Tests.Sessions;

/// <summary>
/// The close of an Incident session (Anna brings the case, Bram facilitates): insight, action, rating, end. The
/// method here is the Incidentmethode with its harvest step made an ordinary one, so the close asks for everything
/// (the real one's harvest step gives the insight and the action: see <see cref="SessionFrameTests"/>).
/// </summary>
public sealed class SessionCloseTests
{
    private static readonly SessionMember Anna = new("u-anna", "Anna");
    private static readonly SessionMember Bram = new("u-bram", "Bram");
    private static readonly SessionMember Cees = new("u-cees", "Cees");
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 18, 30, 0, TimeSpan.Zero);

    private static readonly MethodDefinition WithoutHarvest = MethodLibrary.BuiltIn.Get("incident") is var incident
        ? incident with { Id = "incident-without-harvest", Aliases = ["incident-without-harvest"], Name = new("Incident zonder oogst", "Incident without harvest"), Steps = [.. incident.Steps.Select(s => s with { Phase = MethodPhase.Core, AsksAction = false })] }
        : null!;

    private static readonly MethodLibrary Library = MethodLibrary.BuiltIn.With([WithoutHarvest]);

    private static Session Incident() =>
        Session.Start(WithoutHarvest, Anna, Bram, [Anna, Bram, Cees], Start);

    private static Session AtLastStep()
    {
        var session = Incident();
        while (!session.IsLastStep)
        {
            Assert.Equal(SessionOutcome.Done, session.Next(Bram.Id));
        }

        return session;
    }

    private static Session InClose()
    {
        var session = AtLastStep();
        Assert.Equal(SessionOutcome.Done, session.FinishSteps(Bram.Id));
        return session;
    }

    [Fact]
    public void TheClose_BeginsOnlyAtTheLastStep_AndOnlyByALeader()
    {
        var early = Incident();
        Assert.Equal(SessionOutcome.NotThisStep, early.FinishSteps(Bram.Id));
        Assert.Equal(SessionPhase.Steps, early.Phase);

        var session = AtLastStep();
        Assert.Equal(SessionOutcome.NotFacilitatorOrCaseOwner, session.FinishSteps(Cees.Id));
        Assert.Equal(SessionPhase.Steps, session.Phase);

        Assert.Equal(SessionOutcome.Done, session.FinishSteps(Anna.Id));
        Assert.Equal(SessionPhase.Insight, session.Phase);
        Assert.Equal(SessionOutcome.NotThisStep, session.FinishSteps(Anna.Id));
    }

    [Fact]
    public void TheCaseOwnersAnswers_MoveTheCloseFromInsightToActionToRating_OthersChangeNothing()
    {
        var session = InClose();

        Assert.Equal(SessionOutcome.NotThisStep, session.GiveAction(Anna.Id, "Te vroeg"));
        Assert.Equal(SessionOutcome.NotYourPart, session.GiveInsight(Cees.Id, "Niet van mij"));
        Assert.Equal(SessionPhase.Insight, session.Phase);

        Assert.Equal(SessionOutcome.Done, session.GiveInsight(Anna.Id, " Ik zeg te snel ja. "));
        Assert.Equal(SessionPhase.Action, session.Phase);
        Assert.Equal(SessionOutcome.Done, session.GiveAction(Anna.Id, "Volgende week zeg ik één verzoek af."));
        Assert.Equal(SessionPhase.Rating, session.Phase);

        var record = session.ToRecord(Start.AddMinutes(45));
        Assert.Equal(["Ik zeg te snel ja."], record.Insights);
        Assert.Equal("Volgende week zeg ik één verzoek af.", record.Action);
    }

    [Fact]
    public void ALeaderMovingOn_SkipsToTheNextPhase_AndAfterTheRatingTheSessionEnds()
    {
        var session = InClose();

        Assert.Equal(SessionOutcome.NotFacilitatorOrCaseOwner, session.MoveOnInClose(Cees.Id));
        Assert.Equal(SessionOutcome.Done, session.MoveOnInClose(Bram.Id));
        Assert.Equal(SessionPhase.Action, session.Phase);
        Assert.Equal(SessionOutcome.Done, session.MoveOnInClose(Anna.Id));
        Assert.Equal(SessionPhase.Rating, session.Phase);
        Assert.Equal(SessionStatus.Running, session.Status);

        Assert.Equal(SessionOutcome.Done, session.MoveOnInClose(Bram.Id));
        Assert.Equal(SessionStatus.Ended, session.Status);
        Assert.Equal(SessionOutcome.NotRunning, session.MoveOnInClose(Bram.Id));
    }

    [Fact]
    public void DuringTheSteps_ThereIsNoCloseToMoveOn_AndInTheClose_NoStepToMoveTo()
    {
        Assert.Equal(SessionOutcome.NotThisStep, Incident().MoveOnInClose(Bram.Id));

        var session = InClose();
        var step = session.StepIndex;
        Assert.Equal(SessionOutcome.NotThisStep, session.Back(Bram.Id));
        Assert.Equal(step, session.StepIndex);
    }

    [Fact]
    public void ThePhase_SurvivesTheStoredForm()
    {
        var session = InClose();
        session.GiveInsight(Anna.Id, "Ik zeg te snel ja.");
        var json = JsonSerializer.Serialize(session.ToSnapshot());

        var restored = Session.Restore(JsonSerializer.Deserialize<SessionSnapshot>(json)!, Library);

        Assert.Equal(SessionPhase.Action, restored.Phase);
        Assert.Equal(SessionOutcome.Done, restored.GiveAction(Anna.Id, "Eén verzoek afzeggen."));
        Assert.Equal(SessionPhase.Rating, restored.Phase);
    }
}

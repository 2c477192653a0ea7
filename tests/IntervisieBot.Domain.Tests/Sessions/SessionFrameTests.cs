using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Domain.Tests.Sessions;

/// <summary>How a method's steps and the session's frame merge: where the method has its own part, the session skips its own.</summary>
public sealed class SessionFrameTests
{
    private static readonly SessionMember Anna = new("u-anna", "Anna");
    private static readonly SessionMember Bram = new("u-bram", "Bram");
    private static readonly SessionMember Cees = new("u-cees", "Cees");

    [Fact]
    public void TheFrame_ReadsTheStepsPhases()
    {
        Assert.Equal(new SessionFrame(true, true, "outcome", "outcome"), SessionFrame.Of(MethodLibrary.BuiltIn.Get("incidents")));
        Assert.Equal(new SessionFrame(false, false, "case-owner-responds", null), SessionFrame.Of(MethodLibrary.BuiltIn.Get("balint")));
        Assert.Equal(new SessionFrame(false, false, "insights", null), SessionFrame.Of(MethodLibrary.BuiltIn.Get("ten-steps")));
    }

    [Fact]
    public void TheCaseOwnersWordsInTheHarvestStep_AreTheRecordsInsightAndAction_AndTheCloseGoesStraightToTheRating()
    {
        var session = Session.Start(MethodLibrary.BuiltIn.Get("incident"), Anna, Bram, [Anna, Bram, Cees], DateTimeOffset.UnixEpoch);
        while (!session.IsLastStep)
        {
            session.Next(Bram.Id);
        }

        Assert.Equal(SessionOutcome.Done, session.Reflect(Cees.Id, "Cees neemt mee"));
        Assert.Equal(SessionOutcome.Done, session.Reflect(Anna.Id, "Ik bel haar morgen."));
        Assert.Equal(SessionOutcome.Done, session.FinishSteps(Bram.Id));

        Assert.Equal(SessionPhase.Rating, session.Phase);
        var record = session.ToRecord(DateTimeOffset.UnixEpoch);
        Assert.Equal(["Ik bel haar morgen."], record.Insights);
        Assert.Equal("Ik bel haar morgen.", record.Action);
    }

    [Fact]
    public void AMethodWhoseStepsAskNoAction_TheCloseAsksOnlyTheAction()
    {
        var session = Session.Start(MethodLibrary.BuiltIn.Get("balint"), Anna, Bram, [Anna, Bram, Cees], DateTimeOffset.UnixEpoch);
        while (!session.IsLastStep)
        {
            session.Next(Bram.Id);
        }

        Assert.Equal(SessionOutcome.Done, session.FinishSteps(Bram.Id));

        Assert.Equal(SessionPhase.Action, session.Phase);
    }
}

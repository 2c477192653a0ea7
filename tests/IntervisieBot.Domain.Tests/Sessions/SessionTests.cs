using System.Text.Json;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Domain.Tests.Sessions;

/// <summary>A Vijf stappen session with five people: Anna brings the case, Bram facilitates.</summary>
public sealed class SessionTests
{
    private static readonly SessionMember Anna = new("u-anna", "Anna");
    private static readonly SessionMember Bram = new("u-bram", "Bram");
    private static readonly SessionMember Cees = new("u-cees", "Cees");
    private static readonly SessionMember Dewi = new("u-dewi", "Dewi");
    private static readonly SessionMember Eva = new("u-eva", "Eva");
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 18, 30, 0, TimeSpan.Zero);

    private static Session FiveSteps() =>
        Session.Start(MethodLibrary.BuiltIn.Get("five-steps"), Anna, Bram, [Anna, Bram, Cees, Dewi, Eva], Start);

    private static void GoTo(Session session, string stepId)
    {
        while (session.CurrentStep.Id != stepId)
        {
            Assert.Equal(SessionOutcome.Done, session.Next(Bram.Id));
        }
    }

    [Fact]
    public void Start_TheFacilitatorCannotAlsoBeTheCaseOwner()
    {
        Assert.Throws<ArgumentException>(() => Session.Start(MethodLibrary.BuiltIn.Get("incident"), Anna, Anna, [Anna, Bram], Start));
    }

    [Fact]
    public void OnlyTheFacilitatorAndTheCaseOwner_MoveTheSession()
    {
        var session = FiveSteps();

        Assert.Equal(SessionOutcome.NotFacilitatorOrCaseOwner, session.Next(Cees.Id));
        Assert.Equal(SessionOutcome.Done, session.Next(Bram.Id));
        Assert.Equal(SessionOutcome.Done, session.Next(Anna.Id));
        Assert.Equal(SessionOutcome.Done, session.Back(Bram.Id));
        Assert.Equal("ground-rules", session.CurrentStep.Id);
        Assert.Equal(SessionOutcome.NothingThere, FiveSteps().Back(Bram.Id));
    }

    [Fact]
    public void APausedSession_TakesNoMovesOrContributionsUntilResumed()
    {
        var session = FiveSteps();
        GoTo(session, "write-questions");

        Assert.Equal(SessionOutcome.Done, session.Pause(Bram.Id));
        Assert.Equal(SessionOutcome.NotRunning, session.Next(Bram.Id));
        Assert.Equal(SessionOutcome.NotRunning, session.Contribute(Cees.Id, "Wat deed je toen?"));
        Assert.Equal(SessionOutcome.Done, session.Resume(Anna.Id));
        Assert.Equal(SessionOutcome.Done, session.Contribute(Cees.Id, "Wat deed je toen?"));
    }

    [Fact]
    public void CollectingQuestions_ParticipantsAskUpToTheirNumber_TheCaseOwnerDoesNotAskThemselves()
    {
        var session = FiveSteps();
        GoTo(session, "write-questions");

        Assert.Equal(SessionOutcome.Done, session.Contribute(Cees.Id, "Wat maakt dat je twijfelt?"));
        Assert.Equal(SessionOutcome.Done, session.Contribute(Cees.Id, "Waarom zei je ja?"));
        Assert.Equal(SessionOutcome.AlreadyComplete, session.Contribute(Cees.Id, "Nog eentje?"));
        Assert.Equal(SessionOutcome.NotYourPart, session.Contribute(Anna.Id, "Mijn eigen vraag"));
        Assert.Equal(SessionOutcome.NotThisStep, FiveSteps().Contribute(Cees.Id, "Te vroeg"));

        Assert.Equal(2, session.Contributions.Count);
        Assert.True(session.Contributions[1].IsWhyQuestion);
        Assert.Equal(["u-bram", "u-dewi", "u-eva"], session.StillToContribute.Select(m => m.Id));
    }

    [Fact]
    public void Ranking_TheCaseOwnerLabelsTheCollectedQuestions_AndOnlyThem()
    {
        var session = FiveSteps();
        GoTo(session, "write-questions");
        session.Contribute(Cees.Id, "Wat maakt dat je twijfelt?");
        session.Contribute(Dewi.Id, "Wie merkt er iets van?");
        GoTo(session, "sort-and-answer");

        Assert.Equal(SessionOutcome.NotYourPart, session.Label(Cees.Id, 1, QuestionLabel.Helpful));
        Assert.Equal(SessionOutcome.Done, session.Label(Anna.Id, 1, QuestionLabel.Helpful));
        Assert.Equal(SessionOutcome.Done, session.Label(Anna.Id, 2, QuestionLabel.NotHelpful));
        Assert.Equal(SessionOutcome.NothingThere, session.Label(Anna.Id, 7, QuestionLabel.Neutral));

        Assert.Equal([QuestionLabel.Helpful, QuestionLabel.NotHelpful], session.CollectedForThisStep.Select(c => c.Label!.Value));
    }

    [Fact]
    public void ARound_GivesTheFloorToEachParticipantInTurn_NotToTheCaseOwner()
    {
        var session = FiveSteps();
        GoTo(session, "advise");
        var speakers = new List<string>();

        while (session.CurrentSpeaker is { } speaker)
        {
            speakers.Add(speaker.Name);
            Assert.Equal(SessionOutcome.NotYourPart, session.PassTheFloor(speaker.Id == Eva.Id ? Cees.Id : Eva.Id));
            Assert.Equal(SessionOutcome.Done, session.PassTheFloor(speaker.Id));
        }

        Assert.Equal(["Bram", "Cees", "Dewi", "Eva"], speakers);
    }

    [Fact]
    public void TheRecord_KeepsHarvestAndRatings_ButNoQuestionsOrTakeaways()
    {
        var session = FiveSteps();
        GoTo(session, "write-questions");
        session.Contribute(Cees.Id, "Een vraag met casusinhoud");
        GoTo(session, "evaluate");
        session.Reflect(Dewi.Id, "Ik neem mee dat vragen meer oplevert dan adviseren.");
        session.Harvest(Anna.Id, "Ik zeg te snel ja.", "Volgende week zeg ik één verzoek af.");
        session.Rate(Cees.Id, 8);
        session.Rate(Dewi.Id, 7);
        Assert.Equal(SessionOutcome.NotYourPart, session.Harvest(Cees.Id, "Niet van mij", null));

        var record = session.ToRecord(Start.AddMinutes(55));

        Assert.Equal(("five-steps", 1), (record.MethodId, record.MethodVersion));
        Assert.Equal(["Ik zeg te snel ja."], record.Insights);
        Assert.Equal("Volgende week zeg ik één verzoek af.", record.Action);
        Assert.Equal(7.5, record.AverageRating);
        Assert.True(record.CompletedAllSteps);
        var json = JsonSerializer.Serialize(record);
        Assert.DoesNotContain("casusinhoud", json, StringComparison.Ordinal);
        Assert.DoesNotContain("adviseren", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ChosenAskers_AloneAskInTheQuestionSteps_AndKeepTheirPlaceAfterARoundTrip()
    {
        var session = Session.Start(MethodLibrary.BuiltIn.Get("five-steps"), Anna, Bram, [Anna, Bram, Cees, Dewi, Eva], Start, [Cees.Id]);
        GoTo(session, "write-questions");
        var restored = Session.Restore(JsonSerializer.Deserialize<SessionSnapshot>(JsonSerializer.Serialize(session.ToSnapshot()))!, MethodLibrary.BuiltIn);

        Assert.Equal([Cees], restored.Contributors);
        Assert.Equal([Bram, Dewi, Eva], restored.Observers);
        Assert.Equal(SessionOutcome.NotYourPart, restored.Contribute(Dewi.Id, "Wat deed je toen?"));
        Assert.Equal(SessionOutcome.Done, restored.Contribute(Cees.Id, "Wat deed je toen?"));

        // Defining the problem is no question step: everyone takes part again.
        GoTo(restored, "define-problem");
        Assert.Equal([Bram, Cees, Dewi, Eva], restored.Contributors);
        Assert.Empty(restored.Observers);
    }

    [Theory]
    [InlineData("u-anna")]
    [InlineData("u-cees", "u-dewi", "u-eva")]
    [InlineData("u-cees", "u-cees")]
    [InlineData("u-zara")]
    public void Start_TheAskersAreOneOrTwoParticipants_NeverTheCaseOwner(params string[] askers)
    {
        Assert.Throws<ArgumentException>(() => Session.Start(MethodLibrary.BuiltIn.Get("five-steps"), Anna, Bram, [Anna, Bram, Cees, Dewi, Eva], Start, askers));
    }

    [Fact]
    public void ASession_SurvivesARoundTripThroughItsStoredForm()
    {
        var session = FiveSteps();
        GoTo(session, "write-questions");
        session.Contribute(Cees.Id, "Wat maakt dat je twijfelt?");
        var json = JsonSerializer.Serialize(session.ToSnapshot());

        var restored = Session.Restore(JsonSerializer.Deserialize<SessionSnapshot>(json)!, MethodLibrary.BuiltIn);

        Assert.Equal("write-questions", restored.CurrentStep.Id);
        Assert.Equal(SessionOutcome.Done, restored.Contribute(Cees.Id, "Wie merkt er iets van?"));
        Assert.Equal(SessionOutcome.AlreadyComplete, restored.Contribute(Cees.Id, "Een derde"));
    }
}

using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Domain.Tests.Sessions;

public sealed class AllMethodsWalkThroughTests
{
    private static readonly SessionMember[] Group =
        [new("u-anna", "Anna"), new("u-bram", "Bram"), new("u-cees", "Cees"), new("u-dewi", "Dewi"), new("u-eva", "Eva")];

    public static TheoryData<string> MethodIds() => [.. MethodLibrary.BuiltIn.All.Select(m => m.Id)];

    [Theory]
    [MemberData(nameof(MethodIds))]
    public void EveryMethod_CanBeRunFromFirstToLastStep_WithFiveMembers(string methodId)
    {
        var method = MethodLibrary.BuiltIn.Get(methodId);
        var session = Session.Start(method, Group[0], Group[1], Group, new DateTimeOffset(2026, 12, 3, 18, 30, 0, TimeSpan.Zero));

        while (true)
        {
            DoTheStep(session);
            if (session.IsLastStep)
            {
                break;
            }

            Assert.Equal(SessionOutcome.Done, session.Next(Group[1].Id));
        }

        session.Harvest(Group[0].Id, "Een inzicht", "Een actie");
        foreach (var member in Group)
        {
            Assert.Equal(SessionOutcome.Done, session.Rate(member.Id, 8));
        }

        var record = session.ToRecord(new DateTimeOffset(2026, 12, 3, 20, 0, 0, TimeSpan.Zero));
        Assert.True(record.CompletedAllSteps);
        Assert.Equal(8, record.AverageRating);
        Assert.Equal(method.Steps.Count - 1, session.StepIndex);
    }

    private static void DoTheStep(Session session)
    {
        var step = session.CurrentStep;
        switch (step.Interaction)
        {
            case StepInteraction.Collect:
                foreach (var member in session.StillToContribute.ToList())
                {
                    for (var i = 0; i < step.Collect!.PerParticipant; i++)
                    {
                        Assert.Equal(SessionOutcome.Done, session.Contribute(member.Id, $"{member.Name} {i + 1}"));
                    }
                }

                Assert.Empty(session.StillToContribute);
                break;
            case StepInteraction.Rank:
                foreach (var contribution in session.CollectedForThisStep)
                {
                    Assert.Equal(SessionOutcome.Done, session.Label(session.CaseOwner.Id, contribution.Number, QuestionLabel.Helpful));
                }

                break;
            case StepInteraction.Round:
                var turns = 0;
                while (session.CurrentSpeaker is { } speaker)
                {
                    Assert.Equal(SessionOutcome.Done, session.PassTheFloor(speaker.Id));
                    turns++;
                }

                Assert.True(turns >= 1);
                break;
            case StepInteraction.Reflect:
                foreach (var member in session.Attendees)
                {
                    Assert.Equal(SessionOutcome.Done, session.Reflect(member.Id, "Wat ik meeneem"));
                }

                break;
            case StepInteraction.Choose:
                Assert.Equal(SessionOutcome.Done, session.Choose(session.CaseOwner.Id, "Wat is moed?"));
                break;
            default:
                break;
        }
    }
}

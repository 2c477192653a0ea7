using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Domain.Tests.Methods;

public class IcebreakersTests
{
    [Fact]
    public void All_HoldsTheHandbooksEightIcebreakers_WithUniqueSlugIds()
    {
        Assert.Equal(8, Icebreakers.All.Count);
        Assert.Equal(Icebreakers.All.Count, Icebreakers.All.Select(i => i.Id).Distinct().Count());
        Assert.All(Icebreakers.All, i => Assert.True(MethodValidator.IsSlug(i.Id), i.Id));
    }

    [Fact]
    public void All_EveryIcebreaker_HasATitleAndInstructionInBothLanguagesAndATime()
    {
        Assert.All(Icebreakers.All, icebreaker =>
        {
            Assert.All(new[] { icebreaker.Title, icebreaker.Instruction }, text =>
            {
                Assert.False(string.IsNullOrWhiteSpace(text.Nl));
                Assert.False(string.IsNullOrWhiteSpace(text.En));
            });
            Assert.True(icebreaker.Time > TimeSpan.Zero);
        });
    }

    [Fact]
    public void Find_ById_FindsTheIcebreaker()
    {
        Assert.Equal(new LocalizedText("Dilemmalijn", "Dilemma line"), Icebreakers.Find("dilemma-line")?.Title);
        Assert.Null(Icebreakers.Find("nope"));
    }
}

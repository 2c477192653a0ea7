using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Domain.Tests.Groups;

public sealed class CadenceTests
{
    [Fact]
    public void EveryFourWeeks_FollowsOnTheSameWeekday()
    {
        var cadence = Cadence.EveryWeeks(4, DayOfWeek.Tuesday);

        Assert.Equal(new DateOnly(2027, 2, 9), cadence.Following(new DateOnly(2027, 1, 12)));
        Assert.True(cadence.Fits(new DateOnly(2027, 1, 19)));
        Assert.False(cadence.Fits(new DateOnly(2027, 1, 20)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(40)]
    public void EveryWeeks_OutsideFourToSix_IsRefused(int weeks) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Cadence.EveryWeeks(weeks, DayOfWeek.Monday));

    [Fact]
    public void MonthlyOnTheSecondTuesday_FindsThatDayEveryMonth()
    {
        var cadence = Cadence.Monthly(2, DayOfWeek.Tuesday);

        Assert.Equal(
            [new DateOnly(2027, 1, 12), new DateOnly(2027, 2, 9), new DateOnly(2027, 3, 9)],
            cadence.FittingFrom(new DateOnly(2027, 1, 1)).Take(3));
        Assert.Equal(new DateOnly(2027, 2, 9), cadence.Following(new DateOnly(2027, 1, 12)));
        Assert.False(cadence.Fits(new DateOnly(2027, 1, 19)));
    }

    [Fact]
    public void MonthlyOnTheLastFriday_FindsTheLastFriday()
    {
        var cadence = Cadence.Monthly(Cadence.LastWeek, DayOfWeek.Friday);

        Assert.Equal([new DateOnly(2027, 1, 29), new DateOnly(2027, 2, 26), new DateOnly(2027, 4, 30)], new[]
        {
            cadence.FittingFrom(new DateOnly(2027, 1, 1)).First(),
            cadence.Following(new DateOnly(2027, 1, 29)),
            cadence.Following(new DateOnly(2027, 3, 26)),
        });
    }
}


namespace IntervisieBot.Dialogs.Tests;

public sealed class DateTimeParsingTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("2026-12-03", "2026-12-03")]
    [InlineData("3-12-2026", "2026-12-03")]
    [InlineData("3/12", "2026-12-03")]
    [InlineData("3 december", "2026-12-03")]
    [InlineData("3 dec 2026", "2026-12-03")]
    [InlineData("donderdag 3 december", "2026-12-03")]
    [InlineData("12 march", "2027-03-12")]
    [InlineData("12 mrt", "2027-03-12")]
    [InlineData("1 november", "2027-11-01")]
    [InlineData("vandaag", "2026-11-22")]
    [InlineData("tomorrow", "2026-11-23")]
    public void Date_TypedTheWaysPeopleDo_IsUnderstood(string typed, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DatePrompt.Parse(typed, Today));
    }

    [Theory]
    [InlineData("31-2-2027")]
    [InlineData("13-13")]
    [InlineData("volgende week")]
    [InlineData("")]
    public void Date_ThatDoesNotExist_IsRefused(string typed)
    {
        Assert.Null(DatePrompt.Parse(typed, Today));
    }

    [Theory]
    [InlineData("19:30", 19, 30)]
    [InlineData("19.30", 19, 30)]
    [InlineData("1930", 19, 30)]
    [InlineData("19u30", 19, 30)]
    [InlineData("19 uur", 19, 0)]
    [InlineData("7pm", 19, 0)]
    [InlineData("7:30 pm", 19, 30)]
    [InlineData("12 am", 0, 0)]
    [InlineData("9", 9, 0)]
    public void Time_TypedTheWaysPeopleDo_IsUnderstood(string typed, int hour, int minute)
    {
        Assert.Equal(new TimeOnly(hour, minute), TimePrompt.Parse(typed));
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("19:75")]
    [InlineData("13pm")]
    [InlineData("half acht")]
    public void Time_ThatDoesNotExist_IsRefused(string typed)
    {
        Assert.Null(TimePrompt.Parse(typed));
    }
}

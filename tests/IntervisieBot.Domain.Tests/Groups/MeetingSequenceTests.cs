using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Domain.Tests.Groups;

/// <summary>Calendars need to know that their copy of a meeting is out of date: every change counts.</summary>
public sealed class MeetingSequenceTests
{
    private static readonly DateOnly Second = new(2027, 2, 9);

    private static Schedule EveryFourWeeks() =>
        new(Cadence.EveryWeeks(4, DayOfWeek.Tuesday), new DateOnly(2027, 1, 12), new TimeOnly(19, 30), "Europe/Amsterdam", TimeSpan.FromMinutes(90));

    [Fact]
    public void EachMoveCancelOrRestore_RaisesTheMeetingsSequence_AndOtherMeetingsStayAtZero()
    {
        var schedule = EveryFourWeeks();
        Assert.Equal(0, schedule.Find(Second)!.Sequence);

        var moved = schedule.Move(Second, new DateOnly(2027, 2, 10));
        var movedAgain = moved.Move(Second, new DateOnly(2027, 2, 11), new TimeOnly(20, 0));
        var cancelled = movedAgain.Cancel(Second);
        var restored = cancelled.Restore(Second);

        Assert.Equal((1, MeetingState.Moved), (moved.Find(Second)!.Sequence, moved.Find(Second)!.State));
        Assert.Equal(2, movedAgain.Find(Second)!.Sequence);
        Assert.Equal((3, MeetingState.Cancelled), (cancelled.Find(Second)!.Sequence, cancelled.Find(Second)!.State));
        Assert.Equal((4, MeetingState.Planned), (restored.Find(Second)!.Sequence, restored.Find(Second)!.State));
        Assert.Equal(new DateTimeOffset(2027, 2, 9, 19, 30, 0, TimeSpan.FromHours(1)), restored.Find(Second)!.Start);
        Assert.Equal(0, restored.Find(new DateOnly(2027, 1, 12))!.Sequence);
    }
}

using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Domain.Tests.Groups;

/// <summary>Groups for tests: members named from a list, meeting every four weeks on Tuesdays at 19:30 in Amsterdam.</summary>
internal static class GroupBuilder
{
    public static readonly string[] Names = ["Anna", "Bram", "Cees", "Dewi", "Eva", "Fenna", "Gijs", "Hana"];

    /// <summary>Tuesday 12 January 2027: the first meeting.</summary>
    public static readonly DateOnly First = new(2027, 1, 12);

    /// <summary>A day before the first meeting.</summary>
    public static readonly DateTimeOffset Before = new(2027, 1, 11, 9, 0, 0, TimeSpan.Zero);

    public static Member Member(string name) => new("u-" + name.ToLowerInvariant(), name);

    public static string Id(string name) => "u-" + name.ToLowerInvariant();

    public static GroupSettings Settings(FacilitatorMode mode = FacilitatorMode.Rotating, string? fixedFacilitator = null) => new()
    {
        Name = "Team Noord",
        Language = Language.Dutch,
        Cadence = Cadence.EveryWeeks(4, DayOfWeek.Tuesday),
        FirstMeeting = First,
        StartTime = new TimeOnly(19, 30),
        FacilitatorMode = mode,
        FixedFacilitator = fixedFacilitator,
    };

    public static Group Create(int size, FacilitatorMode mode = FacilitatorMode.Rotating, string? fixedFacilitator = null) =>
        Group.Create(Settings(mode, fixedFacilitator), Names.Take(size).Select(Member));

    /// <summary>Holds the next meeting as the rotation planned it, everyone not absent attending; returns its roles.</summary>
    public static MeetingRoles Hold(Group group, DateTimeOffset now)
    {
        var roles = group.NextMeetings(now, 1)[0];
        group.RecordOutcome(new MeetingOutcome(
            roles.Meeting.Id,
            roles.Meeting.Start,
            roles.CaseOwner?.Id,
            roles.Facilitator?.Id,
            [.. group.Roster.Active.Where(m => roles.Absent.All(a => a.Id != m.Id)).Select(m => m.Id)]));
        return roles;
    }
}

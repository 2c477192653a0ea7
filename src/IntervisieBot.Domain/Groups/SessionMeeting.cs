using System.Globalization;

namespace IntervisieBot.Domain.Groups;

/// <summary>
/// The meeting a session belongs to, decided when the session starts: a planned meeting (<paramref name="Meeting"/> is
/// its id), or an extra one the group held outside its plan on that local date (<paramref name="Extra"/>), which uses
/// up no planned meeting and leaves the rotation as it is.
/// </summary>
public sealed record SessionMeeting(DateOnly Meeting, bool Extra = false)
{
    private const string ExtraSuffix = "+extra";

    /// <summary>The meeting as one word, for a button that starts a second case in it ("2027-01-12", "2026-12-02+extra").</summary>
    public string Key => Meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (Extra ? ExtraSuffix : "");

    /// <summary>The meeting a <see cref="Key"/> names, or null when it names none.</summary>
    public static SessionMeeting? Parse(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var extra = key.EndsWith(ExtraSuffix, StringComparison.Ordinal);
        var date = extra ? key[..^ExtraSuffix.Length] : key;
        return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? new SessionMeeting(day, extra) : null;
    }
}

/// <summary>
/// What the group's plan says about a session started at some moment: either the meeting it belongs to
/// (<see cref="Decided"/>), or a planned meeting to ask the group about (<see cref="Proposed"/>): yes makes it that
/// meeting, no makes it <see cref="Extra"/>.
/// </summary>
public sealed record SessionMeetingChoice(SessionMeeting? Decided, Meeting? Proposed, SessionMeeting Extra)
{
    /// <summary>The meeting when the group says yes to <see cref="Proposed"/>.</summary>
    public SessionMeeting? IfYes => Proposed is null ? null : new SessionMeeting(Proposed.Id);
}

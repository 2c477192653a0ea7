using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>What a session opens with, from the group's rotation and agreements.</summary>
/// <param name="CaseOwner">The member the rotation proposes to bring the case (an id), if any.</param>
/// <param name="Facilitator">The member the rotation proposes to facilitate (an id), if any.</param>
/// <param name="Proposal">The sentence that says so.</param>
/// <param name="OnTurn">How a proposed member is marked among the choices ("{0} (aan de beurt)").</param>
/// <param name="Agreements">The group's own agreements, shown instead of the built-in ones.</param>
/// <param name="Review">Set when this session's agenda includes reviewing the agreements: the sentence that says so.</param>
public sealed record SessionOpening(string? CaseOwner, string? Facilitator, string? Proposal, string OnTurn, IReadOnlyList<string> Agreements, string? Review)
{
    /// <summary>The group's name, for the private prompts of a collect step.</summary>
    public string? GroupName { get; init; }

    /// <summary>The group's time zone (an IANA id), in which the record gives its date; the default zone when null.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>The meeting the session belongs to, when the plan decides it (today's meeting, or this evening's for a second case).</summary>
    public SessionMeeting? Meeting { get; init; }

    /// <summary>Otherwise the planned meeting to ask the group about.</summary>
    public MeetingQuestion? MeetingQuestion { get; init; }
}

/// <summary>"Does this session belong to the meeting of that day?", asked when the plan cannot tell.</summary>
/// <param name="Planned">The meeting when the answer is yes: the planned one.</param>
/// <param name="Extra">The meeting when the answer is no: an extra one on the session's day.</param>
/// <param name="Day">The planned meeting's day as the group's language writes it ("woensdag 16 december").</param>
public sealed record MeetingQuestion(SessionMeeting Planned, SessionMeeting Extra, string Day);

using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>What "start" (<see cref="SessionSetupDialog"/>) has gathered before the session begins.</summary>
public sealed class SessionSetupState
{
    public Language Language { get; set; } = Language.Dutch;

    /// <summary>The chosen method's id.</summary>
    public string? Method { get; set; }

    /// <summary>The conversation's members when the case owner was asked.</summary>
    public List<SessionMember> Members { get; set; } = [];

    /// <summary>The facilitator the rotation proposes, when the group is set up.</summary>
    public string? ProposedFacilitator { get; set; }

    /// <summary>The rotation's "on turn" mark (a format with the name), when it proposes anyone.</summary>
    public string? OnTurn { get; set; }

    public string? Owner { get; set; }

    public string? Facilitator { get; set; }

    /// <summary>Who takes part: the ticked members, the case owner and the facilitator.</summary>
    public List<string> Present { get; set; } = [];

    /// <summary>The one or two participants the case owner chose to ask in the question steps; empty when everyone asks.</summary>
    public List<string> Askers { get; set; } = [];

    /// <summary>The meeting the session belongs to, once known (null: the group is not set up).</summary>
    public SessionMeeting? Meeting { get; set; }

    /// <summary>The question about the meeting, when the plan could not tell.</summary>
    public MeetingQuestion? MeetingQuestion { get; set; }
}

namespace IntervisieBot.Domain.Groups;

/// <summary>Who brings the case and who facilitates at a coming meeting, as the rotation sees it now.</summary>
public sealed record MeetingRoles(Meeting Meeting, Member? CaseOwner, Member? Facilitator, IReadOnlyList<Member> Absent);

using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Groups;

/// <summary>A member as set-up keeps them: a candidate to choose (no status), or one of the draft's members.</summary>
public sealed record DraftMember(string Id, string Name, MemberStatus? Status = null)
{
    public Member ToMember() => new(Id, Name, Status ?? MemberStatus.Active);
}

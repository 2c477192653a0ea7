namespace IntervisieBot.Domain.Groups;

/// <summary>A group's roster: who takes part, chosen at set-up or changed one by one.</summary>
public sealed partial class Group
{
    /// <summary>The participants chosen at set-up, in this order; members who stay keep their status.</summary>
    public void ReplaceRoster(IEnumerable<Member> members)
    {
        var chosen = members.Select(m => Roster.Find(m.Id) is { } known ? known with { Name = m.Name } : m).ToList();
        foreach (var member in Roster.Members.ToList())
        {
            Roster.Remove(member.Id);
        }

        foreach (var member in chosen)
        {
            Roster.Add(member);
        }

        CheckFixedFacilitator();
    }

    public bool AddMember(Member member) => Roster.Add(member);

    public bool RemoveMember(string memberId)
    {
        if (!Roster.Remove(memberId))
        {
            return false;
        }

        if (Settings.FixedFacilitator == memberId)
        {
            Settings = Settings with { FacilitatorMode = FacilitatorMode.Rotating, FixedFacilitator = null };
        }

        return true;
    }

    public bool SetStatus(string memberId, MemberStatus status) => Roster.SetStatus(memberId, status);
}

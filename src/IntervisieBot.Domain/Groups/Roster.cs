namespace IntervisieBot.Domain.Groups;

/// <summary>
/// Who takes part, in the order the group gave (the last tie-breaker of the rotation). A member is in it once.
/// </summary>
public sealed class Roster
{
    private readonly List<Member> _members = [];

    public Roster(IEnumerable<Member> members)
    {
        foreach (var member in members)
        {
            if (!Add(member))
            {
                throw new ArgumentException($"The member {member.Id} is in the roster twice.", nameof(members));
            }
        }
    }

    public IReadOnlyList<Member> Members => _members;

    public IEnumerable<Member> Active => _members.Where(m => m.IsActive);

    public int Count => _members.Count;

    public Member? Find(string id) => _members.Find(m => m.Id == id);

    public bool Contains(string id) => _members.Exists(m => m.Id == id);

    public int IndexOf(string id) => _members.FindIndex(m => m.Id == id);

    /// <summary>Adds a member at the end; false when they are already in it.</summary>
    public bool Add(Member member)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(member.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(member.Name);
        if (Contains(member.Id))
        {
            return false;
        }

        _members.Add(member);
        return true;
    }

    public bool Remove(string id) => _members.RemoveAll(m => m.Id == id) > 0;

    /// <summary>Pauses or resumes a member; false when they are not in the roster.</summary>
    public bool SetStatus(string id, MemberStatus status)
    {
        var index = IndexOf(id);
        if (index < 0)
        {
            return false;
        }

        _members[index] = _members[index] with { Status = status };
        return true;
    }
}

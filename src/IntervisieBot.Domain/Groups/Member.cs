namespace IntervisieBot.Domain.Groups;

public enum MemberStatus
{
    Active,

    /// <summary>Takes a break: keeps their history, but is not asked to bring a case or to facilitate.</summary>
    Paused,
}

/// <summary>A participant of the group, by the channel's id for them.</summary>
public sealed record Member(string Id, string Name, MemberStatus Status = MemberStatus.Active)
{
    public bool IsActive => Status == MemberStatus.Active;
}

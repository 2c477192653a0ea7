namespace IntervisieBot.Domain.Sessions;

/// <summary>Someone taking part in a session, by the channel's id for them.</summary>
public sealed record SessionMember(string Id, string Name);

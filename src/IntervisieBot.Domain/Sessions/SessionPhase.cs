namespace IntervisieBot.Domain.Sessions;

/// <summary>
/// Where a session is: the method's steps, then the close in a fixed order (the case owner's insight, their one
/// action, everyone's rating). After the rating the session ends.
/// </summary>
public enum SessionPhase
{
    Steps,
    Insight,
    Action,
    Rating,
}

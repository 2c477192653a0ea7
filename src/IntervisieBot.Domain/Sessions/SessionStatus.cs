namespace IntervisieBot.Domain.Sessions;

public enum SessionStatus
{
    Running,
    Paused,
    Ended,
}

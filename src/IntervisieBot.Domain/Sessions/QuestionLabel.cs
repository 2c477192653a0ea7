namespace IntervisieBot.Domain.Sessions;

/// <summary>How the case owner labels a collected question (the rank interaction).</summary>
public enum QuestionLabel
{
    Helpful,
    Neutral,
    NotHelpful,
}

namespace IntervisieBot.Conversations;

/// <summary>What a typed command (or a button that stands for one) asks for; <see cref="Commands"/> reads it from the words.</summary>
public enum Command
{
    None,
    Help,
    Setup,
    Start,
    Methods,
    Advice,
    Next,
    Back,
    Pause,
    Resume,
    Skip,
    Extend,
    Stop,
    Agreements,
    Schedule,
    Turn,
    Case,
    Absent,
    Report,
    History,
    Calendar,
    Forget,
    Export,
    Evaluation,
}

using IntervisieBot.Domain;
namespace IntervisieBot.Conversations.Methods;

/// <summary>What the method advice (<see cref="AdviceDialog"/>) has gathered: the language, the group's meeting length and the first three answers.</summary>
public sealed class AdviceState
{
    public Language Language { get; set; } = Language.Dutch;

    /// <summary>A <see cref="Domain.Methods.QuestionKind"/> by name.</summary>
    public string? Kind { get; set; }

    public string? Minutes { get; set; }

    /// <summary>The group's meeting length in minutes, when the advice runs in a group that is set up: then the advice does not ask for the time.</summary>
    public int? MeetingMinutes { get; set; }

    /// <summary>"new", "some" or "experienced".</summary>
    public string? Experience { get; set; }
}

using IntervisieBot.Domain;
namespace IntervisieBot.Conversations.Cases;

/// <summary>The answers to the checks of a saved case (<see cref="CaseCheckDialog"/>) and a rewritten question.</summary>
public sealed class CaseCheckState
{
    public Language? Language { get; set; }

    /// <summary>Whether the question is the owner's own; null until answered (or when the check gave up).</summary>
    public bool? Own { get; set; }

    public bool? Current { get; set; }

    public bool? Reflective { get; set; }

    /// <summary>The question as rewritten after the 'why' check; null when it was not rewritten.</summary>
    public string? Question { get; set; }
}

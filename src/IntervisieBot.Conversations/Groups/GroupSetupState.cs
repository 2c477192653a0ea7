using IntervisieBot.Domain;
namespace IntervisieBot.Conversations.Groups;

/// <summary>What <see cref="GroupSetupDialog"/> keeps between questions (version 2 of its state).</summary>
public sealed class GroupSetupState
{
    /// <summary>The questions still to ask, the current one first (see <see cref="GroupSetupDialog.AllFields"/>).</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary>The answers so far; a change of an existing group starts from its settings.</summary>
    public GroupDraft Draft { get; set; } = new();

    /// <summary>Whether the group was set up before (a change: answers can be kept, no default agreements).</summary>
    public bool Existing { get; set; }

    public Language Language { get; set; } = Language.Dutch;

    /// <summary>Wrong answers to the current question.</summary>
    public int Attempts { get; set; }

    /// <summary>The conversation's members when the members question was asked.</summary>
    public List<DraftMember> Candidates { get; set; } = [];
}

namespace IntervisieBot.Conversations.Cases;

/// <summary>What "case" begins <see cref="CasePreparationDialog"/> with: the member's groups to choose from.</summary>
public sealed record CasePreparationOptions(IReadOnlyList<ChosenCaseGroup> Groups);

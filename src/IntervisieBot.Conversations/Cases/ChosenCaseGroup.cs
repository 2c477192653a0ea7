namespace IntervisieBot.Conversations.Cases;

/// <summary>
/// A group a personal chat prepares a case for (a conversation-wide value, see <see cref="CaseGroups"/>); with its
/// name when it is offered as a choice.
/// </summary>
public sealed record ChosenCaseGroup(string Id, string Scope, string? Name = null);

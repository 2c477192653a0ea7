namespace IntervisieBot.Conversations.Cases;

/// <summary>The group a personal chat prepares a case for (a conversation-wide value, see <see cref="CaseGroups"/>).</summary>
public sealed record ChosenCaseGroup(string Id, string Scope);

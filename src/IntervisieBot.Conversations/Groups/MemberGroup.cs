using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Groups;

/// <summary>A group a member is in, as the index knows it: where it is and what it is called.</summary>
public sealed record MemberGroup(ConversationAddress Group, string Name);

using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Groups;

/// <summary>
/// The group has grown past what one row of the Table service holds (<see cref="GroupStore.MaxBytes"/>); the change
/// was not stored, and trying again cannot help: something has to be removed first.
/// </summary>
public sealed class GroupTooLargeException(ConversationAddress group, int bytes)
    : Exception($"The group of conversation {group.ChannelId} would take {bytes} bytes; a group holds at most {GroupStore.MaxBytes}.")
{
    public ConversationAddress Group { get; } = group;

    public int Bytes { get; } = bytes;
}

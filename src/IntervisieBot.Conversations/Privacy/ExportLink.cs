using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>What an export link opens: the group's export, or one member's own prepared cases.</summary>
public abstract record ExportLink
{
    private ExportLink()
    {
    }

    /// <summary>The group's export ("export" in the group).</summary>
    public sealed record Group(ConversationAddress Address) : ExportLink;

    /// <summary>A member's own data ("export" in their personal chat): their prepared cases, in the groups of that chat's adapter, channel and tenant.</summary>
    public sealed record Member(ConversationAddress PersonalChat, string MemberId) : ExportLink;
}

using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Dialogs.Messages;

/// <summary>
/// A conversation's address kept in a row's columns (<c>Adapter</c>, <c>ChannelId</c>, <c>ConversationId</c>,
/// <c>Scope</c>, <c>TenantId</c>), for rows that must find their way back to a conversation: due work, links, references.
/// One writer and one reader, so no store forgets the adapter.
/// </summary>
public static class ConversationAddressColumns
{
    public static void WriteTo(ConversationAddress address, TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(entity);
        entity["Adapter"] = address.Adapter;
        entity["ChannelId"] = address.ChannelId;
        entity["ConversationId"] = address.ConversationId;
        entity["Scope"] = address.Scope.ToString();
        if (address.TenantId is { } tenant)
        {
            entity["TenantId"] = tenant;
        }
    }

    public static ConversationAddress ReadFrom(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new ConversationAddress(
            entity.GetString("Adapter")!,
            entity.GetString("ChannelId")!,
            entity.GetString("ConversationId")!,
            Enum.Parse<ConversationScope>(entity.GetString("Scope")!),
            entity.GetString("TenantId"));
    }
}

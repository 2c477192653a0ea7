using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Dialogs.Tests.Messages;

/// <summary>Storage keys carry the adapter: whatever channel id a caller claims on one adapter, it names none of another's rows.</summary>
public sealed class ConversationAddressTests
{
    [Fact]
    public void Keys_OfTheSameChannelConversationAndTenant_HeardByDifferentAdapters_AreDifferent()
    {
        var slack = new ConversationAddress("slack", "slack", "C0GROUP", ConversationScope.Channel, "T1");
        var forged = new ConversationAddress("bf", "slack", "C0GROUP", ConversationScope.Channel, "T1");

        Assert.NotEqual(slack.Key, forged.Key);
        Assert.NotEqual(slack.TenantKey, forged.TenantKey);
    }

    [Fact]
    public void Keys_CannotBeMadeToCollide_ByPuttingTheSeparatorInAnId()
    {
        var plain = new ConversationAddress("bf", "slack", "x~C0GROUP", ConversationScope.Channel);
        var shifted = new ConversationAddress("bf", "slack~x", "C0GROUP", ConversationScope.Channel);

        Assert.NotEqual(plain.Key, shifted.Key);
        Assert.Equal("bf~slack~x%7EC0GROUP", plain.Key);
    }

    [Fact]
    public void Sibling_StaysInTheSameAdapterChannelAndTenant()
    {
        var group = new ConversationAddress("playground", "playground", "playground-group-1", ConversationScope.GroupChat, "playground");

        var personal = group.Sibling("playground-personal-anna", ConversationScope.Personal);

        Assert.Equal(new ConversationAddress("playground", "playground", "playground-personal-anna", ConversationScope.Personal, "playground"), personal);
    }
}

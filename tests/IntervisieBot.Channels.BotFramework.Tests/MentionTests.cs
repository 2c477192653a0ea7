using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Channels.BotFramework.Tests;

/// <summary>A Teams message tells the bot whether it was addressed: a mention of the bot, or a personal chat.</summary>
public sealed class MentionTests
{
    private static readonly Participant Bot = new("28:bot", "IntervisieBot");

    private static Activity Message(string text, string conversationType, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        From = new ChannelAccount("29:anna", "Anna"),
        Recipient = new ChannelAccount(Bot.Id, Bot.Name),
        Conversation = new ConversationAccount { Id = "19:group", ConversationType = conversationType, TenantId = "t" },
        Text = text,
        Entities = [.. entities],
    };

    [Fact]
    public void AGroupMessage_ThatMentionsTheBot_IsAddressedToIt_WithoutTheMention()
    {
        var turn = ActivityMapper.ToTurn(
            Message("<at>IntervisieBot</at> wat nu?", "groupChat", new Entity { Type = "mention", Text = "<at>IntervisieBot</at>", Mentioned = new ChannelAccount(Bot.Id, Bot.Name) }),
            DateTimeOffset.UnixEpoch, "teams", Bot)!;

        Assert.True(turn.MentionsBot);
        Assert.Equal("wat nu?", turn.Text);
    }

    [Fact]
    public void AGroupMessage_ThatMentionsSomeoneElse_IsNotAddressedToTheBot()
    {
        var turn = ActivityMapper.ToTurn(
            Message("<at>Bram</at> wat vind jij?", "groupChat", new Entity { Type = "mention", Text = "<at>Bram</at>", Mentioned = new ChannelAccount("29:bram", "Bram") }),
            DateTimeOffset.UnixEpoch, "teams", Bot)!;

        Assert.False(turn.MentionsBot);
    }

    [Fact]
    public void APersonalMessage_IsAlwaysAddressedToTheBot()
    {
        Assert.True(ActivityMapper.ToTurn(Message("casus", "personal"), DateTimeOffset.UnixEpoch, "teams", Bot)!.MentionsBot);
    }
}

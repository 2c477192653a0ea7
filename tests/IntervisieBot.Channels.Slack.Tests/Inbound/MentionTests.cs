using System.Text.Json;
using IntervisieBot.Channels.Slack.Inbound;
using IntervisieBot.Channels.Slack.Tests.Fakes;

namespace IntervisieBot.Channels.Slack.Tests.Inbound;

/// <summary>A Slack message tells the bot whether it was addressed: a mention, a direct message, or the slash command.</summary>
public sealed class MentionTests
{
    private static SlackInboundTurn? Map(string json) => SlackTurnMapper.FromEvent(JsonDocument.Parse(json).RootElement, "U0BOT", DateTimeOffset.UnixEpoch);

    [Fact]
    public void AMentionInAChannel_IsAddressedToTheBot()
    {
        var turn = Map(SlackRequests.MessageEvent("Ev1", "app_mention", "U0ANNA", "C0GROUP", "<@U0BOT> wat nu?", "1.1"))!.Turn;

        Assert.True(turn.MentionsBot);
        Assert.Equal("wat nu?", turn.Text);
    }

    [Fact]
    public void ADirectMessage_IsAddressedToTheBot()
    {
        Assert.True(Map(SlackRequests.MessageEvent("Ev2", "message", "U0ANNA", "D0ANNA", "casus", "1.2", channelType: "im"))!.Turn.MentionsBot);
    }

    [Fact]
    public void ChannelChat_WithoutAMention_NeverReachesTheBot()
    {
        Assert.Null(Map(SlackRequests.MessageEvent("Ev3", "message", "U0ANNA", "C0GROUP", "wat vinden jullie?", "1.3")));
    }
}

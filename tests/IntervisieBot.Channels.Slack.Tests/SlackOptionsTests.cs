using System.Security.Cryptography;

namespace IntervisieBot.Channels.Slack.Tests;

public sealed class SlackOptionsTests
{
    private static List<string> Failures(SlackOptions options) =>
        new SlackOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void NoSlackSettings_IsValid_TheChannelIsOff()
    {
        Assert.Empty(Failures(new SlackOptions()));
        Assert.False(new SlackOptions().Enabled);
    }

    [Fact]
    public void OneWorkspace_NeedsTheSigningSecretAndABotToken()
    {
        Assert.Empty(Failures(new SlackOptions { SigningSecret = "s", BotToken = "xoxb-1" }));
        Assert.Contains(Failures(new SlackOptions { SigningSecret = "s", BotToken = "xoxp-user-token" }), f => f.Contains("Slack:BotToken", StringComparison.Ordinal));
    }

    [Fact]
    public void SeveralWorkspaces_NeedTheClientSecretAndA32ByteKey()
    {
        var failures = Failures(new SlackOptions { SigningSecret = "s", ClientId = "1.2", TokenEncryptionKey = "short" });

        Assert.Contains(failures, f => f.Contains("Slack:ClientSecret", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Slack:TokenEncryptionKey", StringComparison.Ordinal));
        Assert.Empty(Failures(new SlackOptions { SigningSecret = "s", ClientId = "1.2", ClientSecret = "c", TokenEncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }));
    }

    [Theory]
    [InlineData("http://slack.example.com/api/")]
    [InlineData("not a url")]
    public void TheWebApiAddress_MustBeHttpsExceptOnThisMachine(string url)
    {
        Assert.Contains(Failures(new SlackOptions { SigningSecret = "s", BotToken = "xoxb-1", ApiBaseUrl = url }), f => f.Contains("Slack:ApiBaseUrl", StringComparison.Ordinal));
        Assert.Empty(Failures(new SlackOptions { SigningSecret = "s", BotToken = "xoxb-1", ApiBaseUrl = "http://127.0.0.1:5000/api/" }));
    }
}

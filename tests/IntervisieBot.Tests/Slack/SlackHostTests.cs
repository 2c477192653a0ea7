using System.Net;
using System.Text;
using IntervisieBot.Channels.BotFramework;
using IntervisieBot.Channels.Slack;
using IntervisieBot.Conversations;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Testing;
using IntervisieBot.Tests.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Tests.Slack;

/// <summary>The host with and without Slack settings.</summary>
public sealed class SlackHostTests
{
    private static readonly ConversationAddress SlackGroup = SlackMessenger.Address("C123", ConversationScope.Channel, "T123");
    private static readonly ConversationAddress TeamsGroup = new(BotFrameworkAdapter.Name, "msteams", "19:abc@thread.v2", ConversationScope.GroupChat, "tenant");

    [Theory]
    [InlineData("/api/slack/events")]
    [InlineData("/api/slack/interactions")]
    [InlineData("/api/slack/commands")]
    public async Task WithoutSlackSettings_TheHostStarts_AndSlacksAddressesAreNotThere(string path)
    {
        await using var bot = new BotFactory();
        using var client = bot.CreateClient();

        using var response = await client.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(bot.Services.GetServices<IChannelMessenger>(), m => m.Handles(SlackGroup));
    }

    [Fact]
    public async Task WithSlackSettings_SlackIsOneOfTheChannelsTheBotWritesTo_AndTeamsStillIsToo()
    {
        await using var bot = new BotFactory().With("Slack:SigningSecret", "secret").With("Slack:BotToken", "xoxb-1");
        using var client = bot.CreateClient();

        var messengers = bot.Services.GetServices<IChannelMessenger>().ToList();

        Assert.Single(messengers, m => m.Handles(SlackGroup));
        Assert.Single(messengers, m => m.Handles(TeamsGroup));
    }

    [Theory]
    [InlineData("Slack:BotToken", "xoxb-1", "Slack:SigningSecret")]
    [InlineData("Slack:SigningSecret", "secret", "Slack:BotToken")]
    public async Task Startup_WithIncompleteSlackSettings_StopsNamingTheMissingKey(string key, string value, string named)
    {
        using var folder = new TempDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddRepositorySettings();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = folder.File("bot.db"), ["Privacy:LocalKeyPath"] = folder.File("keys"), [key] = value });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddIntervisieBot();
        await using var app = builder.Build();
        app.MapIntervisieBot();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(SlackOptions), error.OptionsType);
    }
}

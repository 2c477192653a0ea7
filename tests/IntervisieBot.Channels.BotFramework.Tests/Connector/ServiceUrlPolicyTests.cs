using IntervisieBot.Channels.BotFramework.Connector;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.BotFramework.Tests.Connector;

public sealed class ServiceUrlPolicyTests
{
    private static readonly ServiceUrlPolicy Policy = new(Options.Create(Configured("127.0.0.1", "localhost", "*.fake.example", "connector.example")));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://SMBA.TrafficManager.net/amer/")]
    [InlineData("https://europe.webchat.botframework.com/")]
    [InlineData("https://canary.teams.microsoft.com/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/")]
    [InlineData("http://127.0.0.1:5123/")]
    [InlineData("http://localhost:3978/")]
    [InlineData("https://a.fake.example/")]
    [InlineData("https://connector.example/")]
    public void Allows_BotFrameworkAndTeamsHostsOverHttps_AndConfiguredHosts(string serviceUrl) =>
        Assert.True(Policy.IsAllowed(new Uri(serviceUrl)));

    [Theory]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("https://teams.microsoft.com.evil.example/")]
    [InlineData("https://smba.trafficmanager.net@evil.example/")]
    [InlineData("https://user@smba.trafficmanager.net/")]
    [InlineData("https://127.0.0.2/")]
    [InlineData("http://connector.example/")]
    [InlineData("http://a.fake.example/")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("file:///etc/passwd")]
    public void Refuses_OtherHosts_PlainHttpBeyondLoopback_AndCredentialsInTheUrl(string serviceUrl) =>
        Assert.False(Policy.IsAllowed(new Uri(serviceUrl)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/v3/conversations")]
    [InlineData("not a url")]
    public void Validate_RefusesWhatIsNotAnAbsoluteUrl(string? serviceUrl) =>
        Assert.Throws<ServiceUrlNotAllowedException>(() => Policy.Validate(serviceUrl));

    [Fact]
    public void WithNothingConfigured_LocalHostsAreRefused()
    {
        var policy = new ServiceUrlPolicy(Options.Create(new BotFrameworkOptions()));

        Assert.False(policy.IsAllowed(new Uri("http://127.0.0.1:3978/")));
        Assert.False(policy.IsAllowed(new Uri("http://localhost:3978/")));
    }

    private static BotFrameworkOptions Configured(params string[] hosts)
    {
        var options = new BotFrameworkOptions();
        foreach (var host in hosts)
        {
            options.AllowedServiceUrlHosts.Add(host);
        }

        return options;
    }
}

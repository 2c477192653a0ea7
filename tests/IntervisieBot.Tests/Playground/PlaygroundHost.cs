using System.Net;
using IntervisieBot.Dialogs;
using IntervisieBot.Playground;
using IntervisieBot.Tests.Host;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.Playground;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 and a free port, in this process, with the playground on: the bot's connector
/// calls the playground channel over real HTTP, as it does under <c>dotnet run</c>, and a browser can open the page.
/// <see cref="Http"/> carries the playground's cookie, as the page's own requests do.
/// </summary>
public sealed class PlaygroundHost : IAsyncDisposable
{
    private PlaygroundHost(BotFactory factory, Uri address)
    {
        Factory = factory;
        Address = address;
        var cookies = new CookieContainer();
        cookies.Add(address, new Cookie("intervisiebot-playground", Secret));
        Http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = address };
    }

    public BotFactory Factory { get; }

    /// <summary>Where the page is, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>This run's playground secret.</summary>
    public string Secret => Factory.Services.GetRequiredService<PlaygroundSecret>().Value;

    /// <summary>The address the start-up log prints: the page with this run's key.</summary>
    public string PageUrl => $"{Address.AbsoluteUri}?key={Uri.EscapeDataString(Secret)}";

    public string ServiceUrl => new Uri(Address, "/playground/connector/").AbsoluteUri;

    public PlaygroundChannel Channel => Factory.Services.GetRequiredService<PlaygroundChannel>();

    /// <summary>Starts the host; <paramref name="services"/> adds to or replaces its services.</summary>
    public static PlaygroundHost Start(Action<IServiceCollection>? services = null)
    {
        var factory = new BotFactory().With("Playground:Enabled", "true").WithServices(services ?? (_ => { }));
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var listening = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new PlaygroundHost(factory, new Uri(listening.TrimEnd('/') + "/"));
    }

    /// <summary>Completes when every turn the bot accepted has been answered.</summary>
    public Task WhenBotIdleAsync() => Factory.Services.GetRequiredService<ConversationWorkQueue>().WhenIdleAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Factory.DisposeAsync();
    }
}

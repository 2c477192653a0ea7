using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntervisieBot.Tests.Playground;

/// <summary>
/// The playground host and one Chromium page on it, as a Dutch member sees it (1280×860, reduced motion), with every
/// page error and console error kept in <see cref="Errors"/>; each wait is bounded by <see cref="Timeout"/>.
/// </summary>
public sealed class PlaygroundPage : IAsyncDisposable
{
    public const float Timeout = 20_000;

    private PlaygroundPage(PlaygroundHost host, IBrowserContext context, IPage page)
    {
        Host = host;
        Context = context;
        Page = page;
    }

    public PlaygroundHost Host { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Errors the page reported (uncaught, or written to the console as errors).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Starts the host (<paramref name="services"/> adds to or replaces its services) and opens a page context in Chromium.</summary>
    public static async Task<PlaygroundPage> StartAsync(ChromiumFixture chromium, Action<IServiceCollection>? services = null)
    {
        SetDefaultExpectTimeout(Timeout);
        var host = PlaygroundHost.Start(services);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            Locale = "nl-NL",
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(Timeout);
        var opened = new PlaygroundPage(host, context, await context.NewPageAsync());
        opened.Page.PageError += (_, error) => opened.Errors.Add(error);
        opened.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                opened.Errors.Add(message.Text);
            }
        };
        return opened;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Host.DisposeAsync();
    }
}

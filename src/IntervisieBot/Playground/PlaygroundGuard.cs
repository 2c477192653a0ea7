using IntervisieBot.Channels.BotFramework;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Playground;

/// <summary>
/// The playground is for one developer on their own machine. It is there only when <c>Playground:Enabled</c> (by
/// default only in Development), only for requests from this machine (a loopback peer, no proxy), and only for a
/// caller that presents this run's <see cref="PlaygroundSecret"/>: the page as a cookie (set when the address from
/// the start-up log, <c>/?key=…</c>, is opened), the bot's connector as its bearer token. Anything else gets 404, as if
/// there were no playground. Host and forwarding headers are never trusted: a web page that reaches the port through
/// DNS rebinding has no cookie of this site.
/// </summary>
internal sealed class PlaygroundGuard(IOptions<PlaygroundOptions> options, IHostEnvironment environment, PlaygroundSecret secret) : IEndpointFilter
{
    public const string CookieName = "intervisiebot-playground";
    public const string KeyParameter = "key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!options.Value.IsEnabled(environment) || !ThisMachine.IsCaller(http))
        {
            return ValueTask.FromResult<object?>(Results.NotFound());
        }

        if (secret.Matches(Bearer(http.Request)) || secret.Matches(http.Request.Cookies[CookieName]))
        {
            return next(context);
        }

        // Only the page's own address takes the key, once, and swaps it for a cookie the page's scripts cannot read.
        if (http.Request.Path == "/" && secret.Matches(http.Request.Query[KeyParameter].ToString()))
        {
            http.Response.Cookies.Append(CookieName, secret.Value, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                Path = "/",
                IsEssential = true,
            });
            return next(context);
        }

        return ValueTask.FromResult<object?>(Results.NotFound());
    }

    private static string? Bearer(HttpRequest request)
    {
        const string Scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }
}

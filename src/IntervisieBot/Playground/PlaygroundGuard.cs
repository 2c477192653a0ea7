using System.Net;
using IntervisieBot.Channels.BotFramework;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Playground;

/// <summary>
/// The playground is for one developer on their own machine. It exists only while no <c>MicrosoftAppId</c> is set
/// (a bot that Azure can reach has none of it: 404), and it answers only requests that come from this machine and
/// name it: the peer is a loopback address, no proxy forwarded the request, and the Host header is a loopback name
/// (which stops a web page from reaching it through DNS rebinding).
/// </summary>
internal sealed class PlaygroundGuard(IOptions<BotFrameworkOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (options.Value.AuthenticationEnabled)
        {
            return ValueTask.FromResult<object?>(Results.NotFound());
        }

        if (!IsLocal(context.HttpContext))
        {
            return ValueTask.FromResult<object?>(Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "The playground answers only on this machine.",
                detail: "Open it as http://localhost with the host's port, from the machine the bot runs on."));
        }

        return next(context);
    }

    public static bool IsLocal(HttpContext context)
    {
        var request = context.Request;
        return context.Connection.RemoteIpAddress is { } peer && IPAddress.IsLoopback(peer)
            && !request.Headers.ContainsKey("Forwarded") && !request.Headers.ContainsKey("X-Forwarded-For")
            && IsLoopbackName(request.Host.Host);
    }

    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

using System.Net;
using Microsoft.AspNetCore.Http;

namespace IntervisieBot.Channels.BotFramework;

/// <summary>
/// What "this machine only" means, for authentication off and for the playground: the connection's peer is a loopback
/// address and no proxy forwarded the request. Host and forwarding headers are written by the caller, so they can
/// only make a request look less local, never more.
/// </summary>
public static class ThisMachine
{
    public static bool IsCaller(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Request.Headers;
        return context.Connection.RemoteIpAddress is { } peer && IsLoopback(peer)
            && !headers.ContainsKey("Forwarded") && !headers.ContainsKey("X-Forwarded-For");
    }

    /// <summary>Whether a server listening at <paramref name="address"/> (as Kestrel reports it) can be reached from this machine only.</summary>
    public static bool IsLoopbackBinding(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.Host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IsLoopback(ip));
    }

    private static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}

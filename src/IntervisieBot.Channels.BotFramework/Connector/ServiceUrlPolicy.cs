using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.BotFramework.Connector;

/// <summary>
/// Decides which service URLs may receive the bot's token. A forged or misconfigured activity could name any URL as
/// its <c>serviceUrl</c>; only the Bot Framework's and Teams' hosts (over https) and the hosts configured in
/// <c>BotFramework:AllowedServiceUrlHosts</c> (for local fakes and the playground) pass. Plain http is accepted only
/// for a configured host that is a loopback address, so a token never crosses a network in clear text.
/// </summary>
public sealed class ServiceUrlPolicy
{
    /// <summary>Suffixes match sub-domains only ("*.botframework.com"); exact names match themselves.</summary>
    private static readonly string[] BuiltInSuffixes = [".botframework.com", ".teams.microsoft.com", ".teams.microsoft.us"];
    private static readonly string[] BuiltInHosts = ["smba.trafficmanager.net"];

    private readonly string[] _configuredHosts;

    public ServiceUrlPolicy(IOptions<BotFrameworkOptions> options)
    {
        _configuredHosts = options.Value.AllowedServiceUrlHosts
            .Where(h => !string.IsNullOrWhiteSpace(h))
            .Select(h => h.Trim().ToLowerInvariant())
            .ToArray();
    }

    public bool IsAllowed(Uri serviceUrl)
    {
        if (!serviceUrl.IsAbsoluteUri || !string.IsNullOrEmpty(serviceUrl.UserInfo))
        {
            return false;
        }

        var host = serviceUrl.IdnHost.ToLowerInvariant();
        var https = serviceUrl.Scheme == Uri.UriSchemeHttps;
        if (IsBuiltIn(host))
        {
            return https;
        }

        return _configuredHosts.Any(pattern => Matches(host, pattern))
            && (https || (serviceUrl.Scheme == Uri.UriSchemeHttp && serviceUrl.IsLoopback));
    }

    /// <summary>The parsed URL, or <see cref="ServiceUrlNotAllowedException"/> before anything is sent.</summary>
    public Uri Validate(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !IsAllowed(uri))
        {
            throw new ServiceUrlNotAllowedException(serviceUrl);
        }

        return uri;
    }

    private static bool IsBuiltIn(string host) =>
        BuiltInHosts.Contains(host, StringComparer.Ordinal) || BuiltInSuffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal));

    private static bool Matches(string host, string pattern) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.Ordinal)
            : string.Equals(host, pattern, StringComparison.Ordinal);
}

/// <summary>A connector call named a service URL that may not receive the bot's token; nothing was sent.</summary>
public sealed class ServiceUrlNotAllowedException(string? serviceUrl)
    : Exception($"Service URL host '{HostOf(serviceUrl)}' is not allowed; add it to BotFramework:AllowedServiceUrlHosts if it is a local fake.")
{
    private static string HostOf(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) ? uri.Scheme + "://" + uri.Authority : "(not an absolute URL)";
}

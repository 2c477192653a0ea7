using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;

namespace IntervisieBot.Storage.AzureTables;

/// <summary>Adds credentials to a request that is otherwise complete (headers set, x-ms-date included).</summary>
internal interface IRequestAuthorizer
{
    ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}

/// <summary>Shared Key and Shared Key Lite as the Table service defines them (not the Blob/Queue variants).</summary>
internal sealed class SharedKeyAuthorizer(string accountName, byte[] accountKey, SharedKeyScheme scheme) : IRequestAuthorizer
{
    public ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var stringToSign = StringToSign(request, accountName, scheme);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme.ToString(), $"{accountName}:{signature}");
        return ValueTask.CompletedTask;
    }

    internal static string StringToSign(HttpRequestMessage request, string accountName, SharedKeyScheme scheme)
    {
        var date = request.Headers.TryGetValues(TableHeaders.Date, out var dates) ? dates.Single() : "";
        var resource = CanonicalizedResource(request.RequestUri!, accountName);
        if (scheme == SharedKeyScheme.SharedKeyLite)
        {
            return date + "\n" + resource;
        }

        var headers = request.Content?.Headers;
        var contentMd5 = headers?.ContentMD5 is { } md5 ? Convert.ToBase64String(md5) : "";
        var contentType = headers?.ContentType?.ToString() ?? "";
        return string.Join('\n', request.Method.Method.ToUpperInvariant(), contentMd5, contentType, date, resource);
    }

    /// <summary>
    /// "/" + account + the path exactly as sent (still percent-encoded); the query counts only for <c>comp</c>.
    /// With the emulator's path-style address the account appears twice, and that is what it expects.
    /// </summary>
    internal static string CanonicalizedResource(Uri uri, string accountName)
    {
        var resource = "/" + accountName + uri.AbsolutePath;
        var comp = uri.Query.TrimStart('?').Split('&')
            .FirstOrDefault(p => p.StartsWith("comp=", StringComparison.OrdinalIgnoreCase));
        return comp is null ? resource : resource + "?comp=" + Uri.UnescapeDataString(comp[5..]);
    }
}

/// <summary>A shared access signature is a credential in the query: appended to every address, never signed by us.</summary>
internal sealed class SharedAccessSignatureAuthorizer(string sharedAccessSignature) : IRequestAuthorizer
{
    public ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!.AbsoluteUri;
        request.RequestUri = new Uri(uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + sharedAccessSignature);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Entra ID (a managed identity, a developer's login, ...): a bearer token for Azure Storage, kept until shortly
/// before it expires so that a busy bot asks the identity endpoint a few times an hour, not on every request.
/// </summary>
internal sealed class BearerTokenAuthorizer(TokenCredential credential, TimeProvider timeProvider) : IRequestAuthorizer
{
    internal const string Scope = "https://storage.azure.com/.default";

    // Refresh this long before expiry, so a token never runs out between being attached and being checked.
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private CachedToken? _token;
    private Task<CachedToken>? _fetching;

    public async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        Task<CachedToken> fetching;
        lock (_gate)
        {
            if (_token is { } cached && timeProvider.GetUtcNow() < cached.RefreshAt)
            {
                return cached.Token;
            }

            // Concurrent callers share one fetch instead of each asking for a token; a finished one (failed, or
            // with a token that is already stale) is not reused.
            if (_fetching is not { IsCompleted: false })
            {
                _fetching = FetchAsync();
            }

            fetching = _fetching;
        }

        return (await fetching.WaitAsync(cancellationToken)).Token;
    }

    private async Task<CachedToken> FetchAsync()
    {
        // Not the caller's token: other callers wait on this fetch too, and one giving up must not fail the rest.
        var token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), CancellationToken.None);
        var refreshAt = token.ExpiresOn - RefreshMargin;
        if (token.RefreshOn is { } suggested && suggested < refreshAt)
        {
            refreshAt = suggested;
        }

        var fresh = new CachedToken(token.Token, refreshAt);
        lock (_gate)
        {
            _token = fresh;
        }

        return fresh;
    }

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt);
}

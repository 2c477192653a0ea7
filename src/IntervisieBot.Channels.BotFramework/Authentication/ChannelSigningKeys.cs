using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace IntervisieBot.Channels.BotFramework.Authentication;

/// <summary>A key the channel signs tokens with, and the channel ids it may sign for.</summary>
internal sealed record ChannelSigningKey(JsonWebKey Key, FrozenSet<string> Endorsements);

/// <summary>
/// The channel's signing keys from the OpenID metadata document and its <c>jwks_uri</c>, cached. Fetched on first use,
/// again when older than the refresh interval, and again when a token names a key we do not know (rotation). Fetches
/// are rate-limited and shared by concurrent callers; a failed fetch keeps the keys we had.
/// </summary>
internal sealed class ChannelSigningKeys(
    HttpClient httpClient,
    Uri metadataUrl,
    TimeSpan refreshInterval,
    TimeProvider timeProvider,
    ILogger logger)
{
    /// <summary>
    /// An unknown key id is more often a forged or foreign token than a rotation, so it may not make us fetch more
    /// often than this.
    /// </summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>Without any keys every activity is refused, so recovering soon matters more than sparing the endpoint.</summary>
    public static readonly TimeSpan RetryIntervalWithoutKeys = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private volatile KeySet? _keys;
    private DateTimeOffset? _lastAttempt;
    private Task? _refresh;

    /// <summary>
    /// The key with this id, or null. <c>KeysAvailable</c> is false when no keys could ever be fetched, so the caller
    /// can say why it refuses.
    /// </summary>
    public async Task<(ChannelSigningKey? Key, bool KeysAvailable)> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = _keys;
        if (keys is null || IsStale(keys) || !keys.ByKeyId.ContainsKey(keyId))
        {
            await RefreshIfAllowedAsync(keyId, cancellationToken);
            keys = _keys;
        }

        if (keys is null)
        {
            return (null, false);
        }

        return (keys.ByKeyId.GetValueOrDefault(keyId), true);
    }

    private bool IsStale(KeySet keys) => timeProvider.GetUtcNow() - keys.FetchedAt >= refreshInterval;

    private Task RefreshIfAllowedAsync(string keyId, CancellationToken cancellationToken)
    {
        Task refresh;
        lock (_gate)
        {
            var keys = _keys;
            var now = timeProvider.GetUtcNow();
            if (_refresh is { IsCompleted: false })
            {
                refresh = _refresh; // join the fetch already under way
            }
            else if (keys is not null && !IsStale(keys) && keys.ByKeyId.ContainsKey(keyId))
            {
                return Task.CompletedTask; // another caller fetched it meanwhile
            }
            else if (_lastAttempt is { } last && now - last < (keys is null ? RetryIntervalWithoutKeys : MinimumRefreshInterval))
            {
                return Task.CompletedTask;
            }
            else
            {
                _lastAttempt = now;
                // Started outside the lock; one caller's cancellation must not cancel the fetch the others wait for.
                refresh = _refresh = Task.Run(() => RefreshAsync(now), CancellationToken.None);
            }
        }

        return refresh.WaitAsync(cancellationToken);
    }

    // Never throws: an unreachable or broken endpoint means "no new keys", reported by the log.
    private async Task RefreshAsync(DateTimeOffset startedAt)
    {
        try
        {
            var keys = await FetchAsync(startedAt);
            _keys = keys;
            logger.LogInformation(
                "Fetched {KeyCount} Bot Framework signing keys from {MetadataUrl}.", keys.ByKeyId.Count, metadataUrl);
        }
#pragma warning disable CA1031 // Whatever goes wrong fetching keys, requests get a 503 and the process keeps running.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var kept = _keys;
            logger.LogError(
                e,
                "Could not fetch the Bot Framework signing keys from {MetadataUrl}; {Consequence}.",
                metadataUrl,
                kept is null ? "activities are refused until a fetch succeeds" : $"keeping the keys fetched at {kept.FetchedAt:O}");
        }
    }

    private async Task<KeySet> FetchAsync(DateTimeOffset fetchedAt)
    {
        Uri jwksUri;
        using (var metadata = await GetJsonAsync(metadataUrl))
        {
            jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var value) && value.ValueKind == JsonValueKind.String
                && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri)
                    ? uri
                    : throw new InvalidDataException("The OpenID metadata has no absolute jwks_uri.");
        }

        // Keys fetched over plain http could be swapped by anyone on the path; only a test or local metadata URL may use it.
        if (jwksUri.Scheme != Uri.UriSchemeHttps && (jwksUri.Scheme != Uri.UriSchemeHttp || metadataUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidDataException($"The OpenID metadata's jwks_uri must be https, not {jwksUri.Scheme}.");
        }

        using var jwks = await GetJsonAsync(jwksUri);
        var byKeyId = new Dictionary<string, ChannelSigningKey>(StringComparer.Ordinal);
        if (jwks.RootElement.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in keys.EnumerateArray())
            {
                if (ReadKey(element) is { } key)
                {
                    byKeyId.TryAdd(key.Key.Kid, key);
                }
            }
        }

        // An empty set would refuse every activity; keeping the previous keys is the safer reading of a broken document.
        return byKeyId.Count == 0
            ? throw new InvalidDataException("The JWKS lists no RSA keys with a key id.")
            : new KeySet(byKeyId.ToFrozenDictionary(StringComparer.Ordinal), fetchedAt);
    }

    private static ChannelSigningKey? ReadKey(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var key = JsonWebKey.Create(element.GetRawText());
        if (string.IsNullOrEmpty(key.Kid) || key.Kty != JsonWebAlgorithmsKeyTypes.RSA)
        {
            return null;
        }

        var endorsements = element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)
            : [];
        return new ChannelSigningKey(key, endorsements.ToFrozenSet(StringComparer.Ordinal));
    }

    private async Task<JsonDocument> GetJsonAsync(Uri uri)
    {
        using var response = await httpClient.GetAsync(uri);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {uri} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        await using var body = await response.Content.ReadAsStreamAsync();
        return await JsonDocument.ParseAsync(body);
    }

    private sealed record KeySet(FrozenDictionary<string, ChannelSigningKey> ByKeyId, DateTimeOffset FetchedAt);
}

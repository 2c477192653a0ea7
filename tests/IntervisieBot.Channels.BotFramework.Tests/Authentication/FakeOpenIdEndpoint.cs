using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IntervisieBot.Channels.BotFramework.Tests.Authentication;

/// <summary>
/// Stands in for login.botframework.com: the OpenID metadata document and the JWKS it points to, served by Kestrel on
/// 127.0.0.1. Counts every request, and can be switched to answer 503.
/// </summary>
public sealed class FakeOpenIdEndpoint : IAsyncDisposable
{
    private const string MetadataPath = "/v1/.well-known/openidconfiguration";
    private const string KeysPath = "/v1/keys";

    private readonly WebApplication _app;
    private volatile ChannelKey[] _keys;
    private volatile bool _available = true;
    private int _requests;

    private FakeOpenIdEndpoint(ChannelKey[] keys)
    {
        _keys = keys;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref _requests);
            if (!_available)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            await next(context);
        });
        _app.MapGet(MetadataPath, (HttpRequest request) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}{KeysPath}",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        _app.MapGet(KeysPath, () => Results.Json(new { keys = _keys.Select(k => k.ToJwk()) }));
    }

    public string MetadataUrl => $"{_app.Urls.Single()}{MetadataPath}";

    /// <summary>Requests for the metadata and for the keys together: a full fetch is two.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public bool Available
    {
        get => _available;
        set => _available = value;
    }

    public static async Task<FakeOpenIdEndpoint> StartAsync(params ChannelKey[] keys)
    {
        var endpoint = new FakeOpenIdEndpoint(keys);
        await endpoint._app.StartAsync();
        return endpoint;
    }

    /// <summary>Replaces the published keys, as the channel does when it rotates them.</summary>
    public void Publish(params ChannelKey[] keys) => _keys = keys;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

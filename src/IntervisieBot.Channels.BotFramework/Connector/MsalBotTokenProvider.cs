using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace IntervisieBot.Channels.BotFramework.Connector;

/// <summary>
/// Outbound tokens from Microsoft Entra ID through MSAL: client credentials or a user-assigned managed identity.
/// One MSAL application per process, so MSAL's in-memory token cache serves every call until shortly before expiry.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly Func<CancellationToken, Task<AuthenticationResult>>? _acquire;

    public MsalBotTokenProvider(IOptions<BotFrameworkOptions> options, IMsalHttpClientFactory? httpClientFactory = null)
    {
        Credential = BotCredential.From(options.Value);
        _acquire = Credential.Kind switch
        {
            BotCredentialKind.ClientSecret => ForClientSecret(Credential, options.Value.MicrosoftAppPassword, httpClientFactory),
            BotCredentialKind.ManagedIdentity => ForManagedIdentity(Credential, httpClientFactory),
            _ => null,
        };
    }

    public BotCredential Credential { get; }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_acquire is null)
        {
            return null;
        }

        var result = await _acquire(cancellationToken);
        return result.AccessToken;
    }

    private static Func<CancellationToken, Task<AuthenticationResult>> ForClientSecret(
        BotCredential credential, string? secret, IMsalHttpClientFactory? httpClientFactory)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new InvalidOperationException("MicrosoftAppPassword is required for a SingleTenant or MultiTenant bot.");
        }

        var builder = ConfidentialClientApplicationBuilder.Create(credential.ClientId)
            .WithClientSecret(secret)
            .WithAuthority(credential.Authority);
        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory);
        }

        var app = builder.Build();
        string[] scopes = [credential.Scope];
        return cancellationToken => app.AcquireTokenForClient(scopes).ExecuteAsync(cancellationToken);
    }

    private static Func<CancellationToken, Task<AuthenticationResult>> ForManagedIdentity(
        BotCredential credential, IMsalHttpClientFactory? httpClientFactory)
    {
        var builder = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(credential.ClientId));
        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory);
        }

        var app = builder.Build();
        return cancellationToken => app.AcquireTokenForManagedIdentity(credential.Resource).ExecuteAsync(cancellationToken);
    }
}

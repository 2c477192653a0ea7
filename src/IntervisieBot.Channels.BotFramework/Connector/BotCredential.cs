namespace IntervisieBot.Channels.BotFramework.Connector;

public enum BotCredentialKind
{
    /// <summary>No app id: no token is sent (local development).</summary>
    None,

    /// <summary>The app id and its secret (<c>SingleTenant</c> or <c>MultiTenant</c>).</summary>
    ClientSecret,

    /// <summary>A user-assigned managed identity whose client id is the app id (<c>UserAssignedMSI</c>).</summary>
    ManagedIdentity,
}

/// <summary>How the bot gets its outbound tokens, chosen from the Azure Bot settings.</summary>
public sealed record BotCredential(BotCredentialKind Kind, string? ClientId, string? Authority, string Scope)
{
    public const string SingleTenant = "SingleTenant";
    public const string MultiTenant = "MultiTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";

    /// <summary>Legacy multi-tenant bots get their tokens from the Bot Framework's own tenant.</summary>
    public const string MultiTenantAuthorityTenant = "botframework.com";

    /// <summary>Managed identity asks for a resource, not a scope: the scope without <c>/.default</c>.</summary>
    public string Resource => Scope.EndsWith("/.default", StringComparison.Ordinal) ? Scope[..^"/.default".Length] : Scope;

    /// <summary>Throws <see cref="InvalidOperationException"/> when the settings do not name a usable credential.</summary>
    public static BotCredential From(BotFrameworkOptions options)
    {
        if (!options.AuthenticationEnabled)
        {
            return new BotCredential(BotCredentialKind.None, null, null, options.OAuthScope);
        }

        var appId = options.MicrosoftAppId!.Trim();
        var host = options.OAuthAuthorityHost.TrimEnd('/');
        return options.MicrosoftAppType switch
        {
            var t when Is(t, SingleTenant) => new BotCredential(
                BotCredentialKind.ClientSecret, appId, host + "/" + Required(options.MicrosoftAppTenantId, "MicrosoftAppTenantId"), options.OAuthScope),
            var t when Is(t, MultiTenant) => new BotCredential(
                BotCredentialKind.ClientSecret, appId, host + "/" + MultiTenantAuthorityTenant, options.OAuthScope),
            var t when Is(t, UserAssignedMsi) => new BotCredential(BotCredentialKind.ManagedIdentity, appId, null, options.OAuthScope),
            var t => throw new InvalidOperationException(
                $"MicrosoftAppType '{t}' is not one of {SingleTenant}, {MultiTenant}, {UserAssignedMsi}."),
        };
    }

    private static bool Is(string? value, string type) => string.Equals(value?.Trim(), type, StringComparison.OrdinalIgnoreCase);

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"{name} is required for a single-tenant bot.") : value.Trim();
}

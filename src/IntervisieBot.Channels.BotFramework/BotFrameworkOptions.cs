namespace IntervisieBot.Channels.BotFramework;

/// <summary>
/// The Azure Bot settings, under the names Azure Bot Service templates use (top-level keys), plus our own
/// <c>BotFramework:*</c> keys. With no <see cref="MicrosoftAppId"/>, authentication is off (local development only).
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary><c>SingleTenant</c> (default, the only kind Azure creates now), <c>MultiTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string MicrosoftAppType { get; set; } = "SingleTenant";

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary><c>BotFramework:OpenIdMetadataUrl</c>: where the channel's signing keys are published.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>
    /// <c>BotFramework:OpenIdMetadataRefreshInterval</c>: how old the cached signing keys may grow before they are
    /// fetched again. The channel rotates keys without notice, so at most a day.
    /// </summary>
    public TimeSpan OpenIdMetadataRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary><c>BotFramework:AllowedServiceUrlHosts</c>: hosts besides the Bot Framework and Teams ones that may receive tokens (local use).</summary>
    public IList<string> AllowedServiceUrlHosts { get; } = [];

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}

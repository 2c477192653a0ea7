namespace IntervisieBot.Channels.BotFramework;

/// <summary>
/// The Azure Bot settings, under the names Azure Bot Service templates use (top-level keys), plus our own
/// <c>BotFramework:*</c> keys. With no <see cref="MicrosoftAppId"/>, authentication is off: only for this machine (start-up
/// refuses it on any other binding outside Development, and callers from elsewhere get 401).
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public const string DefaultOAuthAuthorityHost = "https://login.microsoftonline.com";

    public const string DefaultOAuthScope = "https://api.botframework.com/.default";

    /// <summary>Who the bot is in a conversation whose activity names no recipient, while authentication is off.</summary>
    public const string LocalBotId = "intervisiebot";

    public const string BotName = "IntervisieBot";

    /// <summary>
    /// <c>BotFramework:Enabled</c>: whether <c>/api/messages</c> is there. False for a deployment without Teams (Slack
    /// only): the endpoint answers 404 and needs no app id.
    /// </summary>
    public bool Enabled { get; set; } = true;

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

    /// <summary>
    /// <c>BotFramework:AllowedServiceUrlHosts</c>: hosts besides the Bot Framework and Teams ones that may receive tokens
    /// (local use), as names (<c>localhost</c>, <c>127.0.0.1</c>, <c>*.example.test</c>). Plain http only for loopback hosts.
    /// </summary>
    public IList<string> AllowedServiceUrlHosts { get; } = [];

    /// <summary>
    /// <c>BotFramework:OAuthAuthorityHost</c>: where outbound tokens come from; the tenant (or <c>botframework.com</c>)
    /// is appended. Only sovereign clouds change it (e.g. <c>https://login.microsoftonline.us</c>).
    /// </summary>
    public string OAuthAuthorityHost { get; set; } = DefaultOAuthAuthorityHost;

    /// <summary><c>BotFramework:OAuthScope</c>: the audience of outbound tokens (<c>https://api.botframework.us/.default</c> in US Government clouds).</summary>
    public string OAuthScope { get; set; } = DefaultOAuthScope;

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}

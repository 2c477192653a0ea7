using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.BotFramework.Authentication;

/// <summary>
/// Says at start-up whether inbound activities are authenticated. Running without an app id accepts activities from
/// anyone who can reach the endpoint, which must never go unnoticed in a deployment.
/// </summary>
internal sealed class AuthenticationStatusLog(IOptions<BotFrameworkOptions> options, ILogger<AuthenticationStatusLog> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.AuthenticationEnabled)
        {
            logger.LogInformation(
                "Bot Framework authentication is ON for app id {MicrosoftAppId}; signing keys from {OpenIdMetadataUrl}.",
                settings.MicrosoftAppId,
                settings.OpenIdMetadataUrl);
        }
        else
        {
            logger.LogWarning(
                "Bot Framework authentication is OFF: MicrosoftAppId is not set, so activities from ANYONE are accepted. "
                + "Use this only for local development (Emulator, playground); set MicrosoftAppId in every deployment.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.BotFramework.Authentication;

/// <summary>
/// Says at start-up whether inbound activities are authenticated, and refuses to run with authentication off where
/// other machines can reach the bot: without an app id nothing proves who sent an activity. Off is allowed when every
/// address the server listens on is a loopback one, or in the Development environment. The check runs once the server
/// is bound (<see cref="StartedAsync"/>), on the addresses it really listens on, whichever way they were configured.
/// </summary>
internal sealed partial class AuthenticationStatusLog(
    IOptions<BotFrameworkOptions> options,
    IServiceProvider services,
    ILogger<AuthenticationStatusLog> logger)
    : IHostedLifecycleService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogChannelOff(logger);
            return Task.CompletedTask;
        }

        if (settings.AuthenticationEnabled)
        {
            LogOn(logger, settings.MicrosoftAppId!, settings.OpenIdMetadataUrl);
            return Task.CompletedTask;
        }

        var reachable = ListeningAddresses().Where(a => !ThisMachine.IsLoopbackBinding(a)).ToList();
        if (reachable.Count > 0 && services.GetService<IHostEnvironment>()?.IsDevelopment() != true)
        {
            throw new InvalidOperationException(
                $"Bot Framework authentication is off (MicrosoftAppId is empty) while the bot listens on {string.Join(", ", reachable)}, "
                + "which other machines can reach. Set MicrosoftAppId (with MicrosoftAppPassword and MicrosoftAppTenantId) to authenticate the channel, "
                + "set BotFramework:Enabled=false for a deployment without Teams (Slack only), "
                + "or set Urls to a localhost address (e.g. http://localhost:3978) to keep the bot on this machine.");
        }

        LogOff(logger);
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What the server is bound to; none for a server without a network (the in-memory test server).</summary>
    private IReadOnlyCollection<string> ListeningAddresses() =>
        services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses is { } addresses ? [.. addresses] : [];

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Framework authentication is ON for app id {MicrosoftAppId}; signing keys from {OpenIdMetadataUrl}.")]
    private static partial void LogOn(ILogger logger, string microsoftAppId, string openIdMetadataUrl);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Bot Framework authentication is OFF: MicrosoftAppId is not set, so /api/messages accepts unauthenticated activities, "
            + "from this machine only (Emulator, Web Chat). Set MicrosoftAppId in every deployment.")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Bot Framework channel is off (BotFramework:Enabled is false): /api/messages answers 404.")]
    private static partial void LogChannelOff(ILogger logger);
}

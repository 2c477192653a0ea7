using IntervisieBot.Channels.BotFramework.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.BotFramework.Authentication;

public static class BotFrameworkAuthenticationServiceCollectionExtensions
{
    public const string SectionName = "BotFramework";
    public const string OpenIdMetadataHttpClient = "BotFrameworkOpenIdMetadata";

    /// <summary>
    /// <see cref="IBotFrameworkAuthenticator"/> with <see cref="BotFrameworkOptions"/> bound from the top-level
    /// <c>MicrosoftApp*</c> keys (the names Azure Bot Service uses) and the <c>BotFramework</c> section, validated at
    /// start-up, plus a start-up log line that says loudly when authentication is off.
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddBotFrameworkOptions();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, AuthenticationOptionsValidator>());

        // The authenticator keeps its client for the life of the process: the pooled connection lifetime makes it
        // still notice DNS changes, and the limits keep a slow or huge answer from holding requests up.
        services.AddHttpClient(OpenIdMetadataHttpClient, http =>
            {
                http.Timeout = TimeSpan.FromSeconds(10);
                http.MaxResponseContentBufferSize = 1024 * 1024;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) });
        services.TryAddSingleton<IBotFrameworkAuthenticator>(provider => new BotFrameworkAuthenticator(
            provider.GetRequiredService<IOptions<BotFrameworkOptions>>(),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(OpenIdMetadataHttpClient),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BotFrameworkAuthenticator>>()));
        services.AddHostedService<AuthenticationStatusLog>();
        return services;
    }
}

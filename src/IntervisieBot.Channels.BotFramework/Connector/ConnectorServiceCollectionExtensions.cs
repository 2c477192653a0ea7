using IntervisieBot.Conversations.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace IntervisieBot.Channels.BotFramework.Connector;

public static class ConnectorServiceCollectionExtensions
{
    public const string TokenHttpClientName = "BotFramework.Token";

    /// <summary>
    /// <see cref="BotConnector"/> and what it needs: the settings (top-level <c>MicrosoftApp*</c> keys and section
    /// <c>BotFramework</c>), the token provider, the service URL policy and the one <see cref="OutboundSender"/>.
    /// </summary>
    public static IServiceCollection AddBotFrameworkConnector(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddBotFrameworkOptions();
        services.AddOutboundShare();
        services.AddOptions<OutboundSenderOptions>().BindConfiguration(OutboundSenderOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // The sender owns retries and the HttpClient timeout bounds one attempt. Redirects are not followed: a token
        // must reach only the host the policy allowed.
        services.AddHttpClient(BotConnector.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddHttpClient(TokenHttpClientName);

        services.TryAddSingleton<IMsalHttpClientFactory, MsalHttpClients>();
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<OutboundSender>();
        services.TryAddSingleton<BotConnector>();
        return services;
    }

    /// <summary>
    /// Binds <see cref="BotFrameworkOptions"/> once, however many parts of the channel ask for it: Azure's own keys at
    /// the top level, then the <c>BotFramework</c> section, and checks at start-up that they name a usable credential.
    /// </summary>
    public static IServiceCollection AddBotFrameworkOptions(this IServiceCollection services)
    {
        services.AddOptions<BotFrameworkOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<BotFrameworkOptions>, BotFrameworkOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>());
        return services;
    }

    private sealed class BotFrameworkOptionsSetup(IConfiguration configuration) : IConfigureOptions<BotFrameworkOptions>
    {
        public void Configure(BotFrameworkOptions options)
        {
            // The root holds MicrosoftAppId and friends, as Azure Bot Service sets them; the section may override.
            configuration.Bind(options);
            configuration.GetSection("BotFramework").Bind(options);
        }
    }

    private sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
    {
        public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
        {
            try
            {
                var credential = BotCredential.From(options);
                if (credential.Kind == BotCredentialKind.ClientSecret && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
                {
                    return ValidateOptionsResult.Fail($"MicrosoftAppPassword is required for a {options.MicrosoftAppType} bot.");
                }

                return ValidateOptionsResult.Success;
            }
            catch (InvalidOperationException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }

    /// <summary>MSAL's HTTP through IHttpClientFactory, so its connections are pooled and recycled like ours.</summary>
    private sealed class MsalHttpClients(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(TokenHttpClientName);
    }
}

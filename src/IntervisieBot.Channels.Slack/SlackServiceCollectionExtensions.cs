using IntervisieBot.Channels.Slack.Inbound;
using IntervisieBot.Channels.Slack.Installations;
using IntervisieBot.Channels.Slack.References;
using IntervisieBot.Channels.Slack.WebApi;
using IntervisieBot.Conversations;
using IntervisieBot.Conversations.Outbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.Slack;

public static class SlackServiceCollectionExtensions
{
    public const string EventsPath = "/api/slack/events";
    public const string InteractionsPath = "/api/slack/interactions";
    public const string CommandsPath = "/api/slack/commands";
    public const string InstallPath = "/api/slack/install";
    public const string OAuthRedirectPath = "/api/slack/oauth";

    /// <summary>
    /// The Slack channel: settings (<c>Slack:*</c>, validated at start-up), the Web API client and sender, the stores
    /// and the adapter. With no <c>Slack:SigningSecret</c> the channel is off: its endpoints answer 404, nothing is
    /// stored, and it is not offered as an <see cref="IChannelMessenger"/>.
    /// </summary>
    public static IServiceCollection AddSlackChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());

        // The sender owns retries; the client's timeout bounds one attempt. Redirects are not followed: the token
        // goes only to the configured Web API.
        services.AddHttpClient(SlackApiClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton<SlackApiClient>();
        services.AddOutboundShare();
        services.TryAddSingleton<SlackSender>();
        services.TryAddSingleton<ISlackTokenProtector, AesGcmSlackTokenProtector>();
        services.TryAddSingleton<SlackInstallationStore>();
        services.TryAddSingleton<SlackWorkspaces>();
        services.TryAddSingleton<SlackConversationStore>();
        services.TryAddSingleton<SlackDeliveryLog>();
        services.TryAddSingleton<SlackUserDirectory>();
        services.TryAddSingleton<SlackMessenger>();
        services.TryAddSingleton<SlackAdapter>();
        services.TryAddSingleton<SlackInstaller>();
        services.AddHostedService<SlackDeliverySweeper>();
        if (!string.IsNullOrWhiteSpace(configuration[SlackOptions.SectionName + ":" + nameof(SlackOptions.SigningSecret)]))
        {
            services.AddSingleton<IChannelMessenger>(sp => sp.GetRequiredService<SlackMessenger>());
            services.AddSingleton<Conversations.Inbound.IInboundTurnEnricher, Inbound.SlackTurnEnricher>();
            services.AddGroupDataStore<SlackConversationStore>();
            services.AddGroupDataStore<SlackDeliveryLog>();
        }

        return services;
    }

    /// <summary>Slack's request URLs (events, interactivity, the slash command) and the OAuth installation.</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(EventsPath, (HttpRequest request, SlackAdapter adapter, CancellationToken ct) => adapter.EventsAsync(request, ct));
        endpoints.MapPost(InteractionsPath, (HttpRequest request, SlackAdapter adapter, CancellationToken ct) => adapter.InteractionsAsync(request, ct));
        endpoints.MapPost(CommandsPath, (HttpRequest request, SlackAdapter adapter, CancellationToken ct) => adapter.CommandsAsync(request, ct));
        endpoints.MapGet(InstallPath, (HttpContext context, SlackInstaller installer) => installer.Install(context));
        endpoints.MapGet(OAuthRedirectPath, (HttpContext context, SlackInstaller installer, CancellationToken ct) => installer.CompleteAsync(context, ct));
        return endpoints;
    }
}

using IntervisieBot.Channels.BotFramework.Authentication;
using IntervisieBot.Channels.BotFramework.Connector;
using IntervisieBot.Channels.BotFramework.References;
using IntervisieBot.Conversations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.BotFramework;

public static class BotFrameworkServiceCollectionExtensions
{
    public const string MessagesPath = "/api/messages";

    /// <summary>The Bot Framework channel: inbound authentication, the connector, references, the adapter.</summary>
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services)
    {
        services.AddBotFrameworkAuthentication();
        services.AddBotFrameworkConnector();
        services.AddSingleton<ConversationReferenceStore>();
        services.AddGroupDataStore<ConversationReferenceStore>();
        services.AddSingleton<BotFrameworkMessenger>();
        services.AddSingleton<IChannelMessenger>(sp => sp.GetRequiredService<BotFrameworkMessenger>());
        services.AddSingleton<BotFrameworkAdapter>();
        return services;
    }

    /// <summary><c>POST /api/messages</c>, the messaging endpoint Azure Bot Service calls; 404 while <c>BotFramework:Enabled</c> is false.</summary>
    public static IEndpointConventionBuilder MapBotFramework(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(MessagesPath, (HttpRequest request, BotFrameworkAdapter adapter, IOptions<BotFrameworkOptions> options, CancellationToken cancellationToken) =>
            options.Value.Enabled ? adapter.ProcessAsync(request, cancellationToken) : Task.FromResult(Results.NotFound()));
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntervisieBot.Conversations.Sessions;

public static class SessionsServiceCollectionExtensions
{
    /// <summary>
    /// The guided session (J6): its records and private-chat routes, the <c>start</c> command with its dialogs, and
    /// the route that carries a member's private contribution into the running session.
    /// </summary>
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.TryAddSingleton<SessionRecordStore>();
        services.TryAddSingleton<SessionRoutes>();
        services.TryAddSingleton(new RevealOrder(new Random()));
        services.AddCommandHandler<SessionCommands>();
        services.AddSingleton<IPersonalMessageRoute, SessionContributionRoute>();
        return services;
    }
}

using IntervisieBot.Conversations.Dialogs;
using IntervisieBot.Conversations.Flows;
using IntervisieBot.Conversations.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using IntervisieBot.Domain.Methods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntervisieBot.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// <summary>The bot's logic, the turn runner and the per-conversation work queue.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DialogStateStore>();
        services.AddSingleton<DialogTurnRunner>();
        services.TryAddSingleton(sp => MethodLibraryLoader.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        services.AddHostedService<MethodLibraryCheck>();
        services.AddSingleton<SessionRecordStore>();
        services.AddSingleton<SessionRoutes>();
        services.AddSingleton(sp => DialogSet.CreateDefault(
            sp.GetRequiredService<MethodLibrary>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SessionRoutes>(), sp.GetRequiredService<SessionRecordStore>(),
            sp.GetService<Scheduling.IDueWorkScheduler>()));
        services.AddSingleton<IBot, TurnRouter>();
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<ConversationWorkQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationWorkQueue>());
        return services;
    }
}

using IntervisieBot.Conversations.Dialogs;
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
        services.AddSingleton(_ => DialogSet.CreateDefault());
        services.AddSingleton<IBot, TurnRouter>();
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<ConversationWorkQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationWorkQueue>());
        return services;
    }
}

using IntervisieBot.Conversations.Cases;
using IntervisieBot.Conversations.Evaluation;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Health;
using IntervisieBot.Conversations.Methods;
using IntervisieBot.Conversations.Planning;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Conversations.Reminders;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Dialogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntervisieBot.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// <summary>The bot's logic and its turn runner, on the dialog engine (<see cref="DialogsServiceCollectionExtensions.AddDialogs"/>).</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMethods();
        services.AddSingleton(sp => DialogsOf(sp.GetServices<IDialogModule>()));
        services.AddSessions();
        services.AddGroups();
        services.AddCases();
        services.AddGroupDataStore<Calendar.CalendarLinkStore>();
        services.AddCommandHandler<Calendar.CalendarCommands>();
        services.AddReminders();
        services.AddGroupHealth();
        services.AddPlanning();
        services.AddEvaluation();
        services.AddSingleton<IBot, TurnRouter>();
        services.AddPrivacy();
        services.AddSingleton<TurnRunner>();
        services.AddDialogs();
        services.TryAddSingleton<Dialogs.Inbox.TurnInbox>();
        services.TryAddSingleton<Inbound.InboundTurns>();
        services.AddHostedService<Inbound.InboxRecoveryService>();
        return services;
    }

    /// <summary>The dialogs the bot runs: every feature's <see cref="IDialogModule"/> adds its own.</summary>
    private static DialogSet DialogsOf(IEnumerable<IDialogModule> modules)
    {
        var dialogs = new DialogSet();
        foreach (var module in modules)
        {
            module.AddTo(dialogs);
        }

        return dialogs;
    }

    /// <summary>Registers a store that keeps group data, so "forget" and "export" reach it.</summary>
    public static IServiceCollection AddGroupDataStore<TStore>(this IServiceCollection services)
        where TStore : class, Privacy.IGroupDataStore
    {
        services.TryAddSingleton<TStore>();
        services.AddSingleton<Privacy.IGroupDataStore>(sp => sp.GetRequiredService<TStore>());
        return services;
    }

    /// <summary>Registers a feature: its commands, and its dialogs or card buttons when it has them.</summary>
    public static IServiceCollection AddCommandHandler<THandler>(this IServiceCollection services)
        where THandler : class, ICommandHandler
    {
        services.TryAddSingleton<THandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<THandler>());
        if (typeof(IDialogModule).IsAssignableFrom(typeof(THandler)))
        {
            services.AddSingleton(sp => (IDialogModule)sp.GetRequiredService<THandler>());
        }

        if (typeof(ICardHandler).IsAssignableFrom(typeof(THandler)))
        {
            services.AddSingleton(sp => (ICardHandler)sp.GetRequiredService<THandler>());
        }

        return services;
    }
}

using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntervisieBot.Conversations.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>
    /// Reminders (J4). They are due work: they go out when the host runs the scheduler (<c>AddDueWork()</c>); without
    /// it nothing is planned. A due reminder may also be group health's word to the facilitator or the evaluation's
    /// results, so <c>AddGroupHealth()</c> and <c>AddEvaluation()</c> belong with it. Case preparation
    /// (<c>AddCases()</c>) answers <see cref="ICaseSubmissions"/> from its own store.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.TryAddSingleton<ReminderPlanner>();
        services.AddSingleton<IGroupObserver>(sp => sp.GetRequiredService<ReminderPlanner>());
        services.TryAddSingleton<PrivateButtons>();
        services.TryAddSingleton<ReminderSender>();
        services.AddSingleton<IScheduledTurnHandler>(sp => sp.GetRequiredService<ReminderSender>());
        services.TryAddSingleton<ReminderButtons>();
        services.AddSingleton<ICardHandler>(sp => sp.GetRequiredService<ReminderButtons>());
        services.TryAddSingleton<GroupReachability>();
        services.AddSingleton<IMembershipHandler, BotAddedAgain>();
        return services;
    }
}

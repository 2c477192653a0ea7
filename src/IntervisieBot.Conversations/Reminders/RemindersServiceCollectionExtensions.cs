using IntervisieBot.Conversations.Groups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntervisieBot.Conversations.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>
    /// Reminders (J4), <c>planning</c>, group health (J9) and the evaluation (J10). Reminders are due work: they go out
    /// when the host runs the scheduler (<c>AddDueWork()</c>); without it nothing is planned. Case preparation
    /// (<c>AddCases()</c>) answers <see cref="ICaseSubmissions"/> from its own store.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.TryAddSingleton<ReminderPlanner>();
        services.AddSingleton<IGroupObserver>(sp => sp.GetRequiredService<ReminderPlanner>());
        services.TryAddSingleton<PrivateButtons>();
        services.AddGroupDataStore<HealthStore>();
        services.AddGroupDataStore<EvaluationStore>();
        services.TryAddSingleton<HealthMonitor>();
        services.TryAddSingleton<ReminderTurns>();
        services.AddSingleton<IScheduledTurnHandler>(sp => sp.GetRequiredService<ReminderTurns>());
        services.TryAddSingleton<ReminderButtons>();
        services.AddSingleton<ICardHandler>(sp => sp.GetRequiredService<ReminderButtons>());
        services.AddCommandHandler<ScheduleCommands>();
        services.AddCommandHandler<EvaluationCommands>();
        services.TryAddSingleton<Scheduling.GroupReachability>();
        services.AddSingleton<IMembershipHandler, BotAddedAgain>();
        return services;
    }
}

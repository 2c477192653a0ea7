using IntervisieBot.Conversations.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntervisieBot.Conversations.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Durable due work: the store (also as <see cref="IDueWorkScheduler"/>), the runner, the unreachable-group flag,
    /// the handler for proactive turns, and the outbox for messages a channel could not deliver (with its handler). The <c>Scheduler</c> settings are bound and checked at start-up. Other
    /// kinds of work register their own <see cref="IDueWorkHandler"/>.
    /// </summary>
    public static IServiceCollection AddDueWork(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<DueWorkStore>();
        services.TryAddSingleton<IDueWorkScheduler>(sp => sp.GetRequiredService<DueWorkStore>());
        services.TryAddSingleton<GroupReachability>();
        services.TryAddSingleton<DueWorkRunner>();
        services.AddSingleton<IDueWorkHandler, ScheduledTurnHandler>();
        services.AddGroupDataStore<Outbox>();
        services.AddSingleton<IDueWorkHandler, OutboxDelivery>();
        services.AddGroupDataStore<ScheduledWorkGroupData>();
        return services;
    }
}

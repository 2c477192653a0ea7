using IntervisieBot.Conversations.Scheduling;

namespace IntervisieBot.Scheduling;

public static class SchedulerServiceCollectionExtensions
{
    /// <summary>Durable due work and the hosted service that runs it; settings under <c>Scheduler</c>, checked at start-up.</summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services)
    {
        services.AddDueWork();
        services.AddSingleton<SchedulerService>();
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerService>());
        return services;
    }
}

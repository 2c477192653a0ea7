using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntervisieBot.Conversations.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>Group health (J9): what it remembers, and the check that tells the next facilitator once, privately.</summary>
    public static IServiceCollection AddGroupHealth(this IServiceCollection services)
    {
        services.AddGroupDataStore<HealthStore>();
        services.TryAddSingleton<HealthMonitor>();
        return services;
    }
}

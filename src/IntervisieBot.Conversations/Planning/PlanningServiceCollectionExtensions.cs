using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Conversations.Planning;

public static class PlanningServiceCollectionExtensions
{
    /// <summary><c>planning</c>/<c>schedule</c>: move or cancel a meeting, pause or resume the group.</summary>
    public static IServiceCollection AddPlanning(this IServiceCollection services) =>
        services.AddCommandHandler<PlanningCommands>();
}

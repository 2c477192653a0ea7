using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Conversations.Evaluation;

public static class EvaluationServiceCollectionExtensions
{
    /// <summary>The evaluation (J10): its answers, the survey's buttons and <c>evaluatie</c>/<c>evaluation</c>.</summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddGroupDataStore<EvaluationStore>();
        services.AddCommandHandler<EvaluationCommands>();
        return services;
    }
}

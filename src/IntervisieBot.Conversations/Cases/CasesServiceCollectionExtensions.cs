using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntervisieBot.Conversations.Cases;

public static class CasesServiceCollectionExtensions
{
    /// <summary>Case preparation (J5): its store (forgotten and exported with the group), the command and the session's side.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddGroupDataStore<CaseStore>();
        services.AddCommandHandler<CaseCommands>();
        services.TryAddSingleton<Sessions.ISessionCases, CaseSessions>();
        services.AddSingleton<Scheduling.IDueWorkHandler, CaseExpiry>();
        services.TryAddSingleton<Reminders.ICaseSubmissions, CaseSubmissions>();
        return services;
    }
}

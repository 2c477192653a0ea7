using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntervisieBot.Conversations.Cases;

public static class CasesServiceCollectionExtensions
{
    /// <summary>
    /// Case preparation (J5): its store (forgotten and exported with the group), the command, its two dialogs, the
    /// buttons of the case's cards and the session's side.
    /// </summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddGroupDataStore<CaseStore>();
        services.TryAddSingleton<CaseGroups>();
        services.TryAddSingleton<CaseCheckDialog>();
        services.TryAddSingleton<CasePreparationDialog>();
        services.AddSingleton<IDialogModule>(sp => sp.GetRequiredService<CasePreparationDialog>());
        services.AddSingleton<IDialogModule>(sp => sp.GetRequiredService<CaseCheckDialog>());
        services.AddCommandHandler<CaseCommand>();
        services.TryAddSingleton<CaseCardHandler>();
        services.AddSingleton<ICardHandler>(sp => sp.GetRequiredService<CaseCardHandler>());
        services.TryAddSingleton<Sessions.ISessionCases, CaseSessions>();
        services.AddSingleton<Scheduling.IDueWorkHandler, CaseExpiry>();
        services.TryAddSingleton<Reminders.ICaseSubmissions, CaseSubmissions>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntervisieBot.Conversations.Groups;

public static class GroupsServiceCollectionExtensions
{
    /// <summary>The group (J1, J2, J3, J8): its store, set-up, agreements, turns, history and roster changes.</summary>
    public static IServiceCollection AddGroups(this IServiceCollection services)
    {
        services.AddGroupDataStore<MemberGroupIndex>();
        services.AddSingleton<IGroupObserver>(sp => sp.GetRequiredService<MemberGroupIndex>());
        services.AddGroupDataStore<GroupStore>();
        services.TryAddSingleton<GroupSetupDialog>();
        services.TryAddSingleton<Sessions.ISessionRotation, GroupSessionRotation>();
        services.AddCommandHandler<SetupCommands>();
        services.AddCommandHandler<RotationCommands>();
        services.AddCommandHandler<AgreementCommands>();
        services.AddCommandHandler<HistoryCommands>();
        services.TryAddSingleton<RosterChanges>();
        services.AddSingleton<ICardHandler>(sp => sp.GetRequiredService<RosterChanges>());
        services.AddSingleton<IMembershipHandler>(sp => sp.GetRequiredService<RosterChanges>());
        return services;
    }
}

using IntervisieBot.Conversations.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntervisieBot.Conversations.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// J11: the stores of group data this project keeps, forget and export, export links, and the guard that keeps
    /// buttons in their own conversation. The <see cref="Storage.Protection.PrivacyProtector"/> comes from <c>AddStorage()</c>.
    /// </summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>()
            .BindConfiguration(ExportOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                o => ExportOptions.IsValidBaseUrl(o.ExportBaseUrl),
                "Privacy:ExportBaseUrl must be the bot's public https address, e.g. https://intervisiebot.example.com (plain http only on localhost, 127.0.0.1 or [::1]).")
            .ValidateOnStart();
        services.AddOptions<ForgetOptions>().BindConfiguration(ForgetOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddGroupDataStore<ConversationStateGroupData>();
        services.AddGroupDataStore<SessionRecordStore>();
        services.AddGroupDataStore<SessionRoutes>();
        services.AddGroupDataStore<ExportLinkStore>();
        services.TryAddSingleton<GroupData>();
        services.TryAddSingleton<MemberData>();
        services.AddCommandHandler<ForgetCommands>();
        services.AddSingleton<IScheduledTurnHandler>(sp => sp.GetRequiredService<ForgetCommands>());
        services.AddCommandHandler<ExportCommands>();
        services.TryAddSingleton<TurnRouter>();
        services.Replace(ServiceDescriptor.Singleton<IBot, ConversationGuard>());
        return services;
    }
}

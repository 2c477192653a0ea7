using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntervisieBot.Dialogs;

public static class DialogsServiceCollectionExtensions
{
    /// <summary>
    /// The dialog engine's services: the dialog state store, the turn runner (one read, at most one write a turn) and
    /// the per-conversation work queue, which finishes queued turns at shutdown. The table store and the
    /// <see cref="Storage.Protection.PrivacyProtector"/> come from <c>AddStorage()</c>; the dialogs themselves
    /// (a <see cref="DialogSet"/>) from whoever uses the engine.
    /// </summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        services.TryAddSingleton<DialogStateStore>();
        services.TryAddSingleton<DialogTurnRunner>();
        services.TryAddSingleton<ConversationWorkQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationWorkQueue>());
        return services;
    }
}

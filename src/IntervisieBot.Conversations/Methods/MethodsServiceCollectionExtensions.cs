using IntervisieBot.Domain.Methods;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace IntervisieBot.Conversations.Methods;

public static class MethodsServiceCollectionExtensions
{
    /// <summary>
    /// The method library (checked while the host starts), <c>methods</c>/<c>methodes</c> and the method advice
    /// (<c>advice</c>/<c>advies</c>).
    /// </summary>
    public static IServiceCollection AddMethods(this IServiceCollection services)
    {
        services.TryAddSingleton<MethodLibrary>(sp => MethodLibraryLoader.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        services.AddHostedService<MethodLibraryCheck>();
        services.AddCommandHandler<MethodCommands>();
        return services;
    }
}

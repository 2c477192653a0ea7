using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntervisieBot.Conversations.Outbound;

public static class OutboundServiceCollectionExtensions
{
    /// <summary>
    /// The share of the channels' rate limits this instance takes (<see cref="OutboundShare"/>), the <c>Outbound</c>
    /// settings (checked at start-up) and the store-backed count of instances (<see cref="InstanceRegistry"/>). Every
    /// channel calls it; registering twice is harmless.
    /// </summary>
    public static IServiceCollection AddOutboundShare(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        if (services.Any(d => d.ServiceType == typeof(OutboundShare)))
        {
            return services;
        }

        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboundShare>();
        services.AddSingleton<InstanceRegistry>();
        return services;
    }
}

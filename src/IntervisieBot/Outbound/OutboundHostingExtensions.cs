using IntervisieBot.Conversations.Outbound;

namespace IntervisieBot.Outbound;

public static class OutboundHostingExtensions
{
    /// <summary>The share of the channels' rate limits (<c>Outbound</c> settings) and, when counted, the heartbeat that counts the instances.</summary>
    public static IServiceCollection AddOutboundInstances(this IServiceCollection services)
    {
        services.AddOutboundShare();
        services.AddHostedService<InstanceHeartbeatService>();
        return services;
    }
}

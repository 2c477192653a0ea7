using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.Slack.Inbound;

/// <summary>Keeps <see cref="SlackDeliveryLog"/> bounded: every quarter of an hour, the hours past retention are deleted.</summary>
internal sealed partial class SlackDeliverySweeper(SlackDeliveryLog log, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackDeliverySweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await log.SweepAsync(stoppingToken);
                LogSwept(deleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store may be down for a while; the next round tries again, nothing is lost meanwhile.
                LogSweepFailed(e);
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack deliveries: {Deleted} old claims deleted")]
    private partial void LogSwept(int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack deliveries: the sweep failed; it runs again later")]
    private partial void LogSweepFailed(Exception exception);
}

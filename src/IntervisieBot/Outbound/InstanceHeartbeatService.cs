using IntervisieBot.Conversations.Outbound;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Outbound;

/// <summary>
/// With <c>Outbound:Instances</c> 0, beats every <c>Outbound:HeartbeatInterval</c> (on the injected clock): writes this
/// instance's heartbeat and takes its share of the channels' limits from the live count. A beat that fails (the store is
/// down) keeps the last count. On a clean stop the instance removes its row, so the others take its share at their next
/// beat; an instance that dies is counted until three intervals have passed.
/// </summary>
public sealed partial class InstanceHeartbeatService(
    InstanceRegistry registry, IOptions<OutboundOptions> options, TimeProvider time, ILogger<InstanceHeartbeatService> logger) : BackgroundService
{
    private int _lastCount = 1;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!options.Value.CountsInstances)
        {
            return;
        }

        try
        {
            await registry.LeaveAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogLeaveFailed(e);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CountsInstances)
        {
            return;
        }

        LogStarted(registry.InstanceId, options.Value.HeartbeatInterval);
        while (true)
        {
            try
            {
                var live = await registry.BeatAsync(stoppingToken);
                if (live != _lastCount)
                {
                    LogCount(live);
                    _lastCount = live;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogBeatFailed(e);
            }

            try
            {
                await Task.Delay(options.Value.HeartbeatInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {Instance} counts the bot's instances every {Interval}, to share the channels' rate limits")]
    private partial void LogStarted(string instance, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} instances are live; each takes that share of the channels' rate limits")]
    private partial void LogCount(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A heartbeat failed; the last count of instances holds until the next one")]
    private partial void LogBeatFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This instance could not remove its heartbeat; the others count it until it expires")]
    private partial void LogLeaveFailed(Exception exception);
}

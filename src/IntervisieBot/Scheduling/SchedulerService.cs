using IntervisieBot.Conversations.Scheduling;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Scheduling;

/// <summary>
/// Looks for due work every <c>Scheduler:TickInterval</c> (on the injected clock) and runs it: session timers and,
/// later, reminders. One tick runs at a time in an instance; other instances on the same store share the work through
/// claims. A tick that fails (the store is down) is logged and the next one tries again.
/// </summary>
public sealed partial class SchedulerService(DueWorkRunner runner, IOptions<SchedulerOptions> options, TimeProvider time, ILogger<SchedulerService> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Runs one tick now, after any tick already running in this instance (tests call it after moving the clock).</summary>
    public async Task<SchedulerTickResult> TickAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await runner.TickAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.TickInterval;
        LogStarted(runner.InstanceId, interval);
        while (true)
        {
            try
            {
                var tick = await TickAsync(stoppingToken);
                if (tick.Due > 0)
                {
                    LogTick(tick.Due, tick.Done, tick.Retried, tick.Dropped, tick.GaveUp, tick.Skipped);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: work in hand keeps its lease, and another instance (or this one, restarted) takes it over.
                return;
            }
            catch (Exception e)
            {
                LogTickFailed(e);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler {Instance} looks for due work every {Interval}")]
    private partial void LogStarted(string instance, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler tick: {Due} due, {Done} done, {Retried} to retry, {Dropped} dropped, {GaveUp} given up, {Skipped} taken by others")]
    private partial void LogTick(int due, int done, int retried, int dropped, int gaveUp, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A scheduler tick failed; the next one tries again")]
    private partial void LogTickFailed(Exception exception);
}

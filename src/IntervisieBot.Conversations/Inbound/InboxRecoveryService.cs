using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntervisieBot.Conversations.Inbound;

/// <summary>
/// At start and every <see cref="Interval"/>, takes over the inbox rows of instances that died (a crash, a kill) once
/// their lease ran out, and runs those turns here; a restarted process is a new instance, so it takes over its own.
/// </summary>
public sealed partial class InboxRecoveryService(InboundTurns turns, TimeProvider time, ILogger<InboxRecoveryService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the round at start has queued what it took over (or failed).</summary>
    public Task FirstRound => _firstRound.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var recovered = await turns.RecoverAsync(stoppingToken);
                if (recovered > 0)
                {
                    LogRecovered(recovered);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e.GetType().Name);
            }
            finally
            {
                _firstRound.TrySetResult();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Took over {Count} accepted turns of an instance that stopped")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inbox could not be checked for turns of stopped instances: {Reason}")]
    private partial void LogFailed(string reason);
}

using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Scheduling;
using IntervisieBot.Testing;
using IntervisieBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.Scheduling;

/// <summary>The hosted scheduler in the real host: it looks for due work on its own, every tick interval of the injected clock.</summary>
public sealed class SchedulerServiceTests : IDisposable
{
    private static readonly ConversationAddress Group = new("bf", "msteams", "19:group@thread.v2", ConversationScope.GroupChat, "tenant");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly Handler _handler;
    private readonly BotFactory _bot;

    public SchedulerServiceTests()
    {
        _handler = new Handler(_time);
        _bot = new BotFactory()
            .With("Scheduler:TickInterval", "00:01:00")
            .WithServices(services =>
            {
                services.AddSingleton<TimeProvider>(_time);
                services.AddSingleton<IDueWorkHandler>(_handler);
            });
    }

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task DueWork_IsRunByTheHostedLoop_AtTheFirstTickAfterItIsDue()
    {
        _ = _bot.Server;
        var scheduler = _bot.Services.GetRequiredService<IDueWorkScheduler>();
        await scheduler.ScheduleAsync(new DueWork(Group, "reminder", "test-host", _time.GetUtcNow().AddMinutes(5)));

        // Time moves only while the loop waits for its next tick (and the inbox's recovery loop for its own); the work's
        // arrival time says which tick ran it.
        await _time.AutoAdvanceUntilAsync(_handler.Ran.Task, () => 2);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 5, 0, TimeSpan.Zero), await _handler.Ran.Task);
        await _bot.Services.GetRequiredService<SchedulerService>().TickAsync();
        Assert.Empty(await scheduler.ListAsync(Group));
    }

    private sealed class Handler(TimeProvider clock) : IDueWorkHandler
    {
        public TaskCompletionSource<DateTimeOffset> Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Kind => "test-host";

        public Task HandleAsync(DueWork work, CancellationToken cancellationToken)
        {
            Ran.TrySetResult(clock.GetUtcNow());
            return Task.CompletedTask;
        }
    }
}

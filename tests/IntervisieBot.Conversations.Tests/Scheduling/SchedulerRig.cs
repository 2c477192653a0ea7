using System.Collections.Concurrent;
using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Conversations.Tests.Scheduling;

/// <summary>One scheduler instance over a store: its store, runner and a handler of kind <c>test</c> that records what it did.</summary>
public sealed class SchedulerRig : IDisposable
{
    public SchedulerRig(ITableServiceClient tables, TimeProvider time, string instance, ConcurrentQueue<Delivery> deliveries, int? concurrency = null)
    {
        Store = new DueWorkStore(tables, time);
        Reachability = new GroupReachability(tables, time);
        Handler = new RecordingHandler(instance, deliveries);
        Runner = new DueWorkRunner(
            Store,
            [Handler],
            Reachability,
            Options.Create(new SchedulerOptions { InstanceId = instance, MaxConcurrency = concurrency ?? new SchedulerOptions().MaxConcurrency }),
            time,
            NullLogger<DueWorkRunner>.Instance);
    }

    public DueWorkStore Store { get; }

    public GroupReachability Reachability { get; }

    public RecordingHandler Handler { get; }

    public DueWorkRunner Runner { get; }

    public static ConversationAddress Group(int i) => new("bf", "msteams", $"19:group-{i}@thread.v2", ConversationScope.GroupChat, "tenant-1");

    public static DueWork Work(int group, string id, DateTimeOffset at) =>
        new(Group(group), id, RecordingHandler.WorkKind, at) { Data = new Dictionary<string, string> { ["n"] = group.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    public void Dispose()
    {
        Store.Dispose();
        Reachability.Dispose();
    }
}

/// <summary>One piece of work done: by which instance, for which group, which work.</summary>
public sealed record Delivery(string Instance, string Group, string WorkId, int Attempt);

/// <summary>
/// Does work of kind <c>test</c>: "sends" it by recording a delivery. <see cref="BeforeSend"/> can make it fail;
/// <see cref="AfterSend"/> can hold it between sending and returning, as an instance that dies there would.
/// </summary>
public sealed class RecordingHandler(string instance, ConcurrentQueue<Delivery> deliveries) : IDueWorkHandler
{
    public const string WorkKind = "test";

    public string Kind => WorkKind;

    public Func<DueWork, CancellationToken, Task>? BeforeSend { get; set; }

    public Func<DueWork, CancellationToken, Task>? AfterSend { get; set; }

    public async Task HandleAsync(DueWork work, CancellationToken cancellationToken)
    {
        if (BeforeSend is not null)
        {
            await BeforeSend(work, cancellationToken);
        }

        deliveries.Enqueue(new Delivery(instance, work.Group.ConversationId, work.Id, work.Attempt));
        if (AfterSend is not null)
        {
            await AfterSend(work, cancellationToken);
        }
    }
}

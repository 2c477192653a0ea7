using Microsoft.Extensions.Logging.Abstractions;

namespace IntervisieBot.Dialogs.Tests;

public sealed class ConversationWorkQueueTests
{
    [Fact]
    public async Task WorkOfOneConversation_RunsOneAtATimeInArrivalOrder()
    {
        using var queue = new ConversationWorkQueue(NullLogger<ConversationWorkQueue>.Instance);
        var seen = new List<int>();
        var running = 0;
        var overlapped = false;

        for (var i = 0; i < 200; i++)
        {
            var n = i;
            queue.Enqueue("group-1", async _ =>
            {
                overlapped |= Interlocked.Increment(ref running) > 1;
                await Task.Yield();
                seen.Add(n);
                Interlocked.Decrement(ref running);
            });
        }

        await queue.WhenIdleAsync();

        Assert.False(overlapped);
        Assert.Equal(Enumerable.Range(0, 200), seen);
    }

    [Fact]
    public async Task DifferentConversations_DoNotWaitForEachOther()
    {
        using var queue = new ConversationWorkQueue(NullLogger<ConversationWorkQueue>.Instance);
        var blocker = new TaskCompletionSource();
        var otherRan = new TaskCompletionSource();

        queue.Enqueue("slow-group", _ => blocker.Task);
        queue.Enqueue("other-group", _ =>
        {
            otherRan.SetResult();
            return Task.CompletedTask;
        });

        await otherRan.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(queue.WhenIdleAsync().IsCompleted);
        blocker.SetResult();
        await queue.WhenIdleAsync();
    }

    [Fact]
    public async Task AFailingTurn_DoesNotStopTheTurnsAfterIt()
    {
        using var queue = new ConversationWorkQueue(NullLogger<ConversationWorkQueue>.Instance);
        var ran = false;

        queue.Enqueue("group-1", _ => throw new InvalidOperationException("bug"));
        queue.Enqueue("group-1", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        await queue.WhenIdleAsync();

        Assert.True(ran);
    }

    [Fact]
    public async Task AConversationThatWentQuiet_TakesNewWorkAgain()
    {
        using var queue = new ConversationWorkQueue(NullLogger<ConversationWorkQueue>.Instance);
        var count = 0;

        for (var round = 0; round < 50; round++)
        {
            queue.Enqueue("group-1", _ =>
            {
                Interlocked.Increment(ref count);
                return Task.CompletedTask;
            });
            await queue.WhenIdleAsync();
        }

        Assert.Equal(50, count);
    }

    [Fact]
    public async Task WhileATurnWaits_TheOldestOfTooManyTurnsIsDropped_AndARepeatReplacesItsTwin()
    {
        using var queue = new ConversationWorkQueue(NullLogger<ConversationWorkQueue>.Instance);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = new List<string>();
        var dropped = new List<(string Name, DropReason Reason)>();

        void Turn(string name, string? same = null) =>
            queue.Enqueue("group-1", _ =>
            {
                lock (ran)
                {
                    ran.Add(name);
                }

                return Task.CompletedTask;
            }, same ?? name, reason =>
            {
                lock (dropped)
                {
                    dropped.Add((name, reason));
                }

                return Task.CompletedTask;
            });

        // A turn that holds the lane (as one waiting for the store does), and one that is never dropped.
        queue.Enqueue("group-1", _ => gate.Task);
        Turn("add-1");
        Turn("help-1", "help");
        for (var i = 2; i < ConversationWorkQueue.MaxWaitingTurns; i++)
        {
            Turn($"add-{i}");
        }

        Turn("help-2", "help");
        Turn($"add-{ConversationWorkQueue.MaxWaitingTurns}");
        gate.SetResult();
        await queue.WhenIdleAsync();

        // "help" said twice runs once (the later one); with one too many waiting, the oldest other turn went.
        Assert.Contains(("help-1", DropReason.Repeated), dropped);
        Assert.Contains(("add-1", DropReason.TooMany), dropped);
        Assert.Equal(2, dropped.Count);
        Assert.Equal(
            [.. Enumerable.Range(2, ConversationWorkQueue.MaxWaitingTurns - 2).Select(i => $"add-{i}"), "help-2", $"add-{ConversationWorkQueue.MaxWaitingTurns}"],
            ran);
    }
}

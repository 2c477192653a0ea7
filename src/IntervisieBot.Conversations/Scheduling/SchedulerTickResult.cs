namespace IntervisieBot.Conversations.Scheduling;

/// <summary>What one tick found and did.</summary>
public sealed record SchedulerTickResult(int Due, int Done, int Retried, int Dropped, int GaveUp, int Skipped);

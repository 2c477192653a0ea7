using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Scheduling;

/// <summary>Due work as the scheduler found it in its time bucket: not yet claimed.</summary>
public sealed record FoundWork(DueWork Work, string Bucket, string Row, ETag ETag);

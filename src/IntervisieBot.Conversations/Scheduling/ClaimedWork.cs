using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Conversations.Scheduling;

/// <summary>Due work this instance holds a lease on: only it runs the work until the lease ends.</summary>
public sealed record ClaimedWork(DueWork Work, string Bucket, string Row, ETag ETag, ETag PointerETag);

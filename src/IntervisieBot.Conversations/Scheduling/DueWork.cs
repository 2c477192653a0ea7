using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Scheduling;

/// <summary>
/// Work the bot does on its own at a given time (a reminder, a session timer), for one group conversation.
/// <see cref="Id"/> is chosen by the caller and stable (e.g. <c>session-timer-up</c>): scheduling the same id again
/// moves the work instead of adding a second one. <see cref="Data"/> stays small and never holds case content: it is
/// stored as it is and can be read by anyone with access to the store.
/// </summary>
public sealed record DueWork(ConversationAddress Group, string Id, string Kind, DateTimeOffset DueAt)
{
    /// <summary>What the handler needs to do the work (ids, a generation number, a language); at most 2,000 characters in all.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    /// <summary>How many times the work was tried before this time (0 the first time).</summary>
    public int Attempt { get; init; }
}

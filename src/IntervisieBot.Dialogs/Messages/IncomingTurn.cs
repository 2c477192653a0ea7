namespace IntervisieBot.Dialogs.Messages;

public enum TurnKind
{
    /// <summary>Someone wrote to the bot; <see cref="IncomingTurn.Text"/> has the bot's mention removed.</summary>
    Message,

    /// <summary>Someone pressed a button or submitted a card; <see cref="IncomingTurn.Values"/> holds its data and inputs.</summary>
    CardAction,

    /// <summary>The bot was added to the conversation (installed in a team, group chat or personal scope).</summary>
    BotAdded,

    /// <summary>The bot was removed: from now on it cannot write there.</summary>
    BotRemoved,

    /// <summary>People other than the bot joined (<see cref="IncomingTurn.Members"/>).</summary>
    MembersAdded,

    /// <summary>People other than the bot left (<see cref="IncomingTurn.Members"/>).</summary>
    MembersRemoved,

    /// <summary>
    /// Nobody wrote: work the bot scheduled earlier came due (a session timer, a reminder). <see cref="IncomingTurn.Values"/>
    /// holds the work's data; <see cref="IncomingTurn.From"/> is the bot itself.
    /// </summary>
    Scheduled,
}

/// <summary>
/// What reached the bot, whatever the channel: who said or pressed what, in which conversation. Channel adapters
/// build it from a Bot Framework activity, a Slack event or a playground message.
/// </summary>
public sealed record IncomingTurn
{
    public required TurnKind Kind { get; init; }

    public required ConversationAddress Conversation { get; init; }

    public required Participant From { get; init; }

    /// <summary>The bot's own account in this conversation.</summary>
    public required Participant Bot { get; init; }

    /// <summary>The text without the bot's mention, trimmed; empty for card actions and membership changes.</summary>
    public string Text { get; init; } = "";

    /// <summary>
    /// Whether a message addressed the bot: it mentions the bot, or came in a personal chat or through the slash command.
    /// A mentioned message always gets an answer; other chat in a group is people talking to each other.
    /// </summary>
    public bool MentionsBot { get; init; }

    /// <summary>For card actions: the action's data and the card's inputs, by id.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>For card actions: the id of the message that holds the card, so it can be updated.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>The channel's locale for the sender (e.g. <c>nl-NL</c>), when it says.</summary>
    public string? Locale { get; init; }

    public IReadOnlyList<Participant> Members { get; init; } = [];

    public DateTimeOffset Timestamp { get; init; }

    /// <summary>
    /// The turn came in the sender's personal chat but belongs to a group conversation's running session (a private
    /// contribution); <see cref="Conversation"/> is then the group's.
    /// </summary>
    public ConversationAddress? PersonalChat { get; init; }
}

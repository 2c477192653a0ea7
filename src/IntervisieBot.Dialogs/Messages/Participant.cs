namespace IntervisieBot.Dialogs.Messages;

/// <summary>A person (or the bot) in a conversation, with the channel's own id for them.</summary>
public sealed record Participant(string Id, string Name)
{
    /// <summary>Teams: the member's Entra object id, stable across bots; null elsewhere.</summary>
    public string? AadObjectId { get; init; }
}

using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// The group's side of a session (J3, J2): who is on turn, which agreements to show, and what the session leaves for
/// the rotation. Answers null when the group is not set up, and the session goes as without it.
/// </summary>
public interface ISessionRotation
{
    /// <summary>What a session started now opens with, in the session's language, with the meeting it belongs to or the one to ask about.</summary>
    Task<SessionOpening?> OpenAsync(ConversationAddress group, Language language, CancellationToken cancellationToken);

    /// <summary>
    /// Records who came, who brought the case and who facilitated against <paramref name="meeting"/>, decided when the
    /// session started (null when it was not); returns the sentence naming the next case owner.
    /// </summary>
    Task<string?> CloseAsync(ConversationAddress group, SessionRecord record, SessionMeeting? meeting, Language language, CancellationToken cancellationToken);
}

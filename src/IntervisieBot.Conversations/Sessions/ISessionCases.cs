using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// The session's side of a prepared case (J5, J6): which method the case asks for, whether the case owner has one to
/// share, the case as the group sees it once the owner shares it, and the question at the close whether to keep it.
/// Nothing of a case reaches the group unless its owner shares it.
/// </summary>
public interface ISessionCases
{
    /// <summary>
    /// The method a prepared case asks for (the owner's wish, else the best advised): the case of the rotation's case
    /// owner when several wait, else the one waiting.
    /// </summary>
    Task<string?> MethodForAsync(ConversationAddress group, CancellationToken cancellationToken);

    /// <summary>
    /// The method the owner of that same case chose while preparing it, or null when they left the choice to the
    /// advice: the method advice then gives a second opinion and never overrides it.
    /// </summary>
    Task<OwnersChoice?> OwnersChoiceAsync(ConversationAddress group, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="caseOwner"/> has a case ready to share in this session.</summary>
    Task<bool> HasCaseAsync(ConversationAddress group, string caseOwner, CancellationToken cancellationToken);

    /// <summary>The owner's case as the group sees it when shared: title, situation, question and the moment that matters most.</summary>
    Task<Card?> SharedCardAsync(ConversationAddress group, string caseOwner, string ownerName, Language language, CancellationToken cancellationToken);

    /// <summary>At the close: marks the case as brought, and returns the private question whether to keep its text (null when there is no case).</summary>
    Task<OutgoingMessage?> CloseAsync(ConversationAddress group, string caseOwner, Language language, CancellationToken cancellationToken);
}

/// <summary>The method (<paramref name="MethodId"/>) a case owner (<paramref name="OwnerId"/>) chose for their prepared case.</summary>
public sealed record OwnersChoice(string OwnerId, string MethodId);

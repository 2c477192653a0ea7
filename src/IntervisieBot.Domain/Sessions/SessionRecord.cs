namespace IntervisieBot.Domain.Sessions;

/// <summary>
/// What a session leaves behind (J8): kept after the session, without case content unless the owner allows. Of the
/// ratings only the group's average and how many rated are kept, as the rating question promises: never who gave what.
/// </summary>
public sealed record SessionRecord(
    string MethodId,
    int MethodVersion,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    SessionMember CaseOwner,
    SessionMember Facilitator,
    IReadOnlyList<SessionMember> Attendees,
    IReadOnlyList<string> Insights,
    string? Action,
    double? AverageRating,
    int RatedBy,
    bool CompletedAllSteps);

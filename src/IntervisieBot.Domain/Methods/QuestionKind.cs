namespace IntervisieBot.Domain.Methods;

/// <summary>The kind of question a case owner brings; method advice (J7) starts from it.</summary>
public enum QuestionKind
{
    /// <summary>A concrete incident that stirred strong emotion.</summary>
    ConcreteIncident,

    /// <summary>A universal or fundamental question behind the case.</summary>
    Fundamental,

    /// <summary>A problem in which the case owner's own contribution is large.</summary>
    OwnContribution,

    /// <summary>Looking back on one's own behaviour in a situation.</summary>
    OwnBehaviour,

    /// <summary>Friction in a working relationship.</summary>
    WorkingRelationship,

    /// <summary>An open theme rather than one sharp question.</summary>
    OpenTheme,

    /// <summary>A concrete problem in the work the case owner wants to get further with (what Vijf stappen is made for); last, so stored kinds keep their numbers.</summary>
    ConcreteProblem,
}

/// <summary>How much intervision experience a group has; ordered from least to most.</summary>
public enum GroupExperience
{
    New,
    Some,
    Experienced,
}

using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Domain.Sessions;

/// <summary>One contribution to a collect step (a question, a problem definition, an advice ...), numbered for the case owner.</summary>
public sealed record Contribution(int Number, string StepId, string AuthorId, string Text, ContributionKind Kind)
{
    public QuestionLabel? Label { get; init; }

    /// <summary>A question that starts with "waarom" / "why": kept, and its author gets a gentle suggestion.</summary>
    public bool IsWhyQuestion { get; init; }
}

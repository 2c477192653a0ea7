namespace IntervisieBot.Conversations.Evaluation;

/// <summary>What the group sees of an evaluation: numbers over everyone who answered, never one person's answer.</summary>
public sealed record EvaluationResults(DateOnly Meeting, int Answers, double Satisfaction, double Safety, double Depth, int Yes, int Doubt, int No)
{
    /// <summary>Fewer answers than this and the group sees nothing: with two, each could work out the other's.</summary>
    public const int MinimumAnswers = 3;

    public bool CanBeShown => Answers >= MinimumAnswers;
}

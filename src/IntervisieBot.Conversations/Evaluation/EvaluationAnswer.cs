namespace IntervisieBot.Conversations.Evaluation;

/// <summary>One member's answer to the evaluation (J10).</summary>
public sealed record EvaluationAnswer(int Satisfaction, int Safety, int Depth, string Continue)
{
    public static IReadOnlyList<string> ContinueValues { get; } = ["yes", "doubt", "no"];
}

namespace IntervisieBot.Conversations.Cases;

/// <summary>A case typed question by question in <see cref="CasePreparationDialog"/>, as far as it has come.</summary>
public sealed class CasePreparationState
{
    public string? Title { get; set; }

    public string? Situation { get; set; }

    public string? Question { get; set; }

    public string? Tried { get; set; }

    public string? HotSpot { get; set; }

    /// <summary>The method chosen (a method id, or <see cref="CaseCards.NoMethod"/>); version 3.</summary>
    public string? Method { get; set; }
}

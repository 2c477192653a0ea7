namespace IntervisieBot.Domain.Groups;

/// <summary>
/// One of the group's conversation agreements (J2), with who added it and when, and who last changed it.
/// <see cref="Number"/> never changes, so a button that names it still means the same agreement after others go.
/// </summary>
public sealed record Agreement(int Number, string Text, string AddedBy, DateTimeOffset AddedAt)
{
    public const int MaxLength = 300;

    public string? ChangedBy { get; init; }

    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>The text as it should be stored, or null when it is empty or too long.</summary>
    public static string? Clean(string? text) =>
        text?.Trim() is { Length: > 0 and <= MaxLength } clean ? clean : null;
}

using System.ComponentModel.DataAnnotations;

namespace IntervisieBot.Playground;

/// <summary>
/// <c>Playground:*</c>: whether the local playground is there, and its limits. It keeps everything in memory, so every
/// list it keeps has a bound.
/// </summary>
public sealed class PlaygroundOptions
{
    public const string SectionName = "Playground";

    /// <summary>Whether the playground is there; unset means only in the Development environment (<c>dotnet run</c>).</summary>
    public bool? Enabled { get; set; }

    /// <summary>How many activities each conversation keeps for a page that (re)connects; older ones are dropped.</summary>
    [Range(10, 10_000)]
    public int MaxActivitiesPerConversation { get; set; } = 200;

    /// <summary>How many conversations are kept; the one quiet for longest is dropped first.</summary>
    [Range(2, 1_000)]
    public int MaxConversations { get; set; } = 50;

    /// <summary>How many simulated members the page may register (a group has 3 to 8; more lets the bot's warnings be tried).</summary>
    [Range(1, 100)]
    public int MaxMembers { get; set; } = 20;

    public bool IsEnabled(IHostEnvironment environment) => Enabled ?? environment.IsDevelopment();
}

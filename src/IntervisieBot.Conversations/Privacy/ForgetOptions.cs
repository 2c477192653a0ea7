using System.ComponentModel.DataAnnotations;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>The <c>Privacy</c> setting of "forget": how long the group has to cancel an erase one member asked for.</summary>
public sealed class ForgetOptions
{
    public const string SectionName = "Privacy";

    /// <summary>Time between the request and the erase, in which any participant can cancel it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Privacy:ForgetGracePeriod must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan ForgetGracePeriod { get; set; } = TimeSpan.FromDays(1);
}

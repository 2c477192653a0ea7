using System.ComponentModel.DataAnnotations;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>The <c>Privacy</c> settings of "export": where the bot's export links point, and how long they work.</summary>
public sealed class ExportOptions
{
    public const string SectionName = "Privacy";

    /// <summary>The bot's public address, as members' browsers reach it (the https address of the messaging endpoint's host).</summary>
    [Required]
    public string ExportBaseUrl { get; set; } = "http://localhost:3978";

    /// <summary>How long an export link works after the bot posted it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Privacy:ExportLinkLifetime must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan ExportLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Export and calendar links are credentials: https, or plain http only on this machine (where nothing is on the wire).
    /// </summary>
    internal static bool IsValidBaseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);

    private static bool IsLoopback(Uri uri) =>
        uri.IdnHost is "localhost" or "127.0.0.1" or "::1" || uri.Host is "[::1]";
}

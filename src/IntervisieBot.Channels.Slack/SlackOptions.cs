using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using IntervisieBot.Channels.Slack.Installations;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.Slack;

/// <summary>
/// <c>Slack:*</c>. The channel is on when <see cref="SigningSecret"/> is set, with either one workspace's
/// <see cref="BotToken"/> or the OAuth app (<see cref="ClientId"/>, <see cref="ClientSecret"/>) that installs into several
/// workspaces and keeps each workspace's token encrypted with <see cref="TokenEncryptionKey"/>.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";
    public const string DefaultApiBaseUrl = "https://slack.com/api/";
    public const string DefaultAuthorizeUrl = "https://slack.com/oauth/v2/authorize";

    /// <summary>The app's signing secret (Basic Information → App Credentials); every request from Slack is checked with it.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>One workspace: its bot token (<c>xoxb-…</c>, OAuth &amp; Permissions).</summary>
    public string? BotToken { get; set; }

    /// <summary>Several workspaces: the app's client id and secret, for Slack's OAuth v2 installation.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>32 random bytes, base64: the AES-256-GCM key for the workspaces' bot tokens at rest.</summary>
    public string? TokenEncryptionKey { get; set; }

    /// <summary>Where the Web API is (tests point it at their own server).</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Where a user installing the app is sent (<c>/api/slack/install</c> redirects there).</summary>
    public string AuthorizeUrl { get; set; } = DefaultAuthorizeUrl;

    /// <summary>The slash command the app registers.</summary>
    public string SlashCommand { get; set; } = "/intervisie";

    /// <summary>How far a request's timestamp may be from our clock (Slack advises 5 minutes); older or newer is refused.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:10:00")]
    public TimeSpan MaxRequestAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The least time between two messages the bot posts in one channel (Slack allows about one a second).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan MessageInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts after the first, for 429, 5xx, network errors and Slack's transient error codes.</summary>
    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 6;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A <c>Retry-After</c> longer than this is not waited for: the send fails instead of stalling the channel.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a user's name and locale (users.info) are reused.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan UserCacheLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Numbers in [0, 1) for the jitter (not from configuration; tests fix it).</summary>
    public Func<double> Randomizer { get; set; } = static () => RandomNumberGenerator.GetInt32(int.MaxValue) / (double)int.MaxValue;

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret);

    public bool MultiWorkspace => !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>Checks at start-up that the Slack settings make a working channel, naming the key that is wrong.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        var anySet = !string.IsNullOrWhiteSpace(options.BotToken) || !string.IsNullOrWhiteSpace(options.ClientId)
            || !string.IsNullOrWhiteSpace(options.ClientSecret);
        if (!options.Enabled)
        {
            return anySet
                ? ValidateOptionsResult.Fail("Slack:SigningSecret is required when other Slack settings are set: without it no request from Slack can be checked.")
                : ValidateOptionsResult.Success;
        }

        if (!string.IsNullOrWhiteSpace(options.BotToken) && !options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack:BotToken must be a bot token (it starts with 'xoxb-').");
        }

        if (options.MultiWorkspace)
        {
            if (string.IsNullOrWhiteSpace(options.ClientSecret))
            {
                failures.Add("Slack:ClientSecret is required with Slack:ClientId.");
            }

            if (!AesGcmSlackTokenProtector.IsValidKey(options.TokenEncryptionKey))
            {
                failures.Add("Slack:TokenEncryptionKey must be 32 random bytes in base64 (e.g. 'openssl rand -base64 32') when Slack:ClientId is set.");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Slack:BotToken (one workspace) or Slack:ClientId and Slack:ClientSecret (installation into workspaces) is required with Slack:SigningSecret.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || !IsSafe(api))
        {
            failures.Add("Slack:ApiBaseUrl must be an https address (plain http only on this machine).");
        }

        if (!Uri.TryCreate(options.AuthorizeUrl, UriKind.Absolute, out var authorize) || !IsSafe(authorize))
        {
            failures.Add("Slack:AuthorizeUrl must be an https address (plain http only on this machine).");
        }

        if (!options.SlashCommand.StartsWith('/') || options.SlashCommand.Length < 2)
        {
            failures.Add("Slack:SlashCommand must start with '/'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The bot token travels to this address, so it must be https, or loopback for tests.</summary>
    private static bool IsSafe(Uri uri) => uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
}

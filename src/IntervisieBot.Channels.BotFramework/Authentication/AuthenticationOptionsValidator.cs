using Microsoft.Extensions.Options;

namespace IntervisieBot.Channels.BotFramework.Authentication;

/// <summary>The settings inbound authentication depends on; each message names the setting to fix.</summary>
internal sealed class AuthenticationOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var errors = new List<string>();
        // Keys fetched over plain http could be swapped on the way; only a local test endpoint may use it.
        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out var url)
            || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            errors.Add($"BotFramework:OpenIdMetadataUrl must be an https address such as {BotFrameworkOptions.DefaultOpenIdMetadataUrl}, not '{options.OpenIdMetadataUrl}'.");
        }

        if (options.OpenIdMetadataRefreshInterval <= TimeSpan.Zero || options.OpenIdMetadataRefreshInterval > TimeSpan.FromHours(24))
        {
            errors.Add($"BotFramework:OpenIdMetadataRefreshInterval must be more than zero and at most 24:00:00, not '{options.OpenIdMetadataRefreshInterval}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

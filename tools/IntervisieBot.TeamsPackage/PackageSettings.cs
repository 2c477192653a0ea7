using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace IntervisieBot.TeamsPackage;

/// <summary>The values the manifest template's <c>{{Placeholders}}</c> are filled with, read and checked.</summary>
internal sealed partial record PackageSettings(
    Guid MicrosoftAppId,
    string Version,
    string DeveloperName,
    string WebsiteUrl,
    string PrivacyUrl,
    string TermsOfUseUrl,
    string OutputPath)
{
    public const string AppIdKey = "MicrosoftAppId";
    public const string VersionKey = "TeamsApp:Version";
    public const string DeveloperNameKey = "TeamsApp:DeveloperName";
    public const string WebsiteUrlKey = "TeamsApp:WebsiteUrl";
    public const string PrivacyUrlKey = "TeamsApp:PrivacyUrl";
    public const string TermsOfUseUrlKey = "TeamsApp:TermsOfUseUrl";
    public const string OutputKey = "TeamsApp:Output";

    public const string DefaultVersion = "1.0.0";
    public const string DefaultDeveloperName = "IntervisieBot";
    public const string PlaceholderSite = "https://intervisiebot.example.com";

    /// <summary>The Teams manifest schema's limit for <c>developer.name</c>.</summary>
    public const int DeveloperNameMaxLength = 32;

    /// <summary>The values by placeholder name, as the template spells them between <c>{{</c> and <c>}}</c>.</summary>
    public IReadOnlyDictionary<string, string> Placeholders => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MicrosoftAppId"] = MicrosoftAppId.ToString("D"),
        ["Version"] = Version,
        ["DeveloperName"] = DeveloperName,
        ["WebsiteUrl"] = WebsiteUrl,
        ["PrivacyUrl"] = PrivacyUrl,
        ["TermsOfUseUrl"] = TermsOfUseUrl,
    };

    /// <summary>Reads every setting; problems go to <paramref name="errors"/> (then the result is null).</summary>
    public static PackageSettings? Read(
        IConfiguration configuration,
        PackageCommandContext context,
        ICollection<string> errors,
        ICollection<string> warnings)
    {
        var settingsFile = Path.Combine(context.RepositoryRoot, "appsettings.json");
        var appId = ReadAppId(configuration[AppIdKey], settingsFile, errors);

        var version = Value(configuration, VersionKey) ?? DefaultVersion;
        if (!SemanticVersion().IsMatch(version))
        {
            errors.Add($"{VersionKey} '{version}' is not a version like 1.0.0 (major.minor.patch); Teams needs a higher one for every change it should pick up.");
        }

        var developerName = Value(configuration, DeveloperNameKey) ?? DefaultDeveloperName;
        if (developerName.Length > DeveloperNameMaxLength)
        {
            errors.Add($"{DeveloperNameKey} is {developerName.Length} characters long; Teams allows at most {DeveloperNameMaxLength}.");
        }

        var missingUrls = new List<string>();
        var websiteUrl = ReadUrl(configuration, WebsiteUrlKey, PlaceholderSite + "/", missingUrls, errors);
        var privacyUrl = ReadUrl(configuration, PrivacyUrlKey, PlaceholderSite + "/privacy", missingUrls, errors);
        var termsOfUseUrl = ReadUrl(configuration, TermsOfUseUrlKey, PlaceholderSite + "/terms", missingUrls, errors);
        if (missingUrls.Count > 0)
        {
            warnings.Add(
                $"{string.Join(", ", missingUrls)} not set: the package points to placeholder pages on {PlaceholderSite}. "
                + "That is fine for uploading to your own organisation; set real https pages before you publish the app.");
        }

        var output = Value(configuration, OutputKey);
        var outputPath = output is null
            ? Path.Combine(context.RepositoryRoot, "artifacts", "intervisiebot-teams.zip")
            : Path.GetFullPath(output, context.WorkingDirectory);

        return errors.Count > 0 || appId is null
            ? null
            : new PackageSettings(appId.Value, version, developerName, websiteUrl, privacyUrl, termsOfUseUrl, outputPath);
    }

    private static Guid? ReadAppId(string? value, string settingsFile, ICollection<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(
                $"{AppIdKey} is not set. Give the Microsoft App ID of your Azure Bot resource (a GUID, on its Configuration page): "
                + $"--{AppIdKey} <guid>, the environment variable {AppIdKey}, or the key {AppIdKey} in {settingsFile}.");
            return null;
        }

        var trimmed = value.Trim();
        if (!Guid.TryParseExact(trimmed, "D", out var appId))
        {
            errors.Add(
                $"{AppIdKey} '{trimmed}' is not a GUID. It must look like 00000000-0000-0000-0000-000000000000 "
                + "(32 hexadecimal digits in groups of 8-4-4-4-12): the Microsoft App ID on the Azure Bot resource's Configuration page.");
            return null;
        }

        if (appId == Guid.Empty)
        {
            errors.Add($"{AppIdKey} is the all-zero GUID, which no Azure Bot has: give the Microsoft App ID of your Azure Bot resource.");
            return null;
        }

        return appId;
    }

    private static string ReadUrl(IConfiguration configuration, string key, string placeholder, List<string> missing, ICollection<string> errors)
    {
        var value = Value(configuration, key);
        if (value is null)
        {
            missing.Add(key);
            return placeholder;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"{key} '{value}' is not an absolute https:// address.");
        }

        return value;
    }

    private static string? Value(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$", RegexOptions.CultureInvariant)]
    private static partial Regex SemanticVersion();
}

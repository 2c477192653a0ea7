using Microsoft.Extensions.Configuration;

namespace IntervisieBot.TeamsPackage;

/// <summary>The command line: reads the settings, builds the package, and says what it did or what is wrong.</summary>
internal static class PackageCommand
{
    public const int Success = 0;

    /// <summary>The template or its files are broken, or the package could not be written.</summary>
    public const int PackagingFailed = 1;

    /// <summary>A setting is missing or invalid (e.g. no MicrosoftAppId, or one that is not a GUID).</summary>
    public const int InvalidSettings = 2;

    public const string Usage = """
        Builds the Microsoft Teams app package of IntervisieBot (manifest.json, nl.json, color.png, outline.png in one zip).

        Usage:
          dotnet run --project tools/IntervisieBot.TeamsPackage -- --MicrosoftAppId <guid> [--output <file.zip>]

        Settings, from the repository's appsettings.json, then environment variables (__ for :), then arguments:
          MicrosoftAppId           required: the Microsoft App ID of the Azure Bot resource (a GUID); it becomes the
                                   app's id and the bot's botId
          TeamsApp:Version         the app version, major.minor.patch (default 1.0.0); raise it for every new upload
          TeamsApp:DeveloperName   shown as the publisher (default IntervisieBot, at most 32 characters)
          TeamsApp:WebsiteUrl      https pages about the app, its privacy statement and its terms of use
          TeamsApp:PrivacyUrl      (placeholders on intervisiebot.example.com when not set)
          TeamsApp:TermsOfUseUrl
          TeamsApp:Output          where the zip goes (--output; default artifacts/intervisiebot-teams.zip)

        Exit codes: 0 written, 1 the template or its files are broken, 2 a setting is missing or invalid.

        """;

    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--output"] = PackageSettings.OutputKey,
        ["-o"] = PackageSettings.OutputKey,
    };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, PackageCommandContext context)
    {
        if (args.Any(arg => arg is "--help" or "-h" or "-?" or "/?"))
        {
            stdout.Write(Usage);
            return Success;
        }

        IConfiguration configuration;
        try
        {
            configuration = BuildConfiguration(args, context);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine("Run with --help to see the settings.");
            return InvalidSettings;
        }

        var errors = new List<string>();
        var warnings = new List<string>();
        var settings = PackageSettings.Read(configuration, context, errors, warnings);
        if (settings is null)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine($"error: {error}");
            }

            stderr.WriteLine("Run with --help to see the settings.");
            return InvalidSettings;
        }

        foreach (var warning in warnings)
        {
            stderr.WriteLine($"warning: {warning}");
        }

        PackageResult result;
        try
        {
            result = TeamsPackageBuilder.Build(context.TemplateDirectory, settings.Placeholders, settings.OutputPath);
        }
        catch (Exception e) when (e is PackagingException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return PackagingFailed;
        }

        stdout.WriteLine($"Wrote {result.OutputPath}");
        stdout.WriteLine($"  app id and bot id: {settings.MicrosoftAppId:D}");
        stdout.WriteLine($"  manifest schema {result.ManifestVersion}, app version {settings.Version}");
        stdout.WriteLine($"  files: {string.Join(", ", result.Files)}");
        stdout.WriteLine("Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.");
        return Success;
    }

    private static IConfiguration BuildConfiguration(IReadOnlyList<string> args, PackageCommandContext context)
    {
        var environment = context.EnvironmentVariables.Select(variable =>
            KeyValuePair.Create(variable.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), variable.Value));
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(context.RepositoryRoot, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddInMemoryCollection(environment)
            .AddCommandLine([.. args], SwitchMappings)
            .Build();
    }
}

using System.Text.Json.Nodes;

namespace IntervisieBot.TeamsPackage.Tests;

/// <summary>The packaged manifest against the official Teams schemas, offline, through @microsoft/app-manifest.</summary>
public sealed class ManifestValidationTests
{
    [Fact]
    public async Task Packaged_manifest_and_its_Dutch_strings_validate_against_the_official_schema()
    {
        using var workspace = new PackageWorkspace();
        var folder = workspace.BuildAndExtract();

        var report = await ManifestValidator.ValidateAsync(Path.Combine(folder, "manifest.json"));

        Assert.True(report.ExitCode == 0 && report.Valid, report.ToString());
        Assert.Empty(report.Errors);
        Assert.Equal("1.30", report.ManifestVersion);
    }

    [Fact]
    public void Manifest_uses_the_newest_schema_version_the_validator_ships()
    {
        var shipped = Directory.GetDirectories(Repository.ShippedTeamsSchemas)
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith("v1.", StringComparison.Ordinal))
            .Select(name => Version.Parse(name![1..]))
            .Max()!;
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.TeamsTemplate, "manifest.json")))!;

        Assert.Equal($"{shipped.Major}.{shipped.Minor}", (string?)manifest["manifestVersion"]);
        Assert.Equal(
            $"https://developer.microsoft.com/json-schemas/teams/v{shipped.Major}.{shipped.Minor}/MicrosoftTeams.schema.json",
            (string?)manifest["$schema"]);
    }

    [Fact]
    public async Task A_broken_manifest_fails_validation_with_its_errors()
    {
        using var workspace = new PackageWorkspace();
        var folder = workspace.BuildAndExtract();
        var path = Path.Combine(folder, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        manifest["id"] = "not-a-guid";
        manifest["accentColor"] = "teal";
        var bot = manifest["bots"]![0]!.AsObject();
        bot.Remove("botId");
        var commands = bot["commandLists"]![0]!["commands"]!.AsArray();
        for (var i = commands.Count; i < 13; i++)
        {
            commands.Add(new JsonObject { ["title"] = $"extra{i}" });
        }

        File.WriteAllText(path, manifest.ToJsonString());

        var report = await ManifestValidator.ValidateAsync(path);

        Assert.Equal(1, report.ExitCode);
        Assert.False(report.Valid);
        Assert.Contains(report.Errors, error => error.Contains("/id must match pattern", StringComparison.Ordinal));
        Assert.Contains(report.Errors, error => error.Contains("/accentColor must match pattern", StringComparison.Ordinal));
        Assert.Contains(report.Errors, error => error.Contains("must have required property 'botId'", StringComparison.Ordinal));
        Assert.Contains(report.Errors, error => error.Contains("/commands must NOT have more than 12 items", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_localization_file_fails_validation()
    {
        using var workspace = new PackageWorkspace();
        var folder = workspace.BuildAndExtract();
        var path = Path.Combine(folder, "nl.json");
        var strings = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        strings["name.short"] = new string('x', 31);
        strings["name.shrot"] = "typo";
        File.WriteAllText(path, strings.ToJsonString());

        var report = await ManifestValidator.ValidateAsync(Path.Combine(folder, "manifest.json"));

        Assert.Equal(1, report.ExitCode);
        Assert.Contains(report.Errors, error => error.StartsWith("nl.json: /name.short must NOT have more than 30 characters", StringComparison.Ordinal));
        Assert.Contains(report.Errors, error => error.StartsWith("nl.json: must NOT have additional properties", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_icon_fails_validation()
    {
        using var workspace = new PackageWorkspace();
        var folder = workspace.BuildAndExtract();
        File.Delete(Path.Combine(folder, "outline.png"));

        var report = await ManifestValidator.ValidateAsync(Path.Combine(folder, "manifest.json"));

        Assert.Equal(1, report.ExitCode);
        Assert.Contains(report.Errors, error => error.Contains("icons.outline: file 'outline.png' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_unfilled_template_is_not_a_valid_manifest()
    {
        // The placeholders are not GUIDs or URLs: only the package command's output is meant for Teams.
        var report = await ManifestValidator.ValidateAsync(Path.Combine(Repository.TeamsTemplate, "manifest.json"));

        Assert.Equal(1, report.ExitCode);
        Assert.Contains(report.Errors, error => error.Contains("/bots/0/botId must match pattern", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_schema_version_the_package_does_not_ship_is_refused_not_downloaded()
    {
        using var workspace = new PackageWorkspace();
        var folder = workspace.BuildAndExtract();
        var path = Path.Combine(folder, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        manifest["$schema"] = "https://developer.microsoft.com/json-schemas/teams/v1.99/MicrosoftTeams.schema.json";
        File.WriteAllText(path, manifest.ToJsonString());

        var report = await ManifestValidator.ValidateAsync(path);

        Assert.Equal(2, report.ExitCode);
        Assert.Contains(report.Errors, error => error.Contains("does not ship v1.99/MicrosoftTeams.schema.json", StringComparison.Ordinal));
    }
}

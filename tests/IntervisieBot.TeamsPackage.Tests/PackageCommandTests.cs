using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace IntervisieBot.TeamsPackage.Tests;

public sealed class PackageCommandTests
{
    [Fact]
    public void Package_has_the_app_id_as_app_id_and_bot_id_and_no_placeholder_left()
    {
        using var workspace = new PackageWorkspace();

        var result = workspace.Run("--MicrosoftAppId", PackageWorkspace.AppId);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var zip = ZipFile.OpenRead(workspace.ZipPath);
        var manifestText = ReadText(zip, "manifest.json");
        var manifest = JsonNode.Parse(manifestText)!;
        Assert.Equal(PackageWorkspace.AppId, (string?)manifest["id"]);
        Assert.Equal(PackageWorkspace.AppId, (string?)manifest["bots"]![0]!["botId"]);
        foreach (var entry in zip.Entries.Where(entry => entry.Name.EndsWith(".json", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("{{", ReadText(zip, entry.FullName), StringComparison.Ordinal);
            Assert.DoesNotContain("}}", ReadText(zip, entry.FullName), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Package_holds_the_manifest_its_localization_and_both_icons_at_the_zip_root()
    {
        using var workspace = new PackageWorkspace();

        var result = workspace.Run("--MicrosoftAppId", PackageWorkspace.AppId);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var zip = ZipFile.OpenRead(workspace.ZipPath);
        Assert.Equal(
            ["color.png", "manifest.json", "nl.json", "outline.png"],
            zip.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal));
        Assert.Contains(workspace.ZipPath, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Icons_in_the_package_have_the_pixel_sizes_Teams_requires()
    {
        using var workspace = new PackageWorkspace();

        Assert.Equal(0, workspace.Run("--MicrosoftAppId", PackageWorkspace.AppId).ExitCode);

        using var zip = ZipFile.OpenRead(workspace.ZipPath);
        Assert.Equal((192, 192), PngImage.ReadSize(ReadBytes(zip, "color.png")));
        Assert.Equal((32, 32), PngImage.ReadSize(ReadBytes(zip, "outline.png")));
    }

    [Fact]
    public void Outline_icon_is_white_on_transparent_and_colour_icon_is_opaque()
    {
        var outline = PngImage.Decode(File.ReadAllBytes(Path.Combine(Repository.TeamsTemplate, "outline.png")));
        Assert.Equal(6, outline.ColorType);
        Assert.All(outline.Pixels(), pixel => Assert.True(
            pixel.A == 0 || (pixel.R, pixel.G, pixel.B) == (255, 255, 255),
            $"outline pixel {pixel} is neither transparent nor white"));
        Assert.Contains(outline.Pixels(), pixel => pixel.A == 255);
        Assert.Equal(0, outline[0, 0].A);

        var color = PngImage.Decode(File.ReadAllBytes(Path.Combine(Repository.TeamsTemplate, "color.png")));
        Assert.All(color.Pixels(), pixel => Assert.Equal(255, pixel.A));
        Assert.Equal((0x2E, 0x7D, 0x78, 255), ((int)color[0, 0].R, (int)color[0, 0].G, (int)color[0, 0].B, (int)color[0, 0].A));
    }

    [Fact]
    public void App_id_comes_from_appsettings_json_at_the_repository_root()
    {
        using var workspace = new PackageWorkspace($$"""{ "MicrosoftAppId": "{{PackageWorkspace.AppId}}" }""");

        var result = workspace.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(PackageWorkspace.AppId, ReadManifest(workspace)["id"]!.GetValue<string>());
    }

    [Fact]
    public void App_id_comes_from_the_environment_and_an_argument_wins_over_both_other_sources()
    {
        const string FromSettings = "11111111-1111-1111-1111-111111111111";
        const string FromEnvironment = "22222222-2222-2222-2222-222222222222";
        using var workspace = new PackageWorkspace($$"""{ "MicrosoftAppId": "{{FromSettings}}" }""");
        var environment = new Dictionary<string, string?> { ["MicrosoftAppId"] = FromEnvironment };

        Assert.Equal(0, workspace.Run(environment, Repository.TeamsTemplate).ExitCode);
        Assert.Equal(FromEnvironment, ReadManifest(workspace)["id"]!.GetValue<string>());

        Assert.Equal(0, workspace.Run(environment, Repository.TeamsTemplate, "--MicrosoftAppId", PackageWorkspace.AppId).ExitCode);
        Assert.Equal(PackageWorkspace.AppId, ReadManifest(workspace)["bots"]![0]!["botId"]!.GetValue<string>());
    }

    [Fact]
    public void An_upper_case_app_id_is_written_in_lower_case()
    {
        using var workspace = new PackageWorkspace();

        Assert.Equal(0, workspace.Run("--MicrosoftAppId", PackageWorkspace.AppId.ToUpperInvariant()).ExitCode);

        Assert.Equal(PackageWorkspace.AppId, ReadManifest(workspace)["id"]!.GetValue<string>());
    }

    [Fact]
    public void Missing_app_id_fails_with_a_clear_message_and_exit_code_2()
    {
        using var workspace = new PackageWorkspace("""{ "Storage": { "Provider": "Sqlite" } }""");

        var result = workspace.Run();

        Assert.Equal(PackageCommand.InvalidSettings, result.ExitCode);
        Assert.Contains("MicrosoftAppId is not set", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--MicrosoftAppId <guid>", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.ZipPath));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c330")]
    [InlineData("3f2504e04f8941d39a0c0305e82c3301")]
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c33zz")]
    public void A_non_guid_app_id_fails_with_a_clear_message_and_exit_code_2(string appId)
    {
        using var workspace = new PackageWorkspace();

        var result = workspace.Run("--MicrosoftAppId", appId);

        Assert.Equal(PackageCommand.InvalidSettings, result.ExitCode);
        Assert.Contains($"MicrosoftAppId '{appId}' is not a GUID", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.ZipPath));
    }

    [Fact]
    public void The_all_zero_guid_is_refused()
    {
        using var workspace = new PackageWorkspace();

        var result = workspace.Run("--MicrosoftAppId", Guid.Empty.ToString());

        Assert.Equal(PackageCommand.InvalidSettings, result.ExitCode);
        Assert.Contains("all-zero GUID", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_version_developer_and_pages_are_written_and_need_no_warning()
    {
        using var workspace = new PackageWorkspace("""
            {
              "TeamsApp": {
                "Version": "2.3.4",
                "DeveloperName": "Stichting Intervisie",
                "WebsiteUrl": "https://bot.example.org/",
                "PrivacyUrl": "https://bot.example.org/privacy",
                "TermsOfUseUrl": "https://bot.example.org/terms"
              }
            }
            """);

        var result = workspace.Run("--MicrosoftAppId", PackageWorkspace.AppId);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("warning", result.Stderr, StringComparison.Ordinal);
        var manifest = ReadManifest(workspace);
        Assert.Equal("2.3.4", (string?)manifest["version"]);
        Assert.Equal("Stichting Intervisie", (string?)manifest["developer"]!["name"]);
        Assert.Equal("https://bot.example.org/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal("https://bot.example.org/terms", (string?)manifest["developer"]!["termsOfUseUrl"]);
    }

    [Fact]
    public void Without_configured_pages_the_package_uses_placeholders_and_says_so()
    {
        using var workspace = new PackageWorkspace();

        var result = workspace.Run("--MicrosoftAppId", PackageWorkspace.AppId);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: TeamsApp:WebsiteUrl, TeamsApp:PrivacyUrl, TeamsApp:TermsOfUseUrl not set", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("https://intervisiebot.example.com/", (string?)ReadManifest(workspace)["developer"]!["websiteUrl"]);
    }

    [Theory]
    [InlineData("--TeamsApp:Version", "1.2", "TeamsApp:Version '1.2' is not a version")]
    [InlineData("--TeamsApp:PrivacyUrl", "http://bot.example.org/privacy", "TeamsApp:PrivacyUrl 'http://bot.example.org/privacy' is not an absolute https:// address")]
    [InlineData("--TeamsApp:DeveloperName", "A developer name longer than thirty-two", "TeamsApp:DeveloperName is 39 characters long")]
    public void Invalid_optional_settings_fail_with_exit_code_2(string key, string value, string message)
    {
        using var workspace = new PackageWorkspace();

        var result = workspace.Run("--MicrosoftAppId", PackageWorkspace.AppId, key, value);

        Assert.Equal(PackageCommand.InvalidSettings, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_option_chooses_where_the_zip_goes()
    {
        using var workspace = new PackageWorkspace();

        var result = workspace.Run("--MicrosoftAppId", PackageWorkspace.AppId, "--output", "out/teams.zip");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(workspace.Root, "out", "teams.zip")));
        Assert.False(File.Exists(workspace.ZipPath));
    }

    [Fact]
    public void An_icon_of_the_wrong_size_stops_packaging_with_exit_code_1()
    {
        using var workspace = new PackageWorkspace();
        var template = workspace.CopyTemplate();
        File.Copy(Path.Combine(template, "outline.png"), Path.Combine(template, "color.png"), overwrite: true);

        var result = workspace.Run(new Dictionary<string, string?>(), template, "--MicrosoftAppId", PackageWorkspace.AppId);

        Assert.Equal(PackageCommand.PackagingFailed, result.ExitCode);
        Assert.Contains("color.png (icons.color) is 32x32 pixels; Teams requires 192x192", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.ZipPath));
    }

    [Fact]
    public void A_placeholder_nothing_fills_stops_packaging_with_exit_code_1()
    {
        using var workspace = new PackageWorkspace();
        var template = workspace.CopyTemplate();
        var manifest = Path.Combine(template, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("{{DeveloperName}}", "{{Publisher}}", StringComparison.Ordinal));

        var result = workspace.Run(new Dictionary<string, string?>(), template, "--MicrosoftAppId", PackageWorkspace.AppId);

        Assert.Equal(PackageCommand.PackagingFailed, result.ExitCode);
        Assert.Contains("manifest.json has placeholders nothing fills: {{Publisher}}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_settings_give_the_same_zip()
    {
        using var workspace = new PackageWorkspace();

        Assert.Equal(0, workspace.Run("--MicrosoftAppId", PackageWorkspace.AppId).ExitCode);
        var first = File.ReadAllBytes(workspace.ZipPath);
        Assert.Equal(0, workspace.Run("--MicrosoftAppId", PackageWorkspace.AppId).ExitCode);

        Assert.Equal(first, File.ReadAllBytes(workspace.ZipPath));
    }

    [Fact]
    public async Task The_built_command_exits_with_2_and_explains_an_app_id_that_is_not_a_guid()
    {
        // The real program, as `dotnet run` starts it, in a folder of its own: the exit code is the process's.
        using var workspace = new PackageWorkspace();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workspace.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IntervisieBot.TeamsPackage.dll"));
        start.ArgumentList.Add("--MicrosoftAppId");
        start.ArgumentList.Add("12345");
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MicrosoftAppId", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("MicrosoftAppId '12345' is not a GUID", await stderr, StringComparison.Ordinal);
    }

    private static JsonNode ReadManifest(PackageWorkspace workspace)
    {
        using var zip = ZipFile.OpenRead(workspace.ZipPath);
        return JsonNode.Parse(ReadText(zip, "manifest.json"))!;
    }

    private static string ReadText(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

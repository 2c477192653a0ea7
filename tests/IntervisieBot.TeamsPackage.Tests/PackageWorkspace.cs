using System.IO.Compression;
using IntervisieBot.Testing;

namespace IntervisieBot.TeamsPackage.Tests;

/// <summary>What one run of the package command returned and printed.</summary>
internal sealed record CommandResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>
/// A throw-away repository root (a folder with IntervisieBot.sln and, if given, appsettings.json) in which the
/// package command runs in-process, with no environment variables but the ones a test gives.
/// </summary>
internal sealed class PackageWorkspace : IDisposable
{
    public const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    private readonly TempDirectory _folder = new();

    public PackageWorkspace(string? appSettingsJson = null)
    {
        File.WriteAllText(_folder.File("IntervisieBot.sln"), string.Empty);
        if (appSettingsJson is not null)
        {
            File.WriteAllText(_folder.File("appsettings.json"), appSettingsJson);
        }
    }

    public string Root => _folder.Path;

    public string ZipPath => Path.Combine(Root, "artifacts", "intervisiebot-teams.zip");

    public CommandResult Run(params string[] args) => Run(new Dictionary<string, string?>(), Repository.TeamsTemplate, args);

    public CommandResult Run(IReadOnlyDictionary<string, string?> environment, string template, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new PackageCommandContext(Root, Root, environment, template);
        var exitCode = PackageCommand.Run(args, stdout, stderr, context);
        return new CommandResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A copy of the repository's template in this workspace, to break on purpose.</summary>
    public string CopyTemplate()
    {
        var copy = Path.Combine(Root, "template");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Repository.TeamsTemplate))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    /// <summary>Builds the package with <see cref="AppId"/> and unpacks it into a folder of its own.</summary>
    public string BuildAndExtract()
    {
        var result = Run("--MicrosoftAppId", AppId);
        Assert.True(result.ExitCode == 0, result.ToString());
        var folder = Path.Combine(Root, "unpacked");
        ZipFile.ExtractToDirectory(ZipPath, folder);
        return folder;
    }

    public void Dispose() => _folder.Dispose();
}

using System.Collections;

namespace IntervisieBot.TeamsPackage;

/// <summary>Where the command runs: the folders it reads from and the environment variables it sees.</summary>
/// <param name="WorkingDirectory">Relative paths (e.g. <c>--output</c>) are resolved from here.</param>
/// <param name="RepositoryRoot">The folder with <c>IntervisieBot.sln</c>: its <c>appsettings.json</c> is read and
/// <c>artifacts/</c> is written there.</param>
/// <param name="EnvironmentVariables">Environment variables by name (<c>__</c> stands for <c>:</c>).</param>
/// <param name="TemplateDirectory">The folder with <c>manifest.json</c> and the files it names.</param>
internal sealed record PackageCommandContext(
    string WorkingDirectory,
    string RepositoryRoot,
    IReadOnlyDictionary<string, string?> EnvironmentVariables,
    string TemplateDirectory)
{
    public const string SolutionFileName = "IntervisieBot.sln";

    /// <summary>The real process: its current folder, its environment, and the template copied next to the tool.</summary>
    public static PackageCommandContext FromProcess()
    {
        var workingDirectory = Directory.GetCurrentDirectory();
        var root = FindRepositoryRoot(workingDirectory) ?? FindRepositoryRoot(AppContext.BaseDirectory) ?? workingDirectory;
        var environment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string;
        }

        return new PackageCommandContext(workingDirectory, root, environment, Path.Combine(AppContext.BaseDirectory, "teams"));
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <c>IntervisieBot.sln</c>.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}

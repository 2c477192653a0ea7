namespace IntervisieBot.TeamsPackage.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The source of the Teams package: manifest.json, nl.json and the icons.</summary>
    public static string TeamsTemplate => Path.Combine(Root, "manifest", "teams");

    public static string ValidatorScript => Path.Combine(Root, "tests", "tools", "validate-teams-manifest.js");

    public static string ShippedTeamsSchemas =>
        Path.Combine(Root, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IntervisieBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds IntervisieBot.sln.");
    }
}

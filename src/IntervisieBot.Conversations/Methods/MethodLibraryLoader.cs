using IntervisieBot.Domain.Methods;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace IntervisieBot.Conversations.Methods;

/// <summary>
/// The method library: the nine built-in methods plus every <c>*.json</c> in <c>Methods:DefinitionsPath</c>
/// (a relative path is taken from the content root). A new id adds a method; the same id with a higher version
/// replaces one. Anything invalid stops start-up with every problem and the file it is in.
/// </summary>
public static class MethodLibraryLoader
{
    public const string DefinitionsPathKey = "Methods:DefinitionsPath";

    public static MethodLibrary Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[DefinitionsPathKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return MethodLibrary.BuiltIn;
        }

        var folder = Path.GetFullPath(configured, environment.ContentRootPath);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{DefinitionsPathKey} names '{folder}', which is not a folder.");
        }

        var files = Directory.EnumerateFiles(folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new MethodFile(Path.GetFileName(path), File.ReadAllText(path)));
        return MethodLibrary.BuiltIn.With(MethodLibrary.ParseAll(files));
    }
}

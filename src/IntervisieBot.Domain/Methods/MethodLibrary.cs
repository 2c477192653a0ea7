using System.Collections.Frozen;

namespace IntervisieBot.Domain.Methods;

/// <summary>A JSON method definition and where it came from (a file name), for error messages.</summary>
public sealed record MethodFile(string SourceName, string Json);

/// <summary>
/// The methods the bot can run: the nine built-in ones, plus any the host adds from a folder. A library is immutable
/// and every definition in it has passed <see cref="MethodValidator"/>; creating one from a broken definition throws
/// with every problem listed, so a bad custom file stops start-up instead of a meeting.
/// </summary>
public sealed class MethodLibrary
{
    private const string ResourcePrefix = "IntervisieBot.Domain.Methods.Definitions.";

    // The handbook's four methods first (its table is the basis of method advice), then the article's five.
    // Advice breaks ties in this order, so it must not depend on how resources happen to be listed.
    private static readonly string[] CatalogueOrder =
        ["socratic", "five-steps", "gossip", "incidents", "incident", "balint", "ten-steps", "starr", "free"];

    private static readonly Lazy<MethodLibrary> BuiltInLibrary = new(LoadBuiltIn);

    private readonly FrozenDictionary<string, MethodDefinition> _byKey;
    private readonly IReadOnlyList<MethodDefinition> _superseded;

    private MethodLibrary(IReadOnlyList<MethodDefinition> methods, IReadOnlyList<MethodDefinition> superseded, string origin)
    {
        var errors = new List<string>();
        foreach (var method in methods)
        {
            errors.AddRange(MethodValidator.Validate(method).Select(error => $"{Label(method)}: {error}"));
        }

        foreach (var duplicate in methods.GroupBy(method => method.Id, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            errors.Add($"{duplicate.Key}: defined {duplicate.Count()} times");
        }

        _byKey = BuildKeys(methods, errors);
        if (errors.Count > 0)
        {
            throw new MethodDefinitionException(origin, errors);
        }

        All = methods;
        _superseded = superseded;
    }

    /// <summary>The nine methods from the sources, loaded from the definitions embedded in this assembly.</summary>
    public static MethodLibrary BuiltIn => BuiltInLibrary.Value;

    /// <summary>The current version of every method, in catalogue order; custom methods that are new come last.</summary>
    public IReadOnlyList<MethodDefinition> All { get; }

    /// <summary>
    /// Finds a method by what a user typed: its id, its Dutch or English name, or an alias; case, accents, spaces,
    /// hyphens and a trailing "methode" or "method" do not matter.
    /// </summary>
    public MethodDefinition? Find(string idNameOrAlias)
    {
        var key = MethodNames.Key(idNameOrAlias);
        if (key.Length == 0)
        {
            return null;
        }

        if (_byKey.TryGetValue(key, out var method))
        {
            return method;
        }

        return MethodNames.WithoutSuffix(key) is { } shorter ? _byKey.GetValueOrDefault(shorter) : null;
    }

    /// <summary>
    /// A method in the version a session started with. Versions replaced by a custom definition stay findable here;
    /// a version that no longer exists anywhere gives null, and the session must fall back on its own copy.
    /// </summary>
    public MethodDefinition? Find(string id, int version) =>
        All.Concat(_superseded).FirstOrDefault(method => method.Id == id && method.Version == version);

    public MethodDefinition Get(string id) =>
        All.FirstOrDefault(method => method.Id == id)
        ?? throw new KeyNotFoundException($"There is no method with id '{id}'.");

    /// <summary>
    /// This library plus <paramref name="custom"/> definitions. A custom definition with a new id is added; one with
    /// the id of an existing method replaces it only with a higher version. Anything else throws, listing every problem.
    /// </summary>
    public MethodLibrary With(IEnumerable<MethodDefinition> custom)
    {
        var additions = custom.ToList();
        var errors = new List<string>();
        var methods = All.ToList();
        var superseded = _superseded.ToList();

        foreach (var duplicate in additions.GroupBy(method => method.Id, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            errors.Add($"{duplicate.Key}: {duplicate.Count()} custom definitions share this id; keep one");
        }

        foreach (var method in additions.GroupBy(method => method.Id, StringComparer.Ordinal).Select(group => group.First()))
        {
            var index = methods.FindIndex(existing => existing.Id == method.Id);
            if (index < 0)
            {
                continue;
            }

            var existing = methods[index];
            if (method.Version <= existing.Version)
            {
                errors.Add($"{Label(method)}: does not replace the method already loaded with version {existing.Version}; give it version {existing.Version + 1} or higher to replace it, or another id to add it");
                continue;
            }

            superseded.Add(existing);
            methods[index] = method;
        }

        var added = additions.Where(method => !All.Any(existing => existing.Id == method.Id))
            .OrderBy(method => method.Id, StringComparer.Ordinal);
        methods.AddRange(added);

        if (errors.Count > 0)
        {
            // Report validation problems too, not only the version clash, so one start-up shows everything.
            errors.AddRange(additions.SelectMany(method => MethodValidator.Validate(method).Select(error => $"{Label(method)}: {error}")));
            throw new MethodDefinitionException("custom methods", errors);
        }

        return new MethodLibrary(methods, superseded, "custom methods");
    }

    /// <summary>Reads one definition from JSON and validates it; throws naming <paramref name="sourceName"/> and each bad field.</summary>
    public static MethodDefinition Parse(string json, string sourceName)
    {
        var method = MethodDefinitionReader.Read(json, sourceName);
        var errors = MethodValidator.Validate(method);
        return errors.Count == 0 ? method : throw new MethodDefinitionException(sourceName, errors);
    }

    /// <summary>Reads several definitions; throws once, with the problems of every file, if any is broken.</summary>
    public static IReadOnlyList<MethodDefinition> ParseAll(IEnumerable<MethodFile> files)
    {
        var methods = new List<MethodDefinition>();
        var errors = new List<string>();
        foreach (var file in files)
        {
            try
            {
                methods.Add(Parse(file.Json, file.SourceName));
            }
            catch (MethodDefinitionException e)
            {
                errors.AddRange(e.Errors.Select(error => $"{file.SourceName}: {error}"));
            }
        }

        return errors.Count == 0 ? methods : throw new MethodDefinitionException("method files", errors);
    }

    private static MethodLibrary LoadBuiltIn()
    {
        var assembly = typeof(MethodLibrary).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)
                    ?? throw new InvalidOperationException($"Embedded method definition {name} cannot be read.");
                using var reader = new StreamReader(stream);
                return new MethodFile(name[ResourcePrefix.Length..], reader.ReadToEnd());
            })
            .ToList();

        IReadOnlyList<MethodDefinition> methods;
        try
        {
            methods = ParseAll(files);
        }
        catch (MethodDefinitionException e)
        {
            throw new MethodDefinitionException("built-in methods", e.Errors);
        }

        var misnamed = files.Zip(methods)
            .Where(pair => pair.First.SourceName != pair.Second.Id + ".json")
            .Select(pair => $"{pair.First.SourceName}: the file must be named after its id, {pair.Second.Id}.json")
            .ToList();
        if (misnamed.Count > 0)
        {
            throw new MethodDefinitionException("built-in methods", misnamed);
        }

        var ordered = methods
            .OrderBy(method => Array.IndexOf(CatalogueOrder, method.Id) is var index and >= 0 ? index : CatalogueOrder.Length)
            .ThenBy(method => method.Id, StringComparer.Ordinal)
            .ToList();
        return new MethodLibrary(ordered, [], "built-in methods");
    }

    // Explicit keys (id, names, aliases) must each point at one method. Keys with "methode"/"method" dropped are a
    // convenience: when two methods would share one, neither gets it.
    private static FrozenDictionary<string, MethodDefinition> BuildKeys(IReadOnlyList<MethodDefinition> methods, List<string> errors)
    {
        var explicitKeys = new Dictionary<string, MethodDefinition>(StringComparer.Ordinal);
        foreach (var method in methods)
        {
            foreach (var key in MethodNames.KeysOf(method))
            {
                if (explicitKeys.TryGetValue(key, out var other) && other.Id != method.Id)
                {
                    errors.Add($"{Label(method)}: the name or alias '{key}' also names method {other.Id}; lookups would be ambiguous");
                    continue;
                }

                explicitKeys[key] = method;
            }
        }

        var shortened = explicitKeys
            .Select(pair => (Key: MethodNames.WithoutSuffix(pair.Key), Method: pair.Value))
            .Where(pair => pair.Key is not null && !explicitKeys.ContainsKey(pair.Key))
            .GroupBy(pair => pair.Key!, StringComparer.Ordinal)
            .Where(group => group.Select(pair => pair.Method.Id).Distinct(StringComparer.Ordinal).Count() == 1);

        var keys = new Dictionary<string, MethodDefinition>(explicitKeys, StringComparer.Ordinal);
        foreach (var group in shortened)
        {
            keys[group.Key] = group.First().Method;
        }

        return keys.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Label(MethodDefinition method) =>
        string.IsNullOrEmpty(method.Id) ? "(method without id)" : $"{method.Id} v{method.Version}";
}

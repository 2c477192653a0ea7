using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IntervisieBot.TeamsPackage;

/// <summary>A problem with the template or its files that stops packaging; the message says what to fix.</summary>
internal sealed class PackagingException(string message) : Exception(message);

/// <summary>What went into the package.</summary>
internal sealed record PackageResult(string OutputPath, string ManifestVersion, IReadOnlyList<string> Files);

/// <summary>
/// Builds the Teams app package: manifest.json with its <c>{{Placeholders}}</c> filled, and the icons and localization
/// files it names, all at the root of one zip.
/// </summary>
internal static partial class TeamsPackageBuilder
{
    public const string ManifestFileName = "manifest.json";

    /// <summary>The sizes Teams requires of each icon in <c>icons</c>.</summary>
    public static readonly IReadOnlyDictionary<string, PngInfo> IconSizes = new Dictionary<string, PngInfo>(StringComparer.Ordinal)
    {
        ["color"] = new(192, 192),
        ["outline"] = new(32, 32),
        ["color32x32"] = new(32, 32),
    };

    // Zip entries get a fixed time so the same inputs give the same bytes.
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        // Keep Dutch letters (é, ë) readable in the files; the package is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static PackageResult Build(string templateDirectory, IReadOnlyDictionary<string, string> placeholders, string outputPath)
    {
        var template = Path.GetFullPath(templateDirectory);
        var manifest = ReadJson(template, ManifestFileName, placeholders);
        if (manifest is not JsonObject manifestObject)
        {
            throw new PackagingException($"{Path.Combine(template, ManifestFileName)} is not a JSON object.");
        }

        var entries = new List<(string Name, byte[] Bytes)> { (ManifestFileName, Serialize(manifest)) };

        foreach (var file in LocalizationFiles(manifestObject))
        {
            entries.Add((file, Serialize(ReadJson(template, file, placeholders))));
        }

        if (manifestObject["icons"] is not JsonObject icons)
        {
            throw new PackagingException($"{ManifestFileName} has no \"icons\" object.");
        }

        foreach (var (kind, value) in icons)
        {
            var file = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
            if (file is null)
            {
                throw new PackagingException($"{ManifestFileName}: icons.{kind} is not a file name.");
            }

            var bytes = File.ReadAllBytes(ResolveFile(template, file));
            var size = PngInfo.TryRead(bytes)
                ?? throw new PackagingException($"{file} (icons.{kind}) is not a PNG image.");
            if (IconSizes.TryGetValue(kind, out var expected) && size != expected)
            {
                throw new PackagingException($"{file} (icons.{kind}) is {size} pixels; Teams requires {expected}.");
            }

            entries.Add((file, bytes));
        }

        WriteZip(outputPath, entries);
        var manifestVersion = manifestObject["manifestVersion"]?.GetValueKind() == JsonValueKind.String
            ? manifestObject["manifestVersion"]!.GetValue<string>()
            : "(none)";
        return new PackageResult(outputPath, manifestVersion, [.. entries.Select(entry => entry.Name)]);
    }

    /// <summary>Replaces every <c>{{Name}}</c> in the string values of <paramref name="node"/>; names not in
    /// <paramref name="placeholders"/> are collected in <paramref name="unknown"/>.</summary>
    public static JsonNode? Fill(JsonNode? node, IReadOnlyDictionary<string, string> placeholders, ISet<string> unknown)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    var filledChild = Fill(child, placeholders, unknown);
                    if (!ReferenceEquals(filledChild, child))
                    {
                        obj[name] = filledChild;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var filledItem = Fill(array[i], placeholders, unknown);
                    if (!ReferenceEquals(filledItem, array[i]))
                    {
                        array[i] = filledItem;
                    }
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                var filled = Placeholder().Replace(text, match =>
                {
                    if (placeholders.TryGetValue(match.Groups["name"].Value, out var replacement))
                    {
                        return replacement;
                    }

                    unknown.Add(match.Value);
                    return match.Value;
                });
                return filled == text ? value : JsonValue.Create(filled);
            default:
                return node;
        }
    }

    private static JsonNode? ReadJson(string template, string file, IReadOnlyDictionary<string, string> placeholders)
    {
        var path = ResolveFile(template, file);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (JsonException e)
        {
            throw new PackagingException($"{path} is not valid JSON: {e.Message}");
        }

        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        node = Fill(node, placeholders, unknown);
        if (unknown.Count > 0)
        {
            throw new PackagingException(
                $"{file} has placeholders nothing fills: {string.Join(", ", unknown)}. Known: {string.Join(", ", placeholders.Keys.Select(key => "{{" + key + "}}"))}.");
        }

        if (node is not null && node.ToJsonString().Contains("{{", StringComparison.Ordinal))
        {
            throw new PackagingException($"{file} still has '{{{{' after filling the placeholders: a placeholder is not closed with '}}}}'.");
        }

        return node;
    }

    private static IEnumerable<string> LocalizationFiles(JsonObject manifest)
    {
        if (manifest["localizationInfo"] is not JsonObject localization)
        {
            yield break;
        }

        if (localization["defaultLanguageFile"] is JsonValue defaultFile && defaultFile.GetValueKind() == JsonValueKind.String)
        {
            yield return defaultFile.GetValue<string>();
        }

        if (localization["additionalLanguages"] is JsonArray languages)
        {
            foreach (var language in languages)
            {
                if (language?["file"] is JsonValue file && file.GetValueKind() == JsonValueKind.String)
                {
                    yield return file.GetValue<string>();
                }
            }
        }
    }

    /// <summary>A file the manifest names: a plain name in the template folder, as Teams wants the package flat.</summary>
    private static string ResolveFile(string template, string file)
    {
        if (file.Length == 0 || file != Path.GetFileName(file) || file.Contains('\\', StringComparison.Ordinal))
        {
            throw new PackagingException($"'{file}' must be a plain file name: every file sits at the root of the package.");
        }

        var path = Path.Combine(template, file);
        if (!File.Exists(path))
        {
            throw new PackagingException($"{path} is missing: {ManifestFileName} names it.");
        }

        return path;
    }

    private static byte[] Serialize(JsonNode? node)
    {
        var json = node?.ToJsonString(WriteOptions) ?? "null";
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(json + "\n");
    }

    private static void WriteZip(string outputPath, IReadOnlyList<(string Name, byte[] Bytes)> entries)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(outputPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                foreach (var (name, bytes) in entries)
                {
                    var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                    entry.LastWriteTime = EntryTime;
                    using var entryStream = entry.Open();
                    entryStream.Write(bytes);
                }
            }

            File.Move(temporary, outputPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    [GeneratedRegex(@"\{\{(?<name>[^{}]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

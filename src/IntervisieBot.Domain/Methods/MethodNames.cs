using System.Text;

namespace IntervisieBot.Domain.Methods;

/// <summary>
/// Turns what a user types into a lookup key: case, accents, spaces and punctuation do not matter, so
/// "Tien-stappen", "tien stappen" and "TIENSTAPPEN" are one key.
/// </summary>
internal static class MethodNames
{
    // Words people add or leave off: "balint" and "balintmethode" mean the same method.
    private static readonly string[] Suffixes = ["methode", "method", "intervisie", "intervision"];

    public static string Key(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            // After FormD an accent is a separate mark, which is no letter and so falls away with the punctuation.
            if (char.IsLetterOrDigit(character))
            {
                key.Append(char.ToLowerInvariant(character));
            }
        }

        return key.ToString();
    }

    /// <summary>The key without a trailing "methode", "method" or the like, or null when there is none to drop.</summary>
    public static string? WithoutSuffix(string key)
    {
        foreach (var suffix in Suffixes)
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                return key[..^suffix.Length];
            }
        }

        return null;
    }

    /// <summary>Every key the method answers to: its id, its names in both languages, and its aliases.</summary>
    public static IEnumerable<string> KeysOf(MethodDefinition method) =>
        new[] { method.Id, method.Name.Nl, method.Name.En }
            .Concat(method.Aliases)
            .Select(Key)
            .Where(key => key.Length > 0)
            .Distinct(StringComparer.Ordinal);
}

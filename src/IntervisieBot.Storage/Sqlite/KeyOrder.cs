namespace IntervisieBot.Storage.Sqlite;

/// <summary>
/// The order of keys and strings in this store: by Unicode code point, which is how SQLite's BINARY collation
/// orders UTF-8 text. Filters evaluated in memory use it too, so they agree with the SQL range scan and ORDER BY.
/// </summary>
internal static class KeyOrder
{
    public static int Compare(string left, string right)
    {
        var common = left.AsSpan().CommonPrefixLength(right);
        if (common == left.Length || common == right.Length)
        {
            return left.Length.CompareTo(right.Length);
        }

        return CodePointRank(left[common]).CompareTo(CodePointRank(right[common]));
    }

    // UTF-16 order differs from code point order only where surrogates (U+D800-DFFF, the start of a character
    // above U+FFFF) meet U+E000-FFFF: move the surrogates above the rest of the BMP.
    private static int CodePointRank(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}

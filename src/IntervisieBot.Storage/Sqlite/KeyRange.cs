namespace IntervisieBot.Storage.Sqlite;

/// <summary>One end of a <see cref="KeyRange"/>.</summary>
internal readonly record struct KeyBound(string Key, bool Inclusive);

/// <summary>
/// The row keys a query can match, as far as its filter says; null ends are open. The store turns it into
/// <c>row_key &gt;= …</c> / <c>&lt; …</c> conditions so SQLite seeks in its index instead of scanning the partition.
/// </summary>
internal readonly record struct KeyRange(KeyBound? Lower, KeyBound? Upper)
{
    public static KeyRange All => default;

    public static KeyRange After(string key) => new(new KeyBound(key, Inclusive: false), null);

    /// <summary>The keys both ranges hold.</summary>
    public KeyRange Intersect(KeyRange other) => new(Tighter(Lower, other.Lower, 1), Tighter(Upper, other.Upper, -1));

    // direction 1 keeps the higher lower bound, -1 the lower upper bound; on equal keys exclusive is tighter.
    private static KeyBound? Tighter(KeyBound? a, KeyBound? b, int direction)
    {
        if (a is not { } x)
        {
            return b;
        }

        if (b is not { } y)
        {
            return a;
        }

        var order = KeyOrder.Compare(x.Key, y.Key) * direction;
        return order switch
        {
            > 0 => x,
            < 0 => y,
            _ => x.Inclusive ? y : x,
        };
    }
}

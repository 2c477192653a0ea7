using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Storage.Sqlite;

/// <summary>
/// An OData <c>$filter</c> as the Table service takes it (what <see cref="TableFilter"/> builds): comparisons
/// <c>eq ne gt ge lt le</c> between properties and literals, joined by <c>not</c>, <c>and</c>, <c>or</c> (binding in
/// that order) and parentheses. Evaluated in memory per entity; <see cref="RowKeyRange"/> lets the store narrow
/// its scan in SQL first.
/// </summary>
internal sealed partial class ODataFilter
{
    private readonly Node _root;

    private ODataFilter(Node root)
    {
        _root = root;
        RowKeyRange = RowKeyRangeOf(root);
    }

    /// <summary>The row keys the filter can match at all, from its RowKey comparisons joined by top-level <c>and</c>.</summary>
    public KeyRange RowKeyRange { get; }

    /// <summary>Parses a filter; throws <see cref="ArgumentException"/> saying where and why when it is malformed.</summary>
    public static ODataFilter Parse(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new(new Parser(filter).ParseFilter());
    }

    public bool Matches(TableEntity entity) => _root.Matches(entity);

    private static ArgumentException Invalid(string filter, int position, string problem) =>
        new($"The filter is not valid at position {position + 1}: {problem}. Filter: {filter}", nameof(filter));

    private static KeyRange RowKeyRangeOf(Node node) => node switch
    {
        And and => RowKeyRangeOf(and.Left).Intersect(RowKeyRangeOf(and.Right)),
        Comparison { Left: Property { Name: TableEntity.RowKeyName }, Right: Literal { Value: string key } } c => RangeOf(c.Operator, key),
        Comparison { Left: Literal { Value: string key }, Right: Property { Name: TableEntity.RowKeyName } } c => RangeOf(Mirror(c.Operator), key),
        _ => KeyRange.All,
    };

    private static KeyRange RangeOf(ComparisonOperator op, string key) => op switch
    {
        ComparisonOperator.Eq => new(new KeyBound(key, true), new KeyBound(key, true)),
        ComparisonOperator.Gt => new(new KeyBound(key, false), null),
        ComparisonOperator.Ge => new(new KeyBound(key, true), null),
        ComparisonOperator.Lt => new(null, new KeyBound(key, false)),
        ComparisonOperator.Le => new(null, new KeyBound(key, true)),
        _ => KeyRange.All,
    };

    // 'a' lt RowKey means RowKey gt 'a'.
    private static ComparisonOperator Mirror(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Gt => ComparisonOperator.Lt,
        ComparisonOperator.Ge => ComparisonOperator.Le,
        ComparisonOperator.Lt => ComparisonOperator.Gt,
        ComparisonOperator.Le => ComparisonOperator.Ge,
        _ => op,
    };

    /// <summary>
    /// The order of two values, or null when they cannot be compared (different types): then every comparison,
    /// <c>ne</c> included, is false, as in the Table service. Numbers compare across Int32, Int64 and Double.
    /// </summary>
    internal static int? CompareValues(object left, object right) => (left, right) switch
    {
        (string a, string b) => KeyOrder.Compare(a, b),
        (bool a, bool b) => a.CompareTo(b),
        (Guid a, Guid b) => a.CompareTo(b),
        (DateTimeOffset a, DateTimeOffset b) => a.UtcTicks.CompareTo(b.UtcTicks),
        (byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b),
        (int or long, int or long) => AsInt64(left).CompareTo(AsInt64(right)),
        (double a, double b) => a.CompareTo(b),
        (int or long, double b) => CompareExactly(AsInt64(left), b),
        (double a, int or long) => -CompareExactly(AsInt64(right), a),
        _ => null,
    };

    private static long AsInt64(object integer) => integer is int i ? i : (long)integer;

    // A long does not always fit a double exactly (above 2^53), so compare whole parts as longs, then the fraction.
    private static int CompareExactly(long left, double right)
    {
        const double TwoTo63 = 9223372036854775808.0;
        if (right >= TwoTo63)
        {
            return -1;
        }

        if (right < -TwoTo63)
        {
            return 1;
        }

        var whole = Math.Floor(right);
        var order = left.CompareTo((long)whole);
        return order != 0 ? order : (right > whole ? -1 : 0);
    }

    internal enum ComparisonOperator
    {
        Eq,
        Ne,
        Gt,
        Ge,
        Lt,
        Le,
    }

    private abstract record Node
    {
        public abstract bool Matches(TableEntity entity);
    }

    private sealed record And(Node Left, Node Right) : Node
    {
        public override bool Matches(TableEntity entity) => Left.Matches(entity) && Right.Matches(entity);
    }

    private sealed record Or(Node Left, Node Right) : Node
    {
        public override bool Matches(TableEntity entity) => Left.Matches(entity) || Right.Matches(entity);
    }

    private sealed record Not(Node Operand) : Node
    {
        public override bool Matches(TableEntity entity) => !Operand.Matches(entity);
    }

    private sealed record Comparison(Operand Left, ComparisonOperator Operator, Operand Right) : Node
    {
        public override bool Matches(TableEntity entity)
        {
            // A property the entity lacks makes the comparison false, whatever the operator.
            if (Left.ValueIn(entity) is not { } left || Right.ValueIn(entity) is not { } right || CompareValues(left, right) is not { } order)
            {
                return false;
            }

            return Operator switch
            {
                ComparisonOperator.Eq => order == 0,
                ComparisonOperator.Ne => order != 0,
                ComparisonOperator.Gt => order > 0,
                ComparisonOperator.Ge => order >= 0,
                ComparisonOperator.Lt => order < 0,
                _ => order <= 0,
            };
        }
    }

    private abstract record Operand
    {
        public abstract object? ValueIn(TableEntity entity);
    }

    private sealed record Property(string Name) : Operand
    {
        public override object? ValueIn(TableEntity entity) => Name switch
        {
            TableEntity.PartitionKeyName => entity.PartitionKey,
            TableEntity.RowKeyName => entity.RowKey,
            TableEntity.TimestampName => entity.Timestamp,
            _ => entity[Name],
        };
    }

    private sealed record Literal(object Value) : Operand
    {
        public override object? ValueIn(TableEntity entity) => Value;
    }
}

using System.Globalization;
using System.Text;

namespace IntervisieBot.Storage.Tables;

/// <summary>
/// Builds OData filters for <see cref="ITableClient.QueryAsync"/> with every value quoted as its type requires,
/// like Azure.Data.Tables' <c>TableClient.CreateQueryFilter</c>: <c>TableFilter.Create($"Due le {now}")</c>.
/// </summary>
public static class TableFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    /// <summary>The OData literal for a value of one of the table property types.</summary>
    public static string Literal(object? value) => value switch
    {
        null => throw new ArgumentException("A filter cannot compare with null: the Table service does not store nulls.", nameof(value)),
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => DoubleLiteral(d),
        Guid g => "guid'" + g.ToString("D") + "'",
        DateTimeOffset dto => "datetime'" + FormatDateTime(dto) + "'",
        DateTime dt => "datetime'" + FormatDateTime(new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind))) + "'",
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        _ => throw new ArgumentException($"A filter cannot compare with a {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>The wire form of a date: UTC, 7 fractional digits (100 ns, the service's precision).</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static string DoubleLiteral(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        var sb = new StringBuilder(text);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
        {
            sb.Append(".0");
        }

        return sb.ToString();
    }
}

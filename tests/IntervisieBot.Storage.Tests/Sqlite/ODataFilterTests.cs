using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Storage.Tests.Sqlite;

public sealed class ODataFilterTests
{
    private static TableEntity Entity(params (string Name, object? Value)[] properties)
    {
        var entity = new TableEntity("group", "row");
        foreach (var (name, value) in properties)
        {
            entity[name] = value;
        }

        return entity;
    }

    private static bool Matches(string filter, TableEntity entity) => ODataFilter.Parse(filter).Matches(entity);

    [Fact]
    public void Parse_AndBindsTighterThanOr()
    {
        // (A eq 1) or (A eq 2 and B eq 3) holds for A = 1; ((A eq 1 or A eq 2) and B eq 3) would not.
        Assert.True(Matches("A eq 1 or A eq 2 and B eq 3", Entity(("A", 1), ("B", 0))));
        Assert.False(Matches("(A eq 1 or A eq 2) and B eq 3", Entity(("A", 1), ("B", 0))));
    }

    [Fact]
    public void Parse_NotBindsTighterThanAnd()
    {
        // (not A eq 1) and B eq 2 is false for A = 2, B = 3; not (A eq 1 and B eq 2) would be true.
        Assert.False(Matches("not A eq 1 and B eq 2", Entity(("A", 2), ("B", 3))));
        Assert.True(Matches("not (A eq 1 and B eq 2)", Entity(("A", 2), ("B", 3))));
        Assert.True(Matches("not not A eq 2", Entity(("A", 2))));
    }

    [Theory]
    [InlineData("O'Brien", "'O''Brien'")]
    [InlineData("'", "''''")]
    [InlineData("it''s'", "'it''''s'''")]
    [InlineData("", "''")]
    [InlineData("and or not eq ( )", "'and or not eq ( )'")]
    public void Parse_QuotedString_DoublesQuotesInside(string value, string literal)
    {
        Assert.True(Matches($"Name eq {literal}", Entity(("Name", value))));
        Assert.Equal(literal, TableFilter.Literal(value));
    }

    public static TheoryData<object> ValuesOfEveryType() => new()
    {
        "Intervisie → wat maakt dat? 🙂",
        true,
        false,
        int.MinValue,
        long.MaxValue,
        -1.5e-300,
        2.0,
        1e20,
        Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        new DateTimeOffset(2026, 10, 25, 2, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234567),
        new byte[] { 0, 1, 0xAB, 0xFF },
    };

    [Theory]
    [MemberData(nameof(ValuesOfEveryType))]
    public void Matches_LiteralOfEachType_EqualsTheSameValueStored(object value)
    {
        var literal = TableFilter.Literal(value);
        var entity = Entity(("P", value));

        Assert.True(Matches($"P eq {literal}", entity));
        Assert.False(Matches($"P ne {literal}", entity));
        Assert.True(Matches($"P ge {literal} and P le {literal}", entity));
        Assert.False(Matches($"P gt {literal} or P lt {literal}", entity));
    }

    [Theory]
    [InlineData("P eq 123L", 123L)]
    [InlineData("P eq -5", -5)]
    [InlineData("P eq -9223372036854775808L", long.MinValue)]
    [InlineData("P eq 1.5E-300", 1.5e-300)]
    [InlineData("P eq 1E+20", 1e20)]
    [InlineData("P eq 2.5e3", 2500.0)]
    [InlineData("P eq true", true)]
    [InlineData("P eq false", false)]
    [InlineData("P eq 'x'", "x")]
    public void Matches_HandWrittenLiteral_ComparesAsItsType(string filter, object value)
    {
        Assert.True(Matches(filter, Entity(("P", value))));
    }

    [Fact]
    public void Matches_TypedLiterals_InTheirUsualSpellings()
    {
        var entity = Entity(
            ("Due", new DateTimeOffset(2026, 3, 1, 19, 30, 0, TimeSpan.Zero)),
            ("Id", Guid.Parse("4b0ed8a5-5a4e-4f4b-9d1a-3f0f2a6f1c01")),
            ("Bytes", new byte[] { 0x0A, 0xFF }));

        Assert.True(Matches("Due eq datetime'2026-03-01T19:30:00Z'", entity));
        Assert.True(Matches("Due eq datetime'2026-03-01T19:30:00.0000000Z'", entity));
        Assert.True(Matches("Due eq datetime'2026-03-01T20:30:00+01:00'", entity));
        Assert.True(Matches("Due eq datetime'2026-03-01T19:30Z'", entity));
        Assert.True(Matches("Id eq guid'4B0ED8A5-5A4E-4F4B-9D1A-3F0F2A6F1C01'", entity));
        Assert.True(Matches("Bytes eq X'0aff'", entity));
        Assert.True(Matches("Bytes eq X'0AFF'", entity));
        Assert.True(Matches("Bytes eq binary'0aff'", entity));
    }

    [Theory]
    [InlineData("I eq 2.0", true)]
    [InlineData("I eq 2L", true)]
    [InlineData("I lt 2.5", true)]
    [InlineData("L gt 1", true)]
    [InlineData("L gt 9007199254740992.0", true)] // 2^53 + 1 > 2^53, though both round to the same double
    [InlineData("L lt 9223372036854775807.0", true)]
    [InlineData("D lt 3L", true)]
    [InlineData("D gt 2", true)]
    [InlineData("D eq 2.5", true)]
    [InlineData("I gt 2.0", false)]
    public void Matches_Numbers_CompareAcrossInt32Int64AndDouble(string filter, bool expected)
    {
        var entity = Entity(("I", 2), ("L", 9007199254740993L), ("D", 2.5));

        Assert.Equal(expected, Matches(filter, entity));
    }

    [Theory]
    [InlineData("S eq 1")]
    [InlineData("S ne 1")]
    [InlineData("S gt 0")]
    [InlineData("B eq 1")]
    [InlineData("B ne 'true'")]
    [InlineData("I eq '1'")]
    [InlineData("G ne 'x'")]
    public void Matches_DifferentTypes_IsFalseEvenForNe(string filter)
    {
        var entity = Entity(("S", "1"), ("B", true), ("I", 1), ("G", Guid.Empty));

        Assert.False(Matches(filter, entity));
    }

    [Fact]
    public void Matches_MissingProperty_MakesEveryComparisonFalse()
    {
        var entity = Entity(("Present", 1));

        Assert.False(Matches("Missing eq 1", entity));
        Assert.False(Matches("Missing ne 1", entity));
        Assert.False(Matches("Missing eq Missing", entity));
        Assert.True(Matches("not (Missing eq 1)", entity));
        Assert.True(Matches("Missing eq 1 or Present eq 1", entity));
    }

    [Fact]
    public void Matches_SystemProperties_AreComparable()
    {
        var entity = new TableEntity("group-1", "meeting-07") { Timestamp = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero) };

        Assert.True(Matches("PartitionKey eq 'group-1' and RowKey ge 'meeting-' and RowKey lt 'meeting.'", entity));
        Assert.True(Matches("Timestamp lt datetime'2026-01-05T09:00:01Z'", entity));
        Assert.True(Matches("'meeting-10' gt RowKey", entity));
    }

    [Fact]
    public void Matches_Strings_CompareByCodePointLikeTheStoredKeyOrder()
    {
        // U+FFFD comes before U+1F600 in code point (and UTF-8) order, though after its UTF-16 surrogates.
        var entity = Entity(("S", "\uFFFD"));

        Assert.True(Matches("S lt '\U0001F600'", entity));
        Assert.True(Matches("S gt '\uD7FF'", entity));
    }

    [Theory]
    [InlineData("", "expected a property name or a value")]
    [InlineData("Name", "expected a comparison")]
    [InlineData("Name eq", "expected a property name or a value")]
    [InlineData("Name equals 'x'", "expected a comparison")]
    [InlineData("Name eq 'x", "not closed")]
    [InlineData("Name eq 'x' and", "expected a property name or a value")]
    [InlineData("(Name eq 'x'", "expected ')'")]
    [InlineData("Name eq 'x')", "expected 'and', 'or' or the end")]
    [InlineData("Name eq 'x' Other eq 1", "expected 'and', 'or' or the end")]
    [InlineData("Name eq 'x' AND Other eq 1", "expected 'and', 'or' or the end")]
    [InlineData("and eq 1", "expected a property name or a value")]
    [InlineData("Name & 1", "unexpected character '&'")]
    [InlineData("Name eq 2147483648", "write 2147483648L")]
    [InlineData("Name eq 99999999999999999999L", "does not fit a 64-bit integer")]
    [InlineData("Name eq 1e999", "too large")]
    [InlineData("Name eq 1.", "digits after the decimal point")]
    [InlineData("Name eq 12abc", "is not a number")]
    [InlineData("Name eq guid'nope'", "is not a guid")]
    [InlineData("Name eq datetime'yesterday'", "is not a date and time")]
    [InlineData("Name eq X'abc'", "hex digits")]
    [InlineData("Name eq date'2026-01-01'", "is not a literal type")]
    [InlineData("Name eq null", "does not store nulls")]
    public void Parse_MalformedFilter_ThrowsArgumentExceptionSayingWhy(string filter, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => ODataFilter.Parse(filter));

        Assert.Equal("filter", error.ParamName);
        Assert.StartsWith("The filter is not valid at position ", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedFilter_NamesThePositionOfTheProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => ODataFilter.Parse("Name eq 'x' Other eq 1"));

        Assert.Contains("position 13", error.Message, StringComparison.Ordinal);
        Assert.Contains("found 'Other'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowKeyRange_FromTopLevelAndConjuncts_IsTheTightestRange()
    {
        var range = ODataFilter.Parse("RowKey ge 'b' and Even eq true and RowKey lt 'd' and RowKey gt 'b' and RowKey le 'x'").RowKeyRange;

        Assert.Equal(new KeyRange(new KeyBound("b", Inclusive: false), new KeyBound("d", Inclusive: false)), range);
    }

    [Theory]
    [InlineData("RowKey eq 'k'", "k", true, "k", true)]
    [InlineData("'m' lt RowKey", "m", false, null, false)]
    [InlineData("'m' ge RowKey", null, false, "m", true)]
    [InlineData("(RowKey gt 'a' and I eq 1) and RowKey lt 'z'", "a", false, "z", false)]
    public void RowKeyRange_OfSimpleConditions_BoundsTheKeys(string filter, string? lower, bool lowerInclusive, string? upper, bool upperInclusive)
    {
        var expected = new KeyRange(
            lower is null ? null : new KeyBound(lower, lowerInclusive),
            upper is null ? null : new KeyBound(upper, upperInclusive));

        Assert.Equal(expected, ODataFilter.Parse(filter).RowKeyRange);
    }

    [Theory]
    [InlineData("RowKey gt 'a' or RowKey lt 'z'")]
    [InlineData("not (RowKey lt 'b')")]
    [InlineData("RowKey ne 'b'")]
    [InlineData("RowKey gt 5")]
    [InlineData("Name gt 'b'")]
    public void RowKeyRange_WhenTheFilterDoesNotBoundTheKeysByAnd_IsEverything(string filter)
    {
        Assert.Equal(KeyRange.All, ODataFilter.Parse(filter).RowKeyRange);
    }
}

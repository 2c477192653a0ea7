using System.Globalization;
using System.Text;

namespace IntervisieBot.Conversations.Tests.Calendar;

/// <summary>A component (VCALENDAR, VEVENT, …) with its properties in order and its sub-components.</summary>
public sealed record ICalComponent(string Name, List<ICalProperty> Properties, List<ICalComponent> Components)
{
    public ICalProperty Single(string name) => Assert.Single(Properties, p => p.Name == name);

    public string Text(string name) => StrictICalendar.UnescapeText(Single(name).Value);
}

public sealed record ICalProperty(string Name, IReadOnlyDictionary<string, string> Parameters, string Value);

/// <summary>
/// A strict reader of RFC 5545 text, written for the tests: it refuses what a lenient calendar app would forgive
/// (bare LF, lines over 75 octets, bad folding, unbalanced BEGIN/END, unescaped TEXT, bad escapes), so the writer
/// is held to the letter. It also resolves a TZID time through the feed's own VTIMEZONE.
/// </summary>
public static class StrictICalendar
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ICalComponent Parse(string text)
    {
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var physical = text[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);

            // Throws on a lone surrogate: a fold must never split a character.
            var octets = StrictUtf8.GetByteCount(line);
            Assert.True(octets <= 75, $"A line of {octets} octets: '{line}'");
        }

        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                Assert.NotEmpty(logical);
                logical[^1] += line[1..];
            }
            else
            {
                Assert.NotEqual("", line);
                logical.Add(line);
            }
        }

        var stack = new Stack<ICalComponent>();
        ICalComponent? root = null;
        foreach (var line in logical)
        {
            var property = ParseLine(line);
            if (property.Name == "BEGIN")
            {
                var component = new ICalComponent(property.Value, [], []);
                if (stack.TryPeek(out var parent))
                {
                    parent.Components.Add(component);
                }
                else
                {
                    Assert.Null(root);
                    root = component;
                }

                stack.Push(component);
            }
            else if (property.Name == "END")
            {
                Assert.Equal(stack.Pop().Name, property.Value);
            }
            else
            {
                Assert.True(stack.Count > 0, "A property outside any component.");
                stack.Peek().Properties.Add(property);
            }
        }

        Assert.Empty(stack);
        Assert.NotNull(root);
        Assert.Equal("VCALENDAR", root.Name);
        return root;
    }

    /// <summary>TEXT unescaping (RFC 5545 3.3.11); an unescaped ';' or ',' or an unknown escape fails.</summary>
    public static string UnescapeText(string value)
    {
        var output = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            Assert.False(c is ';' or ',', $"Unescaped '{c}' in TEXT value '{value}'.");
            if (c != '\\')
            {
                output.Append(c);
                continue;
            }

            Assert.True(i + 1 < value.Length, "A TEXT value ends in a lone backslash.");
            var escaped = value[++i];
            output.Append(escaped switch
            {
                '\\' => '\\',
                ';' => ';',
                ',' => ',',
                'n' or 'N' => '\n',
                _ => throw new Xunit.Sdk.XunitException($"Unknown escape '\\{escaped}' in '{value}'."),
            });
        }

        return output.ToString();
    }

    /// <summary>The UTC instant of a DATE-TIME property with a TZID, resolved through the calendar's VTIMEZONE only.</summary>
    public static DateTimeOffset ResolveUtc(ICalComponent calendar, ICalProperty property)
    {
        var tzid = property.Parameters["TZID"];
        var zone = Assert.Single(calendar.Components, c => c.Name == "VTIMEZONE" && c.Text("TZID") == tzid);
        var observances = zone.Components
            .Select(o => (Onset: LocalTime(o.Single("DTSTART").Value) - Offset(o.Single("TZOFFSETFROM").Value), To: Offset(o.Single("TZOFFSETTO").Value)))
            .OrderBy(o => o.Onset)
            .ToList();
        Assert.NotEmpty(observances);
        var local = LocalTime(property.Value);
        foreach (var candidate in observances.Select(o => o.To).Distinct())
        {
            var utc = local - candidate;
            var inForce = observances.LastOrDefault(o => o.Onset <= utc);
            if (inForce != default && inForce.To == candidate)
            {
                return new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
            }
        }

        throw new Xunit.Sdk.XunitException($"{property.Value} does not resolve through VTIMEZONE {tzid}.");
    }

    private static ICalProperty ParseLine(string line)
    {
        var colon = -1;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ':' && !quoted)
            {
                colon = i;
                break;
            }
        }

        Assert.True(colon > 0, $"No ':' in '{line}'.");
        var head = line[..colon].Split(';');
        Assert.Matches("^[A-Z][A-Z0-9-]*$", head[0]);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in head.Skip(1))
        {
            var parts = parameter.Split('=', 2);
            Assert.Equal(2, parts.Length);
            parameters.Add(parts[0], parts[1]);
        }

        return new ICalProperty(head[0], parameters, line[(colon + 1)..]);
    }

    private static DateTime LocalTime(string value)
    {
        Assert.Matches("^[0-9]{8}T[0-9]{6}$", value);
        return DateTime.ParseExact(value, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
    }

    private static TimeSpan Offset(string value)
    {
        Assert.Matches("^[+-][0-9]{4}$", value);
        var offset = new TimeSpan(int.Parse(value[1..3], CultureInfo.InvariantCulture), int.Parse(value[3..5], CultureInfo.InvariantCulture), 0);
        return value[0] == '-' ? -offset : offset;
    }
}

using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Conversations.Texts;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Tests.Texts;

/// <summary>Every text exists in Dutch and English with the same blanks, so a translation can never drop a name or a date.</summary>
public sealed partial class TextPairsTests
{
    public static TheoryData<string> TextTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in Pairs())
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TextTypes))]
    public void EveryDutchText_HasAnEnglishTwin_WithTheSamePlaceholders(string typeName)
    {
        var type = Pairs().Single(t => t.Name == typeName);
        var dutch = Flatten(type.GetProperty("Dutch")!.GetValue(null)!);
        var english = Flatten(type.GetProperty("English")!.GetValue(null)!);

        Assert.Equal(dutch.Keys.Order(), english.Keys.Order());
        var different = dutch.Keys
            .Where(key => !Placeholders(dutch[key]).SetEquals(Placeholders(english[key])))
            .Select(key => $"{key}: nl {{{string.Join(",", Placeholders(dutch[key]))}}} en {{{string.Join(",", Placeholders(english[key]))}}}")
            .ToList();
        Assert.True(different.Count == 0, string.Join("\n", different));
    }

    [Theory]
    [MemberData(nameof(TextTypes))]
    public void EveryTextWithBlanks_FillsEveryArgument_InBothLanguages(string typeName)
    {
        var type = Pairs().Single(t => t.Name == typeName);
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(string) && !m.IsSpecialName && m.GetParameters().Length >= 2);
        var missing = new List<string>();
        foreach (var method in methods)
        {
            // Distinct samples: 1001, 1002, ... and «a0», «a1», ...; a number above 1000 so no text picks a singular form.
            var arguments = method.GetParameters()
                .Select((p, i) => p.ParameterType == typeof(int) ? (object)(1001 + i) : p.ParameterType == typeof(string) ? $"«a{i}»" : throw new InvalidOperationException($"{typeName}.{method.Name}: add a sample for {p.ParameterType.Name}"))
                .ToArray();
            foreach (var language in new[] { "Dutch", "English" })
            {
                var said = (string)method.Invoke(type.GetProperty(language)!.GetValue(null), arguments)!;
                missing.AddRange(arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)!).Where(a => !said.Contains(a, StringComparison.Ordinal)).Select(a => $"{typeName}.{method.Name} ({language}) drops {a}"));
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void TheSettingsCard_InEnglish_SaysPausedInEnglish()
    {
        var group = Domain.Groups.Group.Create(
            new GroupSettings { Name = "North", Language = Language.English, Cadence = Cadence.EveryWeeks(4, DayOfWeek.Tuesday), FirstMeeting = new DateOnly(2027, 1, 12), StartTime = new TimeOnly(19, 30) },
            [new Member("u-anna", "Anna"), new Member("u-bram", "Bram") { Status = MemberStatus.Paused }, new Member("u-cees", "Cees")]);

        var english = Facts(GroupCards.SettingsMenu(group, GroupTexts.English));
        var dutch = Facts(GroupCards.SettingsMenu(group, GroupTexts.Dutch));

        Assert.Contains("Bram (paused)", english, StringComparison.Ordinal);
        Assert.DoesNotContain("pauze", english, StringComparison.Ordinal);
        Assert.Contains("Bram (gepauzeerd)", dutch, StringComparison.Ordinal);
    }

    private static string Facts(Card card) => string.Join("\n", card.Body.OfType<CardFacts>().SelectMany(f => f.Facts).Select(f => f.Value));

    private static IEnumerable<Type> Pairs() =>
        typeof(BotTexts).Assembly.GetTypes()
            .Where(t => t.GetProperty("Dutch", BindingFlags.Public | BindingFlags.Static)?.PropertyType == t && t.GetProperty("English", BindingFlags.Public | BindingFlags.Static)?.PropertyType == t)
            .OrderBy(t => t.Name);

    /// <summary>Every string a texts record holds, by its path (property, list index, dictionary key, tuple item).</summary>
    private static Dictionary<string, string> Flatten(object texts)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in texts.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Add(found, property.Name, property.GetValue(texts));
        }

        return found;
    }

    private static void Add(Dictionary<string, string> found, string path, object? value)
    {
        switch (value)
        {
            case string text:
                found[path] = text;
                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Add(found, $"{path}[{entry.Key}]", entry.Value);
                }

                break;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    Add(found, $"{path}[{i++}]", item);
                }

                break;
            case ITuple tuple:
                for (var j = 0; j < tuple.Length; j++)
                {
                    Add(found, $"{path}.{j}", tuple[j]);
                }

                break;
            default:
                break;
        }
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}

using System.Text.Json.Nodes;

namespace IntervisieBot.TeamsPackage.Tests;

/// <summary>What the manifest template promises, beyond what the schema checks.</summary>
public sealed class ManifestContentTests
{
    /// <summary>Teams shows at most 10 commands in a bot's menu per scope (its documentation; the schema allows 12).</summary>
    private const int TeamsMenuLimit = 10;

    /// <summary>The bot's typed commands, English and Dutch (docs/product.md, "Words users type").</summary>
    private static readonly Dictionary<string, string> DutchCommands = new(StringComparer.Ordinal)
    {
        ["help"] = "hulp",
        ["setup"] = "instellen",
        ["start"] = "start",
        ["methods"] = "methodes",
        ["advice"] = "advies",
        ["next"] = "volgende",
        ["agreements"] = "afspraken",
        ["schedule"] = "planning",
        ["turn"] = "beurt",
        ["case"] = "casus",
        ["report"] = "verslag",
        ["history"] = "geschiedenis",
        ["calendar"] = "agenda",
        ["forget"] = "vergeet",
    };

    private static readonly JsonNode Manifest = Read("manifest.json");
    private static readonly JsonObject Dutch = Read("nl.json").AsObject();

    private static JsonNode Bot => Manifest["bots"]![0]!;

    private static JsonArray CommandLists => Bot["commandLists"]!.AsArray();

    [Fact]
    public void Bot_works_in_personal_chat_team_channels_and_group_chats_and_takes_no_files()
    {
        Assert.Equal(["personal", "team", "groupChat"], Strings(Bot["scopes"]!));
        Assert.False((bool)Bot["supportsFiles"]!);
        Assert.Equal("{{MicrosoftAppId}}", (string?)Bot["botId"]);
        Assert.Equal("{{MicrosoftAppId}}", (string?)Manifest["id"]);
    }

    [Fact]
    public void Every_scope_has_one_command_menu_within_the_Teams_limit()
    {
        var scopes = CommandLists.SelectMany(list => Strings(list!["scopes"]!)).ToList();
        Assert.Equal(["groupChat", "personal", "team"], scopes.Order(StringComparer.Ordinal));
        Assert.All(CommandLists, list =>
        {
            var titles = Titles(list!);
            Assert.InRange(titles.Count, 1, TeamsMenuLimit);
            Assert.Equal(titles.Count, titles.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal("help", titles[0]);
        });
    }

    [Fact]
    public void Every_command_of_the_bot_is_in_a_menu_and_every_menu_item_is_a_command()
    {
        var offered = CommandLists.SelectMany(list => Titles(list!)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(DutchCommands.Keys.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
        Assert.All(CommandLists, list => Assert.All(list!["commands"]!.AsArray(), command =>
            Assert.False(string.IsNullOrWhiteSpace((string?)command!["description"]), $"{command["title"]} has no description")));
    }

    [Fact]
    public void Dutch_menus_use_the_Dutch_words_the_bot_understands()
    {
        for (var list = 0; list < CommandLists.Count; list++)
        {
            var titles = Titles(CommandLists[list]!);
            for (var command = 0; command < titles.Count; command++)
            {
                var prefix = $"bots[0].commandLists[{list}].commands[{command}]";
                Assert.Equal(DutchCommands[titles[command]], (string?)Dutch[$"{prefix}.title"]);
                Assert.False(string.IsNullOrWhiteSpace((string?)Dutch[$"{prefix}.description"]), $"{prefix}.description");
            }
        }

        // No Dutch string for a command that is not there (e.g. left behind after a menu change).
        var commandKeys = Dutch.Select(pair => pair.Key).Where(key => key.StartsWith("bots[", StringComparison.Ordinal)).ToList();
        Assert.Equal(CommandLists.Sum(list => list!["commands"]!.AsArray().Count) * 2, commandKeys.Count);
    }

    [Fact]
    public void Dutch_strings_translate_the_name_and_both_descriptions()
    {
        Assert.Equal([new JsonObject { ["languageTag"] = "nl", ["file"] = "nl.json" }.ToJsonString()],
            Manifest["localizationInfo"]!["additionalLanguages"]!.AsArray().Select(language => language!.ToJsonString()));
        foreach (var key in new[] { "name.short", "name.full", "description.short", "description.full" })
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)Dutch[key]), key);
        }

        Assert.NotEqual((string?)Manifest["description"]!["full"], (string?)Dutch["description.full"]);
    }

    private static JsonNode Read(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.TeamsTemplate, file)))!;

    private static List<string> Strings(JsonNode array) => [.. array.AsArray().Select(item => (string)item!)];

    private static List<string> Titles(JsonNode list) => [.. list["commands"]!.AsArray().Select(command => (string)command!["title"]!)];
}

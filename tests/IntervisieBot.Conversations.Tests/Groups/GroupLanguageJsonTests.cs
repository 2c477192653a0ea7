using System.Text.Json;
using IntervisieBot.Dialogs;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Tests.Groups;

/// <summary>A group's language is a <see cref="Language"/> in code and stays "nl"/"en" in its stored row.</summary>
public sealed class GroupLanguageJsonTests
{
    [Theory]
    [InlineData("nl", Language.Dutch)]
    [InlineData("en", Language.English)]
    public void AnOldRow_ReadsItsLanguage(string stored, Language expected)
    {
        var json = $$"""{"name":"Team Noord","language":"{{stored}}","cadence":{"kind":"everyWeeks","weeks":4,"weekday":"tuesday"},"firstMeeting":"2027-01-12","startTime":"19:30:00"}""";

        var settings = JsonSerializer.Deserialize<GroupSettings>(json, ConversationState.Json)!;

        Assert.Equal(expected, settings.Language);
    }

    [Theory]
    [InlineData(Language.Dutch, "nl")]
    [InlineData(Language.English, "en")]
    public void ARow_StoresTheLanguageAsItsCode(Language language, string stored)
    {
        var settings = new GroupSettings { Name = "Team Noord", Language = language, Cadence = Cadence.EveryWeeks(4, DayOfWeek.Tuesday), FirstMeeting = new DateOnly(2027, 1, 12), StartTime = new TimeOnly(19, 30) };

        var json = JsonSerializer.Serialize(settings, ConversationState.Json);

        Assert.Contains($"\"language\":\"{stored}\"", json, StringComparison.Ordinal);
        Assert.Equal(language, JsonSerializer.Deserialize<GroupSettings>(json, ConversationState.Json)!.Language);
    }

    [Fact]
    public void ALanguageThatIsNeitherNlNorEn_DoesNotRead()
    {
        const string json = """{"name":"Team Noord","language":"de","cadence":{"kind":"everyWeeks","weeks":4,"weekday":"tuesday"},"firstMeeting":"2027-01-12","startTime":"19:30:00"}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<GroupSettings>(json, ConversationState.Json));
    }

    [Theory]
    [InlineData(true, Language.Dutch)]
    [InlineData(false, Language.English)]
    public void AWaitingPromptStoredWithTheOldBool_KeepsItsLanguage(bool dutch, Language expected)
    {
        var options = PromptOptions.FromJson(JsonSerializer.SerializeToNode(new { text = "Hoe laat?", dutch }));

        Assert.Equal(expected, options.Language);
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using IntervisieBot.Channels.BotFramework;
using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Channels.Slack.BlockKit;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;
using Xunit.Abstractions;

namespace IntervisieBot.Tests.MessageSize;

/// <summary>
/// The agreements card of the largest group (300 agreements of 300 characters) is sent whole on every page: within
/// what Teams takes in one message (about 28 KB) and what Slack takes (50 blocks, 3,000 characters a text block).
/// </summary>
public sealed class AgreementsCardSizeTests(ITestOutputHelper output)
{
    private const int TeamsMessageBytes = 28 * 1000;
    private const int SlackBlocks = 50;
    private const int SlackSectionText = 3000;

    private static readonly ConversationAddress Teams = new("botframework", "msteams", "19:group@thread.v2", ConversationScope.GroupChat, "tenant");

    public static TheoryData<Language> Languages => new() { Language.Dutch, Language.English };

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryPageOfThreeHundredLongAgreements_FitsOneTeamsMessage_AndShowsAllItsAgreements(Language language)
    {
        var group = LargestGroup(language);
        var texts = GroupTexts.For(language);
        var pages = Pages();

        for (var page = 1; page <= pages; page++)
        {
            var card = AgreementCommands.List(group, texts, page);
            var activity = ActivityMapper.ToActivity(OutgoingMessage.FromCard(card), Teams, new Participant("28:bot", "IntervisieBot"));
            var json = JsonSerializer.Serialize(activity, BotFrameworkJson.Options);

            output.WriteLine($"Teams, page {page}: {Encoding.UTF8.GetByteCount(json)} bytes");
            Assert.InRange(Encoding.UTF8.GetByteCount(json), 1, TeamsMessageBytes);
            var shown = Strings(json);
            Assert.All(OnPage(group, page), a => Assert.Contains($"{a.Number}. {a.Text}", shown));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryPageOfThreeHundredLongAgreements_FitsOneSlackMessage_AndNothingIsCutOff(Language language)
    {
        var group = LargestGroup(language);
        var texts = GroupTexts.For(language);
        var pages = Pages();

        for (var page = 1; page <= pages; page++)
        {
            var blocks = BlockKitRenderer.Render(OutgoingMessage.FromCard(AgreementCommands.List(group, texts, page))).Blocks!;
            var json = blocks.ToJsonString();

            output.WriteLine($"Slack, page {page}: {blocks.Count} blocks, {Encoding.UTF8.GetByteCount(json)} bytes");
            Assert.InRange(blocks.Count, 1, SlackBlocks - 1);
            Assert.All(blocks, b => Assert.InRange(b!["text"]?["text"]?.GetValue<string>().Length ?? 0, 0, SlackSectionText));
            var shown = Strings(json);
            Assert.All(OnPage(group, page), a => Assert.Contains(shown, s => s.StartsWith($"{a.Number}. {a.Text[..40]}", StringComparison.Ordinal)));
            if (page < pages)
            {
                var more = texts.MoreAgreements(group.Agreements.Count - (page * AgreementCommands.PageSize), page + 1)[..20];
                Assert.Contains(shown, s => s.StartsWith(more, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>Every text in a message as sent (JSON strings, unescaped).</summary>
    private static List<string> Strings(string json)
    {
        var all = new List<string>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    all.Add(e.GetString()!);
                    break;
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        Walk(p.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
                default:
                    break;
            }
        }

        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement);
        return all;
    }

    private static int Pages() => (Group.MaxAgreements + AgreementCommands.PageSize - 1) / AgreementCommands.PageSize;

    private static IEnumerable<Agreement> OnPage(Group group, int page) =>
        group.Agreements.Skip((page - 1) * AgreementCommands.PageSize).Take(AgreementCommands.PageSize);

    /// <summary>A group with the most agreements, each as long as allowed, with characters Teams and Slack escape.</summary>
    private static Group LargestGroup(Language language)
    {
        string[] names = ["Anna", "Bram", "Cees", "Dewi", "Eva"];
        var group = Group.Create(
            new GroupSettings { Name = "Team Noord", Language = language, Cadence = Cadence.EveryWeeks(4, DayOfWeek.Tuesday), FirstMeeting = new DateOnly(2027, 1, 12), StartTime = new TimeOnly(19, 30) },
            names.Select(n => new Member("u-" + n.ToLowerInvariant(), n)));
        var at = new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);
        for (var n = 1; n <= Group.MaxAgreements; n++)
        {
            var text = (n.ToString(CultureInfo.InvariantCulture) + " We laten elkaar uitpraten en vragen door & <eerst> \"ook\" als het schuurt. ").PadRight(Agreement.MaxLength, 'x');
            group.AddAgreement(text, names[n % names.Length], at.AddDays(n));
            group.ChangeAgreement(n, text, names[(n + 1) % names.Length], at.AddDays(n + 1));
        }

        return group;
    }
}

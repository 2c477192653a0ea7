using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Tests.Sessions;

/// <summary>
/// The method's frame and the session's frame merge by the steps' phase: the agreements, the check-in and the case
/// owner's insight each come once in a session, from the method where it has its own step, else from the session.
/// A second case in the same evening opens without the agreements, the check-in or last time's action.
/// </summary>
public sealed class SessionFrameTests
{
    private static readonly string[] Names = BotClient.NamesA;
    private const string AskInsight = "Anna, welk inzicht wil je bewaren";
    private const string AskAction = "Anna, welke ene concrete actie";

    public static TheoryData<string> Methods() => [.. MethodLibrary.BuiltIn.All.Select(m => m.Id)];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task AWholeSession_AsksForTheAgreementsTheCheckInAndTheInsightOnceEach(string methodId)
    {
        var method = MethodLibrary.BuiltIn.Get(methodId);
        using var bot = new BotClient(Names);
        await RunAsync(bot, method);

        // The session's own parts are new messages; the method's steps are shown on the live session card (posted once,
        // then updated), so a step counts once when the card ever showed it.
        var sent = bot.Channel.Sent.Where(s => s.Kind == "send").Select(s => s.Text).ToList();
        var shown = bot.Channel.Sent.Where(s => s.Kind is "send" or "update").Select(s => s.Text).ToList();
        int Shown(MethodStep step) => shown.Any(t => t.Contains(step.Title.Nl, StringComparison.Ordinal)) ? 1 : 0;
        int Count(MethodPhase phase, string sessionText) =>
            sent.Count(t => t.Contains(sessionText, StringComparison.Ordinal)) + method.Steps.Where(s => s.Phase == phase).Sum(Shown);
        Assert.Equal(1, Count(MethodPhase.Agreements, "Onze afspraken"));
        Assert.Equal(1, Count(MethodPhase.CheckIn, "Jullie eerste bijeenkomst"));
        var insightStep = method.Steps.Single(s => s.Id == SessionFrame.Of(method).InsightStep);
        Assert.Equal(1, sent.Count(t => t.Contains(AskInsight, StringComparison.Ordinal)) + Shown(insightStep));

        var record = Assert.Single(await bot.Get<Conversations.Sessions.SessionRecordStore>().AllAsync(bot.Address));
        Assert.Equal(["Anna neemt dit mee"], record.Insights);
        Assert.Equal(method.Steps.Any(s => s.AsksAction) ? "Anna neemt dit mee" : "Anna's actie", record.Action);
    }

    [Fact]
    public async Task AMethodThatAsksForTheAction_TheCloseAsksNeitherTheInsightNorTheActionAgain()
    {
        using var bot = new BotClient(Names);
        await RunAsync(bot, MethodLibrary.BuiltIn.Get("incidents"));

        var sent = bot.Channel.Sent.Where(s => s.Kind == "send").Select(s => s.Text).ToList();
        Assert.DoesNotContain(sent, t => t.Contains(AskInsight, StringComparison.Ordinal) || t.Contains(AskAction, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMethodWithoutItsOwnCheckInOrAgreements_TheOpeningHasThemWithTheirMinutes()
    {
        using var bot = new BotClient(Names);
        await StartAsync(bot, "incident");

        var opening = bot.Channel.Sent.First(s => s.Kind == "send" && s.Text.StartsWith("We beginnen", StringComparison.Ordinal)).Text;
        Assert.Contains("Onze afspraken", opening, StringComparison.Ordinal);
        Assert.Contains("Jullie eerste bijeenkomst: begin met een kennismaking (10 min).", opening, StringComparison.Ordinal);
        Assert.Contains(Icebreakers.All[0].Title.Nl, opening, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMethodWithItsOwnCheckIn_TheFirstMeetingHasNoIcebreaker()
    {
        using var bot = new BotClient(Names);
        await StartAsync(bot, "five-steps");

        var opening = bot.Channel.Sent.First(s => s.Kind == "send" && s.Text.StartsWith("We beginnen", StringComparison.Ordinal)).Text;
        Assert.DoesNotContain("kennismaking", opening, StringComparison.Ordinal);
        Assert.DoesNotContain(Icebreakers.All[0].Title.Nl, opening, StringComparison.Ordinal);
        Assert.DoesNotContain("Onze afspraken", opening, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondCaseTheSameEvening_OpensWithoutAgreementsCheckInOrTheActionJustNamed()
    {
        using var bot = new BotClient(Names);
        await RunAsync(bot, MethodLibrary.BuiltIn.Get("incident"));
        var offer = bot.Channel.Sent.Last(s => s.Message.Card?.Buttons.Any(b => b.Title.Contains("tweede", StringComparison.OrdinalIgnoreCase)) == true);
        await bot.Press("Dewi", BotClient.Button(offer.Message, "Tweede casus"));
        await bot.Say("Dewi", "starr");
        await bot.Say("Dewi", "Dewi");
        var before = bot.Channel.Sent.Count;
        await bot.Say("Dewi", "Eva");
        await bot.Say("Dewi", "iedereen");

        var opening = bot.Channel.Sent.Skip(before).First(s => s.Text.StartsWith("We beginnen", StringComparison.Ordinal)).Text;
        Assert.Contains("Casusinbrenger: **Dewi**", opening, StringComparison.Ordinal);
        Assert.DoesNotContain("Onze afspraken", opening, StringComparison.Ordinal);
        Assert.DoesNotContain("Vorige keer", opening, StringComparison.Ordinal);
        Assert.DoesNotContain("kennismaking", opening, StringComparison.Ordinal);
        Assert.DoesNotContain("Check-in", opening, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNextMeeting_FollowsUpTheActionAndChecksInWithTheNextIcebreaker_EachWithItsMinutes()
    {
        using var bot = new BotClient(Names);
        await RunAsync(bot, MethodLibrary.BuiltIn.Get("incident"));
        bot.Time.Advance(TimeSpan.FromDays(14));
        var before = bot.Channel.Sent.Count;
        await StartAsync(bot, "starr");

        var opening = bot.Channel.Sent.Skip(before).First(s => s.Text.StartsWith("We beginnen", StringComparison.Ordinal)).Text;
        Assert.Contains("Vorige keer nam Anna zich voor: \"Anna neemt dit mee\".", opening, StringComparison.Ordinal);
        Assert.Contains("Terugblik op de actie: 5 min.", opening, StringComparison.Ordinal);
        Assert.Contains($"Check-in ({(int)Icebreakers.All[1].Time.TotalMinutes} min)", opening, StringComparison.Ordinal);
        Assert.Contains(Icebreakers.All[1].Title.Nl, opening, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl-NL", "Datum: donderdag 3 december 2026", "Waardering: 8,0")]
    [InlineData("en-GB", "Date: Thursday 3 December 2026", "Rating: 8.0")]
    public async Task TheReport_GivesTheDateAndTheAverageAsTheGroupsLanguageWritesThem(string locale, string date, string rating)
    {
        using var bot = new BotClient(new BotClientOptions { Members = Names, Start = BotClient.ThursdayEvening });
        await RunAsync(bot, MethodLibrary.BuiltIn.Get("incident"));
        bot.Locale = locale;

        var report = BotClient.Text(Assert.Single(await bot.Say("Anna", locale == "nl-NL" ? "verslag" : "report")));

        Assert.Contains(date, report, StringComparison.Ordinal);
        Assert.Contains(rating, report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReport_OfAGroupInNewYork_GivesTheDateOfItsOwnEvening()
    {
        // Thursday 3 December 2026, 20:00 in New York: already Friday 4 December, 01:00, in UTC (02:00 in Amsterdam).
        using var bot = new BotClient(new BotClientOptions { Members = Names, Start = new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero) });
        foreach (var answer in new[] { "instellen", "Team Noord", "nederlands", "om de 4 weken", "dinsdag", "20:00", "America/New_York", "90", "8-12-2026", "iedereen", "nee", "wisselt", "ja" })
        {
            await bot.Say("Anna", answer);
        }

        await RunAsync(bot, MethodLibrary.BuiltIn.Get("incident"));
        var atTheClose = bot.InGroup().Last(m => m.Card?.Title?.StartsWith("Verslag", StringComparison.Ordinal) == true);
        var later = Assert.Single(await bot.Say("Anna", "verslag"));

        Assert.All(new[] { atTheClose, later }, report =>
        {
            Assert.Contains("Datum: donderdag 3 december 2026", BotClient.Text(report), StringComparison.Ordinal);
            Assert.DoesNotContain("vrijdag", BotClient.Text(report), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TheIcebreakers_GoInTurnByMeetingNumber()
    {
        Assert.Equal(
            Icebreakers.All.Select(i => i.Id).Concat([Icebreakers.All[0].Id]),
            Enumerable.Range(1, Icebreakers.All.Count + 1).Select(n => Icebreakers.ForMeeting(n).Id));
    }

    private static Task StartAsync(BotClient bot, string methodId) => bot.StartAsync(MethodLibrary.BuiltIn.Get(methodId).Aliases[0]);

    /// <summary>
    /// The whole session: everyone does what each step asks (Anna, the case owner, reflects where the step lets her),
    /// then the close is answered as far as it asks: Anna's action, a rating, and Bram closes.
    /// </summary>
    private static async Task RunAsync(BotClient bot, MethodDefinition method)
    {
        await StartAsync(bot, method.Id);
        foreach (var step in method.Steps)
        {
            switch (step.Interaction)
            {
                case StepInteraction.Collect:
                    foreach (var name in step.Actor == StepActor.Everyone ? Names : Names.Skip(1))
                    {
                        for (var i = 0; i < step.Collect!.PerParticipant; i++)
                        {
                            await bot.Privately(name, $"{name} schrijft {i + 1}");
                        }
                    }

                    break;
                case StepInteraction.Rank:
                    await bot.Say("Anna", "1 helpend");
                    break;
                case StepInteraction.Round:
                    var speakers = step.Actor switch
                    {
                        StepActor.CaseOwner => ["Anna"],
                        StepActor.Facilitator => ["Bram"],
                        StepActor.Everyone => Names,
                        _ => Names.Skip(1).ToArray(),
                    };
                    foreach (var name in speakers)
                    {
                        await bot.Say(name, "klaar");
                    }

                    break;
                case StepInteraction.Choose:
                    await bot.Say("Anna", "de gekozen vraag");
                    break;
                case StepInteraction.Reflect:
                    if (step.Actor is StepActor.CaseOwner or StepActor.Everyone)
                    {
                        await bot.Say("Anna", "Anna neemt dit mee");
                    }

                    await bot.Say("Dewi", "wat Dewi meeneemt");
                    break;
                default:
                    break;
            }

            await bot.Say("Bram", "volgende");
        }

        var last = bot.Channel.Sent[^1].Text;
        if (last.Contains(AskInsight, StringComparison.Ordinal))
        {
            await bot.Say("Anna", "Anna's inzicht");
            last = bot.Channel.Sent[^1].Text;
        }

        if (last.Contains(AskAction, StringComparison.Ordinal))
        {
            await bot.Say("Anna", "Anna's actie");
        }

        await bot.Say("Cees", "8");
        await bot.Say("Bram", "volgende");
    }
}

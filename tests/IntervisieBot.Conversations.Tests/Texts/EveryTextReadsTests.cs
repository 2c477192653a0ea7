using System.Text.RegularExpressions;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Tests.Texts;

/// <summary>
/// A guard over everything the bot says in whole flows, in Dutch and in English: every text a member reads is a
/// finished sentence in their language. No raw booleans, ids, ISO dates, times with seconds or invariant decimals, no
/// "(n)" plural hacks or unfilled blanks, and one term per thing (never the other language's term).
/// </summary>
public sealed partial class EveryTextReadsTests
{
    private static readonly string[] Names = BotClient.NamesA;

    public static TheoryData<string> Languages() => ["nl", "en"];

    public static TheoryData<string, string> MethodsInBothLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "nl", "en" })
        {
            foreach (var method in MethodLibrary.BuiltIn.All)
            {
                data.Add(language, method.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task AGroupsLife_FromSetUpToForget_ReadsAsFinishedSentences(string language)
    {
        var words = Words.For(language);
        using var bot = BotClient.WithReminders(BotClient.Monday, Names);
        bot.Locale = words.Locale;

        await bot.BotAdded();
        await bot.Say("Anna", "help");
        await bot.Say("Anna", words.Methods);
        await bot.Say("Anna", words.Advice);
        for (var i = 0; i < 6 && bot.Channel.Sent[^1].Message.Card is { Buttons.Count: > 0 } card; i++)
        {
            await bot.Press("Anna", bot.Channel.Sent[^1], card.Buttons[0].Title);
        }

        await SetUpAsync(bot, words);
        await bot.Say("Anna", words.Agreements);
        await bot.Say("Bram", words.AddAgreement);
        await bot.Say("Cees", words.Turn);
        await bot.Say("Cees", words.Schedule);
        await bot.Say("Cees", words.Schedule + " ?");
        await bot.Say("Cees", words.Turn + " ?");
        await bot.Say("Dewi", words.Calendar);
        await PrepareCaseAsync(bot, words);

        // The reminders of the first meeting (Tuesday 12 January 2027, 19:30) go out, up to its start.
        await bot.WaitUntilAsync(new DateTime(2027, 1, 12, 19, 30, 0, DateTimeKind.Unspecified));
        await RunSessionAsync(bot, MethodLibrary.BuiltIn.Get("incident"), words, detours: true);
        await bot.Say("Eva", words.History);
        await bot.Say("Eva", words.Report);
        await bot.Say("Eva", words.Evaluation);

        // After the meeting: the group-health check and the survey; three answer it.
        await bot.WaitUntilAsync(new DateTime(2027, 1, 13, 12, 0, 0, DateTimeKind.Unspecified));
        foreach (var name in new[] { "Anna", "Bram", "Cees" })
        {
            var survey = bot.Channel.Sent.Last(s => s.To?.Name == name && s.Message.Card?.Body.OfType<CardChoiceInput>().Any() == true);
            await bot.Press(name, survey, survey.Message.Card!.Buttons[^1].Title, new Dictionary<string, string> { ["satisfaction"] = "8", ["safety"] = "4", ["depth"] = "4", ["continue"] = "yes" });
        }

        await bot.Say("Eva", words.Evaluation);
        await bot.Say("Eva", words.History);
        await bot.Say("Eva", words.Export);
        await bot.Privately("Anna", words.Export);

        var ask = bot.Channel.Sent.Count;
        await bot.Say("Cees", words.Forget);
        var forget = bot.Channel.Sent.Skip(ask).Last(s => s.Message.Card is not null);
        await bot.Press("Cees", forget, forget.Message.Card!.Buttons[0].Title);
        await bot.WaitUntilAsync(new DateTime(2027, 1, 15, 12, 0, 0, DateTimeKind.Unspecified));

        AssertEveryTextReads(bot, words);
    }

    [Theory]
    [MemberData(nameof(MethodsInBothLanguages))]
    public async Task AWholeSession_OfEachMethod_ReadsAsFinishedSentences(string language, string methodId)
    {
        var words = Words.For(language);
        using var bot = new BotClient(new BotClientOptions { Members = Names, Start = BotClient.ThursdayEvening });
        bot.Locale = words.Locale;

        await RunSessionAsync(bot, MethodLibrary.BuiltIn.Get(methodId), words);
        await bot.Say("Eva", words.Report);

        AssertEveryTextReads(bot, words);
    }

    private static async Task SetUpAsync(BotClient bot, Words words)
    {
        foreach (var answer in words.SetUp)
        {
            await bot.Say("Anna", answer);
        }
    }

    private static async Task PrepareCaseAsync(BotClient bot, Words words)
    {
        foreach (var answer in words.Case)
        {
            await bot.Privately("Anna", answer);
        }
    }

    /// <summary>Anna brings the case, Bram facilitates, everyone takes part in what each step asks; a rating closes it.</summary>
    private static async Task RunSessionAsync(BotClient bot, MethodDefinition method, Words words, bool detours = false)
    {
        var yes = words.SetUp[^1];
        await bot.Say("Anna", "start " + method.Aliases[0]);
        if (method.RequiresHighSafety)
        {
            // The group confirms it feels safe enough for the method.
            await bot.Say("Anna", yes);
        }

        await bot.Say("Anna", "Anna");
        await bot.Say("Anna", "Bram");
        if ((await bot.Say("Anna", words.Everyone)).Any(m => m.Text.Contains(yes == "ja" ? "Hoort deze sessie" : "Is this session", StringComparison.Ordinal)))
        {
            await bot.Say("Anna", yes);
        }

        Assert.Contains(bot.Channel.Sent, s => s.Message.Card?.Title?.Contains(method.Name.In(Language.FromCode(words.Language)), StringComparison.Ordinal) == true);
        foreach (var step in method.Steps)
        {
            if (detours && step == method.Steps[1])
            {
                // What a group does besides the steps: back and on, someone else pressing on, a pause, asking for help.
                foreach (var (who, text) in new[] { ("Bram", words.Back), ("Bram", words.Next), ("Cees", words.Next), ("Bram", words.Pause), ("Eva", "help"), ("Bram", words.Resume), ("Dewi", "start") })
                {
                    await bot.Say(who, text);
                }

                await bot.Mention("Eva", words.WhatNow);
            }
            switch (step.Interaction)
            {
                case StepInteraction.Collect:
                    foreach (var name in step.Actor == StepActor.Everyone ? Names : Names.Skip(1))
                    {
                        for (var i = 0; i < step.Collect!.PerParticipant; i++)
                        {
                            await bot.Privately(name, words.Contribution);
                        }
                    }

                    break;
                case StepInteraction.Rank:
                    await bot.Say("Anna", words.RankFirst);
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
                        await bot.Say(name, words.Done);
                    }

                    break;
                case StepInteraction.Choose:
                    await bot.Say("Anna", words.Contribution);
                    break;
                case StepInteraction.Reflect:
                    if (step.Actor is StepActor.CaseOwner or StepActor.Everyone)
                    {
                        await bot.Say("Anna", words.Takeaway);
                    }

                    await bot.Say("Dewi", words.Takeaway);
                    break;
                default:
                    break;
            }

            await bot.Say("Bram", words.Next);
        }

        var frame = SessionFrame.Of(method);
        if (frame.InsightStep is null)
        {
            await bot.Say("Anna", words.Takeaway);
        }

        if (frame.ActionStep is null)
        {
            await bot.Say("Anna", words.Takeaway);
        }

        await bot.Say("Cees", "8");
        await bot.Say("Dewi", "7");
        await bot.Say("Bram", words.Next);
    }

    private static void AssertEveryTextReads(BotClient bot, Words words)
    {
        List<SentMessage> sent;
        lock (bot.Channel.Sent)
        {
            sent = [.. bot.Channel.Sent];
        }

        var ids = Names.Select(n => BotClient.Member(n).Id).Append(bot.Address.ConversationId).Append(bot.PersonalChat("Anna").ConversationId).ToList();
        var found = new List<string>();
        foreach (var message in sent.Where(s => s.Message.Card is not null || s.Message.Text.Length > 0))
        {
            foreach (var text in Readable(message.Message))
            {
                var bare = Link().Replace(text, "");
                found.AddRange(Problems(bare, words, ids).Select(p => $"{p} in \"{text}\""));
            }
        }

        Assert.True(sent.Count > 20, "The flow should have made the bot say something.");
        Assert.True(found.Count == 0, string.Join("\n", found.Distinct()));
    }

    private static IEnumerable<string> Problems(string text, Words words, IReadOnlyList<string> ids)
    {
        if (Boolean().IsMatch(text))
        {
            yield return "a raw boolean";
        }

        if (IsoDate().IsMatch(text))
        {
            yield return "an ISO date";
        }

        if (Seconds().IsMatch(text))
        {
            yield return "a time with seconds";
        }

        if (Guid().IsMatch(text) || ids.Any(id => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(id)}(?![\w-])", RegexOptions.IgnoreCase)))
        {
            yield return "an id";
        }

        if (text.Contains("(n)", StringComparison.Ordinal) || text.Contains("(s)", StringComparison.Ordinal) || text.Contains("(en)", StringComparison.Ordinal))
        {
            yield return "a plural hack";
        }

        if (Blank().IsMatch(text))
        {
            yield return "an unfilled blank";
        }

        if ((words.Language == "nl" ? DecimalPoint() : DecimalComma()).IsMatch(text))
        {
            yield return "a decimal the language does not write";
        }

        foreach (var term in words.OtherLanguagesTerms.Where(t => Regex.IsMatch(text, $@"\b{Regex.Escape(t)}\b", RegexOptions.IgnoreCase)))
        {
            yield return $"the other language's term \"{term}\"";
        }
    }

    /// <summary>Every text of a message a member reads: its text, the card's title, texts, facts, input labels, choices and buttons.</summary>
    private static IEnumerable<string> Readable(OutgoingMessage message)
    {
        yield return message.Text;
        if (message.Card is not { } card)
        {
            yield break;
        }

        yield return card.Title ?? "";
        foreach (var element in card.Body)
        {
            switch (element)
            {
                case CardText t:
                    yield return t.Text;
                    break;
                case CardFacts f:
                    foreach (var fact in f.Facts)
                    {
                        yield return fact.Title;
                        yield return fact.Value;
                    }

                    break;
                case CardInput i:
                    yield return i.Label;
                    yield return i.Placeholder ?? "";
                    break;
                case CardChoiceInput c:
                    yield return c.Label;
                    foreach (var choice in c.Choices)
                    {
                        yield return choice.Title;
                    }

                    break;
                default:
                    break;
            }
        }

        foreach (var button in card.Buttons)
        {
            yield return button.Title;
        }
    }

    [GeneratedRegex(@"\b(true|false)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Boolean();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}:\d{2}\b")]
    private static partial Regex Seconds();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Blank();

    [GeneratedRegex(@"(?<![\d.])\d+\.\d+(?![\d.])")]
    private static partial Regex DecimalPoint();

    [GeneratedRegex(@"(?<![\d,])\d+,\d(?![\d,])")]
    private static partial Regex DecimalComma();

    /// <summary>A link is an address, not a sentence: it may hold ids and dates.</summary>
    [GeneratedRegex(@"(https?://|/api/)\S+")]
    private static partial Regex Link();

    /// <summary>What a member types in the flows, in one language, and the terms a text in that language never uses.</summary>
    private sealed record Words(
        string Language,
        string Locale,
        string[] SetUp,
        string[] Case,
        string Methods,
        string Advice,
        string Agreements,
        string AddAgreement,
        string Turn,
        string Schedule,
        string Calendar,
        string History,
        string Report,
        string Evaluation,
        string Export,
        string Forget,
        string Everyone,
        string Next,
        string Back,
        string Pause,
        string Resume,
        string WhatNow,
        string Done,
        string RankFirst,
        string Contribution,
        string Takeaway,
        string[] OtherLanguagesTerms)
    {
        public static Words For(string language) => language == "nl" ? Dutch : English;

        private static readonly Words Dutch = new(
            "nl",
            "nl-NL",
            ["instellen", "Team Noord", "nederlands", "om de 4 weken", "dinsdag", "19:30", "standaard", "90", "12-1-2027", "iedereen", "nee", "wisselt", "ja"],
            ["casus", "vragen", "Onderbroken", "Dinsdag onderbrak een collega mij drie keer.", "Mijn vraag is: hoe geef ik rustig mijn grens aan?", "Met mijn teamleider gepraat.", "Het moment dat hij zei: laat mij maar.", "geen", "ja", "ja", "ja", "1"],
            "methodes",
            "advies",
            "afspraken",
            "afspraak toevoegen We beginnen op tijd.",
            "beurt",
            "planning",
            "agenda",
            "geschiedenis",
            "verslag",
            "evaluatie",
            "exporteer",
            "vergeet",
            "iedereen",
            "volgende",
            "terug",
            "pauze",
            "hervat",
            "Wat moet ik nu doen?",
            "klaar",
            "1 helpend",
            "Wat maakt dat je toen stil werd?",
            "Ik neem mee dat ik eerder mag ingrijpen.",
            ["case owner", "facilitator", "meeting", "session"]);

        private static readonly Words English = new(
            "en",
            "en-GB",
            ["setup", "Team North", "english", "every 4 weeks", "tuesday", "19:30", "default", "90", "12 january 2027", "everyone", "no", "rotating", "yes"],
            ["case", "questions", "Interrupted", "On Tuesday a colleague interrupted me three times.", "My question is: how do I calmly set my limit?", "Talked to my team lead.", "The moment he said: leave it to me.", "none", "yes", "yes", "yes", "1"],
            "methods",
            "advice",
            "agreements",
            "agreement add We start on time.",
            "turn",
            "schedule",
            "calendar",
            "history",
            "report",
            "evaluation",
            "export",
            "forget",
            "everyone",
            "next",
            "back",
            "pause",
            "resume",
            "What should I do now?",
            "done",
            "1 helpful",
            "What made you go quiet then?",
            "I take away that I may step in sooner.",
            ["casusinbrenger", "inbrenger", "gespreksleider", "bijeenkomst", "sessie", "casus", "stap", "deelnemers"]);
    }
}

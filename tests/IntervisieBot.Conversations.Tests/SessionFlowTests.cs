using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Testing;

namespace IntervisieBot.Conversations.Tests;

/// <summary>A whole Incidentmethode session in a group of five, driven turn by turn through the bot's router.</summary>
public sealed class SessionFlowTests : IDisposable
{
    private static readonly ConversationAddress Group = new("test", "test", "group-1", ConversationScope.GroupChat, "tenant");
    private static readonly string[] Names = ["Anna", "Bram", "Cees", "Dewi", "Eva"];
    private readonly RecordingMessenger _channel = new();
    private readonly TestBot _bot;
    private readonly DialogStateStore _states;
    private readonly SessionRecordStore _records;
    private readonly IBot _router;
    private readonly FakeTimeProvider _time;

    public SessionFlowTests()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 18, 30, 0, TimeSpan.Zero));
        _bot = new TestBot(_time);
        _states = _bot.Get<DialogStateStore>();
        _records = _bot.Get<SessionRecordStore>();
        _router = _bot.Router;
        _channel.Members.AddRange(Names.Select(Member));
    }

    public void Dispose()
    {
        _bot.Dispose();
    }

    private static Participant Member(string name) => new("u-" + name.ToLowerInvariant(), name);

    private async Task<List<OutgoingMessage>> SayAsync(string who, string text)
    {
        var before = _channel.Sent.Count;
        await _router.OnTurnAsync(new TurnContext(
            new IncomingTurn { Kind = TurnKind.Message, Conversation = Group, From = Member(who), Bot = new("bot", "IntervisieBot"), Text = text, Locale = "nl-NL" },
            _channel));
        return _channel.Sent.Skip(before).Select(s => s.Message).ToList();
    }

    private async Task<List<OutgoingMessage>> PressAsync(string who, IReadOnlyDictionary<string, string> values)
    {
        var before = _channel.Sent.Count;
        await _router.OnTurnAsync(new TurnContext(
            new IncomingTurn { Kind = TurnKind.CardAction, Conversation = Group, From = Member(who), Bot = new("bot", "IntervisieBot"), Values = values, Locale = "nl-NL" },
            _channel));
        return _channel.Sent.Skip(before).Select(s => s.Message).ToList();
    }

    /// <summary>A member writes to the bot in their own personal chat.</summary>
    private async Task<List<(string Kind, OutgoingMessage Message, Participant? To)>> PrivatelyAsync(string who, string text)
    {
        var before = _channel.Sent.Count;
        var personal = new ConversationAddress("test", "test", "personal-" + who.ToLowerInvariant(), ConversationScope.Personal, "tenant");
        await _router.OnTurnAsync(new TurnContext(
            new IncomingTurn { Kind = TurnKind.Message, Conversation = personal, From = Member(who), Bot = new("bot", "IntervisieBot"), Text = text, Locale = "nl-NL" },
            _channel));
        return _channel.Sent.Skip(before).Select(s => (s.Kind, s.Message, s.To)).ToList();
    }

    /// <summary>Anna brings the case, Bram facilitates, everyone is there; returns the session's opening.</summary>
    private async Task<List<OutgoingMessage>> StartWithEveryoneAsync(string method)
    {
        await SayAsync("Anna", "start " + method);
        await SayAsync("Anna", "Anna");
        await SayAsync("Anna", "Bram");
        return await SayAsync("Anna", "iedereen");
    }

    private static string Card(OutgoingMessage message) =>
        string.Join("\n", new[] { message.Card?.Title ?? "", message.Text }.Concat(message.Card?.Body.OfType<CardText>().Select(t => t.Text) ?? []));

    [Fact]
    public async Task Incidentmethode_FromStartToRecord_WithFiveMembers()
    {
        // Set-up: the method is named, so the bot asks for the case owner and the facilitator among the members.
        var owner = Assert.Single(await SayAsync("Anna", "start incidentmethode"));
        Assert.Equal(5, owner.Card!.Buttons.Count);
        var facilitator = Assert.Single(await PressAsync("Cees", owner.Card.Buttons.Single(b => b.Title == "Anna").Data));
        Assert.DoesNotContain(facilitator.Card!.Buttons, b => b.Title == "Anna");
        // Who is present: the case owner and the facilitator are; the others are ticked, and one press confirms.
        var present = Assert.Single(await SayAsync("Cees", "Bram")).Card!;
        Assert.Contains("Anna brengt de casus in en Bram leidt het gesprek", Card(new OutgoingMessage("", present)), StringComparison.Ordinal);
        var ticks = Assert.Single(present.Body.OfType<CardChoiceInput>());
        Assert.Equal(["Cees", "Dewi", "Eva"], ticks.Choices.Select(c => c.Title));
        Assert.Equal("u-cees,u-dewi,u-eva", ticks.Value);
        var opening = await PressAsync("Dewi", new Dictionary<string, string>(Assert.Single(present.Buttons).Data) { [ticks.Id] = ticks.Value! });
        Assert.Contains("Wat hier gezegd wordt, blijft in de groep.", Card(opening[0]), StringComparison.Ordinal);
        Assert.Contains("Jullie eerste bijeenkomst", Card(opening[0]), StringComparison.Ordinal);
        Assert.Contains("Stap 1 van 5", Card(opening[1]), StringComparison.Ordinal);

        // Only the facilitator and the case owner move the session.
        Assert.Contains("Alleen de gespreksleider (Bram)", Assert.Single(await SayAsync("Cees", "volgende")).Text, StringComparison.Ordinal);

        // A round: everyone but the case owner gets the floor in turn.
        var round = Assert.Single(await SayAsync("Bram", "volgende"));
        Assert.Contains("Bram, jij hebt het woord.", Card(round), StringComparison.Ordinal);
        Assert.Equal("Cees, jij hebt het woord.", Assert.Single(await SayAsync("Bram", "klaar")).Text);
        Assert.Equal("Dewi, jij hebt het woord.", Assert.Single(await SayAsync("Cees", "klaar")).Text);
        Assert.Contains("Dit deel is voor iemand anders", Assert.Single(await SayAsync("Eva", "klaar")).Text, StringComparison.Ordinal);
        Assert.Equal("Eva, jij hebt het woord.", Assert.Single(await SayAsync("Dewi", "klaar")).Text);
        Assert.StartsWith("Iedereen is aan de beurt geweest", Assert.Single(await SayAsync("Eva", "klaar")).Text, StringComparison.Ordinal);

        // Collect: each participant is asked privately; contributions come back through their personal chats.
        var collect = await SayAsync("Bram", "volgende");
        Assert.Equal(4, _channel.Sent.Count(s => s.Kind == "private" && s.Message.Text.Contains("Wat ik hoorde of zag", StringComparison.Ordinal)));
        Assert.Contains("privébericht", Card(Assert.Single(collect, m => m.Card is not null)), StringComparison.Ordinal);
        var ack = Assert.Single(await PrivatelyAsync("Cees", "Waarom bleef je zo rustig?"));
        Assert.Equal(("private", "u-cees"), (ack.Kind, ack.To!.Id));
        Assert.StartsWith("Ontvangen (1 van 2).", ack.Message.Text, StringComparison.Ordinal);
        foreach (var name in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            await PrivatelyAsync(name, $"{name} zag iets");
        }

        foreach (var name in new[] { "Bram", "Dewi", "Eva" })
        {
            await PrivatelyAsync(name, $"{name} hoorde iets");
        }

        Assert.Contains("al alles ingebracht", Assert.Single(await PrivatelyAsync("Cees", "nog een")).Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_channel.Sent, s => s.Kind == "send" && s.Message.Text.Contains("zag iets", StringComparison.Ordinal));

        // Moving on reveals them together, named as the method says.
        var reveal = await SayAsync("Bram", "volgende");
        Assert.Contains("Cees zag iets (Cees)", Card(reveal[0]), StringComparison.Ordinal);
        Assert.Equal(8, Card(reveal[0]).Split('\n').Count(l => l.Contains(" (", StringComparison.Ordinal)));

        // The case owner's harvest step gives the insight and the action (the method asks both), so the close asks
        // neither again: the ratings, and the record.
        await SayAsync("Anna", "volgende");
        Assert.Equal("Genoteerd, Anna.", Assert.Single(await SayAsync("Anna", "Ik plan deze week een gesprek met mijn collega.")).Text);
        var rating = Assert.Single(await SayAsync("Bram", "volgende"));
        await PressAsync("Cees", rating.Card!.Buttons.Single(b => b.Title == "8").Data);
        await SayAsync("Dewi", "7");
        var close = await SayAsync("Bram", "volgende");

        Assert.StartsWith("Dank jullie wel.", close[0].Text, StringComparison.Ordinal);
        var report = close[1].Card!;
        Assert.Contains(report.Body.OfType<CardFacts>().Single().Facts, f => f.Value == "Ik plan deze week een gesprek met mijn collega.");
        Assert.Contains(report.Body.OfType<CardFacts>().Single().Facts, f => f.Value == "7.5");
        var record = await _records.LatestAsync(Group);
        Assert.NotNull(record);
        Assert.Equal(("incident", "Anna", "Bram"), (record.MethodId, record.CaseOwner.Name, record.Facilitator.Name));
        Assert.Empty((await _states.LoadAsync(Group)).State.Stack);

        // After the session, a private message is an ordinary one again.
        Assert.Equal("Dat begrijp ik (nog) niet. Typ **hulp** om te zien wat ik kan.", Assert.Single(await PrivatelyAsync("Cees", "hallo daar")).Message.Text);

        // Later: "verslag" shows the record again, and the next meeting's session starts by following up Anna's action.
        Assert.Contains("Verslag", Assert.Single(await SayAsync("Eva", "verslag")).Card!.Title, StringComparison.Ordinal);
        _time.Advance(TimeSpan.FromDays(28));
        await SayAsync("Dewi", "start starr");
        await SayAsync("Dewi", "Dewi");
        await SayAsync("Dewi", "Eva");
        var next = await SayAsync("Dewi", "iedereen");
        Assert.Contains("Vorige keer nam Anna zich voor: \"Ik plan deze week een gesprek met mijn collega.\". Anna, hoe is dat gegaan?", Card(next[0]), StringComparison.Ordinal);
        Assert.DoesNotContain("Jullie eerste bijeenkomst", Card(next[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_BeforeAnySession_SaysThereIsNoneYet()
    {
        Assert.StartsWith("Er is nog geen verslag", Assert.Single(await SayAsync("Anna", "verslag")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionStoredByTheFirstVersion_WithItsPhaseOutsideTheSession_EndsCleanlyAtTheNextTurn()
    {
        await StartWithEveryoneAsync("incidentmethode");
        var stored = await _states.LoadAsync(Group);
        var running = stored.State.Stack[0];
        running.State["phase"] = "insight";
        running.State["state"]!["session"]!.AsObject().Remove("phase");
        stored.State.Stack[0] = new DialogInstance { Id = running.Id, Version = 1, State = running.State };
        await _states.SaveAsync(Group, stored.State.Serialize(), stored.ETag);

        await SayAsync("Bram", "volgende");

        Assert.Empty((await _states.LoadAsync(Group)).State.Stack);
        Assert.Null(await _records.LatestAsync(Group));
    }

    [Fact]
    public async Task ASentenceStartingWithACommandWord_DuringASession_IsAnAnswerNotACommand()
    {
        await StartWithEveryoneAsync("incidentmethode");

        Assert.Empty(await SayAsync("Anna", "Volgende keer doe ik het anders"));
        Assert.Equal(0, (await _states.LoadAsync(Group)).State.Stack[0].State["state"]!["session"]!["stepIndex"]!.GetValue<int>());
    }

    [Fact]
    public async Task APrivateWhyQuestion_IsKept_AndItsAuthorGetsAWhatMakesThatSuggestion()
    {
        await StartWithEveryoneAsync("vijf stappen");
        for (var i = 0; i < 3; i++)
        {
            await SayAsync("Bram", "volgende");
        }

        var ack = Assert.Single(await PrivatelyAsync("Cees", "Waarom zei je meteen ja?"));

        Assert.StartsWith("Ontvangen (1 van 2).", ack.Message.Text, StringComparison.Ordinal);
        Assert.Contains("\"Wat maakt dat ...?\"", ack.Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberWhoIsNotThere_GetsNoTurnAndIsNotInTheRecord()
    {
        await SayAsync("Anna", "start incidentmethode");
        await SayAsync("Anna", "Anna");
        await SayAsync("Anna", "Bram");
        var opening = await SayAsync("Bram", "zonder Eva");
        Assert.Contains("aanwezig: Anna, Bram, Cees, Dewi", Card(opening[0]), StringComparison.Ordinal);

        await SayAsync("Bram", "volgende");
        await SayAsync("Bram", "klaar");
        await SayAsync("Cees", "klaar");
        Assert.StartsWith("Iedereen is aan de beurt geweest", Assert.Single(await SayAsync("Dewi", "klaar")).Text, StringComparison.Ordinal);

        await SayAsync("Bram", "volgende");
        Assert.Equal(["u-bram", "u-cees", "u-dewi"], _channel.Sent.Where(m => m.Kind == "private").Select(m => m.To!.Id).Order());
    }

    [Theory]
    [InlineData("Cees en Dewi", "Anna, Bram, Cees, Dewi")]
    [InlineData("niemand", "Anna, Bram")]
    [InlineData("iedereen", "Anna, Bram, Cees, Dewi, Eva")]
    public async Task WhoIsPresent_CanBeTyped(string typed, string present)
    {
        await SayAsync("Anna", "start incidentmethode");
        await SayAsync("Anna", "Anna");
        await SayAsync("Anna", "Bram");

        Assert.Contains("aanwezig: " + present + "\n", Card((await SayAsync("Bram", typed))[0]) + "\n", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_TheCaseOwnerLabelsTheQuestionsWithTheCard_ThenSeesTheHelpfulOnesToAnswer()
    {
        await StartWithEveryoneAsync("vijf stappen");
        for (var i = 0; i < 3; i++)
        {
            await SayAsync("Bram", "volgende");
        }

        foreach (var name in Names.Skip(1))
        {
            await PrivatelyAsync(name, $"Wat maakt dat {name} dit vraagt?");
            await PrivatelyAsync(name, $"Wie zag {name} daar?");
        }

        var rank = (await SayAsync("Bram", "volgende")).Single(m => m.Card?.Body.OfType<CardChoiceInput>().Any() == true).Card!;
        var inputs = rank.Body.OfType<CardChoiceInput>().ToList();
        Assert.Equal(8, inputs.Count);
        Assert.Equal(["Helpend", "Neutraal", "Niet helpend"], inputs[0].Choices.Select(c => c.Title));
        var save = rank.Buttons.Single(b => b.Title == "Labels opslaan").Data;
        var labels = new Dictionary<string, string>(save) { [inputs[0].Id] = "helpful", [inputs[1].Id] = "not", [inputs[2].Id] = "neutral" };

        Assert.Contains("iemand anders", Assert.Single(await PressAsync("Cees", labels)).Text, StringComparison.Ordinal);
        var saved = Assert.Single(await PressAsync("Anna", labels)).Text;

        Assert.StartsWith("Gelabeld: 1 helpend, 1 neutraal, 1 niet helpend.", saved, StringComparison.Ordinal);
        Assert.Contains("Anna, beantwoord nu de helpende vragen:\n" + inputs[0].Label, saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choose_TheCaseOwnerPicksACollectedContributionByButton()
    {
        var method = MethodLibrary.BuiltIn.Get("ten-steps");
        await StartWithEveryoneAsync("tienstappenmethode");
        List<OutgoingMessage> announced = [];
        for (var index = 0; method.Steps[index].Interaction != StepInteraction.Choose; index++)
        {
            if (method.Steps[index].Interaction == StepInteraction.Collect)
            {
                foreach (var name in Names.Skip(1))
                {
                    for (var i = 0; i < method.Steps[index].Collect!.PerParticipant; i++)
                    {
                        await PrivatelyAsync(name, $"Advies {i + 1} van {name}");
                    }
                }
            }

            announced = await SayAsync("Bram", "volgende");
        }

        var choices = announced.SelectMany(m => m.Card?.Buttons ?? []).Where(b => b.Data.GetValueOrDefault(SessionAction.Key) == "choose").ToList();
        Assert.Equal(4 * method.Steps.Last(s => s.Interaction == StepInteraction.Collect).Collect!.PerParticipant, choices.Count);
        var third = choices[2];

        Assert.Contains("iemand anders", Assert.Single(await PressAsync("Cees", third.Data)).Text, StringComparison.Ordinal);
        var chosen = Assert.Single(await PressAsync("Anna", third.Data)).Text;

        Assert.Equal("Gekozen: " + third.Title[(third.Title.IndexOf(". ", StringComparison.Ordinal) + 2)..], chosen);
    }

    [Fact]
    public async Task ASecondPressOfAnOldNextButton_DoesNotMoveTheSessionAgain()
    {
        var opening = await StartWithEveryoneAsync("incidentmethode");
        var next = opening.Single(m => m.Card?.Title is not null && Card(m).Contains("Stap 1 van 5", StringComparison.Ordinal)).Card!.Buttons.Single(b => b.Title == "Volgende stap").Data;

        Assert.Contains("Stap 2 van 5", Card((await PressAsync("Bram", next)).Last(m => m.Card is not null)), StringComparison.Ordinal);
        var again = Assert.Single(await PressAsync("Anna", next));

        Assert.StartsWith("Die knop hoort bij een eerder bericht", again.Text, StringComparison.Ordinal);
        Assert.Equal(1, (await _states.LoadAsync(Group)).State.Stack[0].State["state"]!["session"]!["stepIndex"]!.GetValue<int>());
    }

    [Fact]
    public async Task AfterMethodAdvice_StartOffersTheRecommendedMethodFirst()
    {
        await SayAsync("Anna", "advies");
        await SayAsync("Anna", "1");
        await SayAsync("Anna", "1");
        await SayAsync("Anna", "1");
        await SayAsync("Anna", "ja");
        var advised = MethodAdvisor.Rank(
            new AdviceRequest(Enum.GetValues<QuestionKind>()[0], TimeSpan.FromMinutes(30), GroupExperience.New, HighSafety: true),
            MethodLibrary.BuiltIn)[0].Method;

        var methods = Assert.Single(await SayAsync("Anna", "start")).Card!.Buttons;

        Assert.Equal(advised.Id, methods[0].Data[ChoicePrompt.ChoiceKey]);
        Assert.EndsWith("· aanbevolen", methods[0].Title, StringComparison.Ordinal);
        Assert.Single(methods, b => b.Title.Contains("aanbevolen", StringComparison.Ordinal));
        Assert.Equal(MethodLibrary.BuiltIn.All.Count, methods.Count);
    }

    [Fact]
    public async Task AfterAShortMethod_ASecondCaseFollows_WithShortMethodsAndAnotherCaseOwner()
    {
        await StartWithEveryoneAsync("incidenten");
        await SayAsync("Bram", "stop");
        var close = await PressAsync("Bram", new Dictionary<string, string> { ["card"] = "stop", ["action"] = "yes" });
        Assert.DoesNotContain(close, m => m.Card?.Buttons.Any(b => b.Title == "Tweede casus") == true);

        // Walk a short method to its end: the close offers a second case.
        await StartWithEveryoneAsync("incidenten");
        var steps = MethodLibrary.BuiltIn.Get("incidents").Steps.Count;
        for (var i = 0; i < steps; i++)
        {
            await SayAsync("Bram", "volgende");
        }

        // The method's own harvest step asks the insight and the action: the close has only the rating.
        var end = await SayAsync("Bram", "volgende");
        var offer = end.Single(m => m.Card?.Buttons.Any(b => b.Title == "Tweede casus") == true).Card!;

        var methods = Assert.Single(await PressAsync("Dewi", offer.Buttons[0].Data)).Card!;
        Assert.StartsWith("Een tweede casus", methods.Body.OfType<CardText>().First().Text, StringComparison.Ordinal);
        Assert.All(methods.Buttons, b => Assert.True(MethodLibrary.BuiltIn.Get(b.Data[ChoicePrompt.ChoiceKey]).Duration.Max <= TimeSpan.FromMinutes(60)));
        Assert.DoesNotContain(methods.Buttons, b => b.Data[ChoicePrompt.ChoiceKey] == "socratic");
        var owners = Assert.Single(await SayAsync("Dewi", "starr")).Card!.Buttons;
        Assert.DoesNotContain(owners, b => b.Title == "Anna");
        Assert.Equal(4, owners.Count);
    }

    public static TheoryData<string> MethodIds() => [.. MethodLibrary.BuiltIn.All.Select(m => m.Id)];

    [Theory]
    [MemberData(nameof(MethodIds))]
    public async Task EveryMethod_RunsInChat_FromStartToRecord_WithFiveMembers(string methodId)
    {
        var method = MethodLibrary.BuiltIn.Get(methodId);
        await StartWithEveryoneAsync(method.Aliases[0]);

        for (var index = 0; index < method.Steps.Count; index++)
        {
            var step = method.Steps[index];
            switch (step.Interaction)
            {
                case StepInteraction.Collect:
                    foreach (var name in Names.Skip(1))
                    {
                        for (var i = 0; i < step.Collect!.PerParticipant; i++)
                        {
                            Assert.StartsWith("Ontvangen", Assert.Single(await PrivatelyAsync(name, $"{name} bijdrage {i + 1}")).Message.Text, StringComparison.Ordinal);
                        }
                    }

                    break;
                case StepInteraction.Rank:
                    Assert.Equal("Genoteerd, Anna.", Assert.Single(await SayAsync("Anna", "1 helpend")).Text);
                    break;
                case StepInteraction.Round:
                    var replies = new List<string>();
                    foreach (var name in step.Actor switch { StepActor.CaseOwner => ["Anna"], StepActor.Facilitator => ["Bram"], StepActor.Everyone => Names, _ => Names.Skip(1) })
                    {
                        replies.Add(Assert.Single(await SayAsync(name, "klaar")).Text);
                    }

                    Assert.DoesNotContain(replies, r => r.Contains("iemand anders", StringComparison.Ordinal));
                    Assert.StartsWith("Iedereen is aan de beurt geweest", replies[^1], StringComparison.Ordinal);
                    break;
                case StepInteraction.Choose:
                    Assert.StartsWith("Gekozen: ", Assert.Single(await SayAsync("Anna", "Wat is moed?")).Text, StringComparison.Ordinal);
                    break;
                case StepInteraction.Reflect:
                    Assert.Equal("Genoteerd, Dewi.", Assert.Single(await SayAsync("Dewi", "Ik neem mee dat luisteren werkt.")).Text);
                    Assert.Equal("Genoteerd, Anna.", Assert.Single(await SayAsync("Anna", "Een actie.")).Text);
                    break;
                default:
                    break;
            }

            await SayAsync("Bram", "volgende");
        }

        // Every method has its own harvest or evaluation step for the insight; the close asks only for an action the
        // method did not ask for.
        if (!method.Steps.Any(s => s.AsksAction))
        {
            await SayAsync("Anna", "Een actie.");
        }

        await SayAsync("Cees", "9");
        var close = await SayAsync("Bram", "volgende");

        Assert.StartsWith("Dank jullie wel.", close[0].Text, StringComparison.Ordinal);
        var record = await _records.LatestAsync(Group);
        Assert.Equal((methodId, "Een actie.", 9.0), (record!.MethodId, record.Action, record.AverageRating));
        Assert.Empty((await _states.LoadAsync(Group)).State.Stack);
    }
}

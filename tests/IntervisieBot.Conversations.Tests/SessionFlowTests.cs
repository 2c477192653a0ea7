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

    /// <summary>What the bot sent in answer to the last turn: new messages, updates (of the live cards) and private ones.</summary>
    private List<SentMessage> _answer = [];

    private async Task<List<OutgoingMessage>> SayAsync(string who, string text)
    {
        var before = _channel.Sent.Count;
        await _router.OnTurnAsync(new TurnContext(
            new IncomingTurn { Kind = TurnKind.Message, Conversation = Group, From = Member(who), Bot = new("bot", "IntervisieBot"), Text = text, Locale = "nl-NL" },
            _channel));
        _answer = _channel.Sent.Skip(before).ToList();
        return _answer.Select(s => s.Message).ToList();
    }

    private async Task<List<OutgoingMessage>> PressAsync(string who, IReadOnlyDictionary<string, string> values)
    {
        var before = _channel.Sent.Count;
        await _router.OnTurnAsync(new TurnContext(
            new IncomingTurn { Kind = TurnKind.CardAction, Conversation = Group, From = Member(who), Bot = new("bot", "IntervisieBot"), Values = values, Locale = "nl-NL" },
            _channel));
        _answer = _channel.Sent.Skip(before).ToList();
        return _answer.Select(s => s.Message).ToList();
    }

    /// <summary>The new messages of the last answer in the group (not updates, not private ones).</summary>
    private List<OutgoingMessage> Posted() => _answer.Where(s => s.Kind == "send").Select(s => s.Message).ToList();

    /// <summary>The live session card as the group sees it now.</summary>
    private OutgoingMessage LiveCard(string method = "Incidentmethode") =>
        _channel.Sent.Last(s => s.Kind != "private" && s.Message.Card?.Title == method).Message;

    /// <summary>A member writes to the bot in their own personal chat.</summary>
    private async Task<List<(string Kind, OutgoingMessage Message, Participant? To)>> PrivatelyAsync(string who, string text)
    {
        var before = _channel.Sent.Count;
        var personal = new ConversationAddress("test", "test", "personal-" + who.ToLowerInvariant(), ConversationScope.Personal, "tenant");
        await _router.OnTurnAsync(new TurnContext(
            new IncomingTurn { Kind = TurnKind.Message, Conversation = personal, From = Member(who), Bot = new("bot", "IntervisieBot"), Text = text, Locale = "nl-NL" },
            _channel));
        _answer = _channel.Sent.Skip(before).ToList();
        return _answer.Where(s => s.Kind == "private" || s.Conversation == personal).Select(s => (s.Kind, s.Message, s.To)).ToList();
    }

    /// <summary>Anna brings the case, Bram facilitates, everyone is there; returns the session's opening.</summary>
    private async Task<List<OutgoingMessage>> StartWithEveryoneAsync(string method)
    {
        await SayAsync("Anna", "start " + method);
        if (MethodLibrary.BuiltIn.Find(method) is { RequiresHighSafety: true })
        {
            await SayAsync("Anna", "ja");
        }

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
        // The live session card: the method, the step, who acts; no "back" at the first step.
        var live = opening[1];
        Assert.Equal("Incidentmethode", live.Card!.Title);
        Assert.Contains("Stap 1 van 5", Card(live), StringComparison.Ordinal);
        Assert.Contains("Aan zet: de casusinbrenger, Anna", Card(live), StringComparison.Ordinal);
        Assert.Equal(["Volgende stap", "Overslaan", "Pauze"], live.Card.Buttons.Select(b => b.Title));

        // Only the facilitator and the case owner move the session.
        Assert.Contains("Alleen de gespreksleider (Bram)", Assert.Single(await SayAsync("Cees", "volgende")).Text, StringComparison.Ordinal);

        // A round: everyone but the case owner gets the floor in turn, on the live card (updated, never a new message).
        await SayAsync("Bram", "volgende");
        var round = Assert.Single(_answer);
        Assert.Equal("update", round.Kind);
        Assert.Contains("Stap 2 van 5", Card(round.Message), StringComparison.Ordinal);
        Assert.Contains("Bram, jij hebt het woord.", Card(round.Message), StringComparison.Ordinal);
        Assert.Equal("Klaar, volgende spreker", round.Message.Card!.Buttons[0].Title);
        Assert.Equal(ButtonStyle.Positive, round.Message.Card.Buttons[0].Style);
        Assert.Contains(round.Message.Card.Buttons, b => b.Title == "Terug");
        await SayAsync("Bram", "klaar");
        Assert.Contains("Cees, jij hebt het woord.", Card(Assert.Single(_answer, s => s.Kind == "update").Message), StringComparison.Ordinal);
        Assert.Empty(Posted());
        await SayAsync("Cees", "klaar");
        Assert.Contains("Dit deel is voor iemand anders", Assert.Single(await SayAsync("Eva", "klaar")).Text, StringComparison.Ordinal);
        await SayAsync("Dewi", "klaar");
        Assert.Contains("Eva, jij hebt het woord.", Card(LiveCard()), StringComparison.Ordinal);
        await SayAsync("Eva", "klaar");
        Assert.Empty(Posted());
        Assert.Contains("Iedereen is aan de beurt geweest", Card(LiveCard()), StringComparison.Ordinal);

        // Collect: each participant is asked privately; contributions come back through their personal chats.
        await SayAsync("Bram", "volgende");
        Assert.Empty(Posted());
        Assert.Equal(4, _channel.Sent.Count(s => s.Kind == "private" && s.Message.Text.Contains("Wat ik hoorde of zag", StringComparison.Ordinal)));
        Assert.Contains("privébericht", Card(LiveCard()), StringComparison.Ordinal);
        Assert.Contains("0 van 4 hebben geantwoord.", Card(LiveCard()), StringComparison.Ordinal);
        var ack = Assert.Single(await PrivatelyAsync("Cees", "Wat zag je bij jezelf?"));
        Assert.Equal(("private", "u-cees"), (ack.Kind, ack.To!.Id));
        Assert.StartsWith("Ontvangen (1 van 2).", ack.Message.Text, StringComparison.Ordinal);
        foreach (var name in new[] { "Bram", "Cees", "Dewi", "Eva" })
        {
            await PrivatelyAsync(name, $"{name} zag iets");
        }

        Assert.Contains("1 van 4 hebben geantwoord.", Card(LiveCard()), StringComparison.Ordinal);
        Assert.Contains("al alles gestuurd", Assert.Single(await PrivatelyAsync("Cees", "nog een")).Message.Text, StringComparison.Ordinal);
        foreach (var name in new[] { "Bram", "Dewi" })
        {
            await PrivatelyAsync(name, $"{name} hoorde iets");
        }

        Assert.Contains("3 van 4 hebben geantwoord.", Card(LiveCard()), StringComparison.Ordinal);
        Assert.DoesNotContain(_channel.Sent, s => s.Kind == "send" && s.Message.Text.Contains("zag iets", StringComparison.Ordinal));

        // The last answer reveals them together, named as the method says, in the same step: its discussion happens here.
        await PrivatelyAsync("Eva", "Eva hoorde iets");
        var reveal = Assert.Single(Posted());
        Assert.Contains("Cees zag iets (Cees)", Card(reveal), StringComparison.Ordinal);
        Assert.Equal(8, Card(reveal).Split('\n').Count(l => l.Contains(" (", StringComparison.Ordinal)));
        Assert.Contains("Stap 3 van 5", Card(LiveCard()), StringComparison.Ordinal);
        Assert.Contains("Bespreek ze nu samen", Card(LiveCard()), StringComparison.Ordinal);
        Assert.Contains("al in de groep gedeeld", Assert.Single(await PrivatelyAsync("Cees", "te laat")).Message.Text, StringComparison.Ordinal);

        // The case owner's harvest step gives the insight and the action (the method asks both), so the close asks
        // neither again; her answer gets no "noted": the live card counts. Then the ratings and the record.
        await SayAsync("Bram", "volgende");
        await SayAsync("Anna", "volgende");
        await SayAsync("Anna", "Ik plan deze week een gesprek met mijn collega.");
        Assert.Empty(Posted());
        Assert.Contains("1 van 1 hebben hun zin gegeven.", Card(LiveCard()), StringComparison.Ordinal);
        var rating = Assert.Single(await SayAsync("Bram", "volgende"), m => m.Card?.Buttons.Any(b => b.Title == "8") == true);
        Assert.Empty(LiveCard().Card!.Buttons);
        await PressAsync("Cees", rating.Card!.Buttons.Single(b => b.Title == "8").Data);
        Assert.Equal("update", Assert.Single(_answer).Kind);
        await SayAsync("Dewi", "7");
        Assert.Contains("2 van 5 hebben een cijfer gegeven.", Card(Assert.Single(_answer).Message), StringComparison.Ordinal);
        await SayAsync("Bram", "volgende");
        var close = Posted();

        Assert.StartsWith("Dank jullie wel.", close[0].Text, StringComparison.Ordinal);
        var report = close[1].Card!;
        Assert.Contains(report.Body.OfType<CardFacts>().Single().Facts, f => f.Value == "Ik plan deze week een gesprek met mijn collega.");
        Assert.Contains(report.Body.OfType<CardFacts>().Single().Facts, f => f.Value == "7,5");
        Assert.Empty(_answer.Single(s => s.Kind == "update").Message.Card!.Buttons);
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
    public async Task APrivateWhyQuestion_IsFlaggedBeforeItCounts_AndCountsOnlyOnceSentAsIsOrRephrased()
    {
        await StartWithEveryoneAsync("vijf stappen");
        for (var i = 0; i < 3; i++)
        {
            await SayAsync("Bram", "volgende");
        }

        // Flagged privately: the suggestion, a button to send it as is, and it does not count yet.
        var flagged = Assert.Single(await PrivatelyAsync("Cees", "Waarom zei je meteen ja?"));
        Assert.Equal(("private", "u-cees"), (flagged.Kind, flagged.To!.Id));
        Assert.Contains("\"Wat maakt dat ...?\"", Card(flagged.Message), StringComparison.Ordinal);
        Assert.Contains("telt nog niet mee", Card(flagged.Message), StringComparison.Ordinal);
        Assert.Equal("Zo versturen", Assert.Single(flagged.Message.Card!.Buttons).Title);
        Assert.Contains("0 van 4 hebben geantwoord.", Card(LiveCard("Vijf stappen")), StringComparison.Ordinal);

        // Rephrased: the new question counts, the why-question is gone.
        Assert.StartsWith("Ontvangen (1 van 2).", Assert.Single(await PrivatelyAsync("Cees", "Wat maakte dat je meteen ja zei?")).Message.Text, StringComparison.Ordinal);

        // Sent as is (by the button, in the personal chat): it counts as it was written.
        await PrivatelyAsync("Dewi", "Waarom juist toen?");
        var send = flagged.Message.Card.Buttons[0].Data;
        await _router.OnTurnAsync(new TurnContext(
            new IncomingTurn
            {
                Kind = TurnKind.CardAction, Conversation = new ConversationAddress("test", "test", "personal-dewi", ConversationScope.Personal, "tenant"),
                From = Member("Dewi"), Bot = new("bot", "IntervisieBot"), Values = send, Locale = "nl-NL",
            },
            _channel));
        Assert.StartsWith("Ontvangen (1 van 2).", _channel.Sent.Last(s => s.Kind == "private").Message.Text, StringComparison.Ordinal);

        // Or typed: "versturen".
        await PrivatelyAsync("Eva", "Waarom nu?");
        Assert.StartsWith("Ontvangen (1 van 2).", Assert.Single(await PrivatelyAsync("Eva", "versturen")).Message.Text, StringComparison.Ordinal);

        await SayAsync("Bram", "onthullen");
        var reveal = Card(Assert.Single(Posted()));
        Assert.Contains("Wat maakte dat je meteen ja zei?", reveal, StringComparison.Ordinal);
        Assert.DoesNotContain("Waarom zei je meteen ja?", reveal, StringComparison.Ordinal);
        Assert.Contains("Waarom juist toen?", reveal, StringComparison.Ordinal);
        Assert.Contains("Waarom nu?", reveal, StringComparison.Ordinal);
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
        await SayAsync("Dewi", "klaar");
        Assert.Contains("Iedereen is aan de beurt geweest", Card(LiveCard()), StringComparison.Ordinal);

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

        var said = await SayAsync("Bram", typed);
        if (present == "Anna, Bram")
        {
            // Two taking part get the warning first (fewer than three); they start anyway.
            Assert.Contains("Er doen nu 2 mensen mee", said[0].Text, StringComparison.Ordinal);
            said = await SayAsync("Bram", "toch beginnen");
        }

        Assert.Contains("aanwezig: " + present + "\n", Card(said[0]) + "\n", StringComparison.Ordinal);
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
        var said = await PressAsync("Anna", labels);
        Assert.Contains("Gelabeld: 1 helpend, 1 neutraal, 1 niet helpend.", Card(Assert.Single(said, m => m.Card is not null)), StringComparison.Ordinal);
        var saved = Assert.Single(said, m => m.Card is null).Text;

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
        Assert.Equal("private", Assert.Single(_answer).Kind);
        await PressAsync("Anna", third.Data);
        var chosen = Assert.Single(Posted()).Text;

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
                    // The typed label changes the rank card in place: no new group message.
                    Assert.Contains("Gelabeld: 1 helpend, 0 neutraal, 0 niet helpend.", Card(Assert.Single(await SayAsync("Anna", "1 helpend"))), StringComparison.Ordinal);
                    Assert.Empty(Posted());
                    break;
                case StepInteraction.Round:
                    foreach (var name in step.Actor switch { StepActor.CaseOwner => ["Anna"], StepActor.Facilitator => ["Bram"], StepActor.Everyone => Names, _ => Names.Skip(1) })
                    {
                        await SayAsync(name, "klaar");
                        Assert.Empty(Posted());
                    }

                    Assert.Contains("Iedereen is aan de beurt geweest", Card(LiveCard(method.Name.Nl)), StringComparison.Ordinal);
                    break;
                case StepInteraction.Choose:
                    await SayAsync("Anna", "Wat is moed?");
                    Assert.StartsWith("Gekozen: ", Assert.Single(Posted()).Text, StringComparison.Ordinal);
                    break;
                case StepInteraction.Reflect:
                    await SayAsync("Dewi", "Ik neem mee dat luisteren werkt.");
                    await SayAsync("Anna", "Een actie.");
                    Assert.Empty(Posted());
                    break;
                default:
                    break;
            }

            await SayAsync("Bram", "volgende");
            if (step.Interaction == StepInteraction.Collect && (await _states.LoadAsync(Group)).State.Stack[0].State["state"]!["session"]!["stepIndex"]?.GetValue<int>() == index)
            {
                // Not everyone the step asks has answered: "next" revealed what came in, and the next "next" moves on.
                Assert.Equal("Jullie bijdragen", Posted()[0].Card!.Title);
                await SayAsync("Bram", "volgende");
            }
        }

        // Every method has its own harvest or evaluation step for the insight; the close asks only for an action the
        // method did not ask for.
        if (!method.Steps.Any(s => s.AsksAction))
        {
            await SayAsync("Anna", "Een actie.");
        }

        await SayAsync("Cees", "9");
        await SayAsync("Bram", "volgende");
        var close = Posted();

        Assert.StartsWith("Dank jullie wel.", close[0].Text, StringComparison.Ordinal);
        var record = await _records.LatestAsync(Group);
        Assert.Equal((methodId, "Een actie.", 9.0), (record!.MethodId, record.Action, record.AverageRating));
        Assert.Empty((await _states.LoadAsync(Group)).State.Stack);
    }
}

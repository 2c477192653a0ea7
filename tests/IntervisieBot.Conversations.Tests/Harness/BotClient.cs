using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Reminders;
using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;
using IntervisieBot.Storage.Protection;
using IntervisieBot.Storage.Sqlite;
using IntervisieBot.Storage.Tables;
using IntervisieBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Conversations.Tests.Harness;

/// <summary>What a <see cref="BotClient"/> is built on; every part has a default.</summary>
public sealed record BotClientOptions
{
    /// <summary>The fake clock's start (unless <see cref="Time"/> is given).</summary>
    public DateTimeOffset Start { get; init; } = BotClient.Monday;

    /// <summary>A clock to share (e.g. with a bot that ran before on the same <see cref="Folder"/>).</summary>
    public FakeTimeProvider? Time { get; init; }

    /// <summary>The group conversation the client talks in.</summary>
    public string ConversationId { get; init; } = "group-1";

    /// <summary>Who the channel says is in every conversation (<see cref="RecordingMessenger.Members"/>).</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>With due work, as the host runs it: the channel is the bot's messenger and <see cref="BotClient.PassAsync"/> runs what is due.</summary>
    public bool Scheduler { get; init; }

    /// <summary>The folder of the embedded store (kept after the client, when given); a new temporary one otherwise.</summary>
    public TempDirectory? Folder { get; init; }

    /// <summary>Another store than the embedded one in <see cref="Folder"/> (e.g. Azurite).</summary>
    public ITableServiceClient? Tables { get; init; }

    public PrivacyProtector? Protector { get; init; }

    /// <summary>More services (dialogs, handlers, fakes), added after the bot's own.</summary>
    public Action<IServiceCollection>? Configure { get; init; }
}

/// <summary>
/// The one client of feature tests: the bot as the host composes it (<see cref="TestBot"/>) on a fake clock, with a
/// channel that records what it sends (<see cref="RecordingMessenger"/>). A test talks as a member in the group
/// (<see cref="Say"/>, <see cref="Press(string, CardButton, IReadOnlyDictionary{string, string}?)"/>) or in a
/// personal chat (<see cref="Privately"/>, <see cref="PressPrivately"/>), gets back what the bot sent in answer, reads
/// everything it sent (<see cref="Channel"/>), and lets time pass with the scheduler running what is due
/// (<see cref="PassAsync"/>, <see cref="WaitUntilAsync"/>). <see cref="Chat"/> is the same bot seen from another group.
/// </summary>
public sealed class BotClient : IDisposable
{
    /// <summary>Monday 4 January 2027, 10:00 in Amsterdam.</summary>
    public static readonly DateTimeOffset Monday = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Thursday 3 December 2026, 19:30 in Amsterdam.</summary>
    public static readonly DateTimeOffset ThursdayEvening = new(2026, 12, 3, 18, 30, 0, TimeSpan.Zero);

    /// <summary>How often the hosted scheduler looks for due work (<see cref="WaitUntilAsync"/>).</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(30);

    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The members of group A in <see cref="TwoGroups"/>.</summary>
    public static readonly string[] NamesA = ["Anna", "Bram", "Cees", "Dewi", "Eva"];

    /// <summary>The members of group B in <see cref="TwoGroups"/> (Anna and Bram are in both).</summary>
    public static readonly string[] NamesB = ["Anna", "Bram", "Zara", "Yusuf", "Xavi"];

    public const string GroupA = "group-a";

    public const string GroupB = "group-b";

    public static readonly MethodDefinition Incident = MethodLibrary.BuiltIn.Get("incident");

    /// <summary>Words of the group's name, agreement and case in <see cref="RunConfidentialMeetingAsync"/> that must never be found in plain in the store.</summary>
    public static readonly string[] ConfidentialTexts = ["Noord", "blijft hier", "Joris"];

    /// <summary>The reply-to id of a press on a card whose message the test does not follow.</summary>
    public const string SomeCard = "m-card";

    private static readonly Participant BotAccount = new("bot", "IntervisieBot");

    private readonly Shared _shared;
    private readonly bool _owner;

    /// <summary>A group chat of <paramref name="members"/> on Monday 4 January 2027, without the scheduler.</summary>
    public BotClient(params string[] members)
        : this(new BotClientOptions { Members = members })
    {
    }

    public BotClient(BotClientOptions options)
        : this(new Shared(options), options.ConversationId, owner: true)
    {
    }

    private BotClient(Shared shared, string conversationId, bool owner)
    {
        _shared = shared;
        _owner = owner;
        Address = new ConversationAddress("test", "test", conversationId, ConversationScope.GroupChat, "tenant");
    }

    public ConversationAddress Address { get; }

    public FakeTimeProvider Time => _shared.Time;

    public RecordingMessenger Channel => _shared.Channel;

    public TestBot Bot => _shared.Bot;

    public IBot Router => _shared.Bot.Router;

    public ITableServiceClient Tables => _shared.Bot.Tables;

    /// <summary>The embedded store's folder and file (not there when the client runs on other <see cref="BotClientOptions.Tables"/>).</summary>
    public TempDirectory Folder => _shared.Folder;

    public string DatabasePath => _shared.Folder.File("bot.db");

    /// <summary>The cases reminders see as prepared (<see cref="WithReminders"/> only).</summary>
    public SubmittedCases Cases => _shared.Cases ?? throw new InvalidOperationException("Only a client made WithReminders has submitted cases.");

    public string Locale { get; set; } = "nl-NL";

    public static Participant Member(string name) => new("u-" + name.ToLowerInvariant(), name);

    /// <summary>
    /// A group chat with the scheduler and fake case submissions, from <paramref name="start"/>: what the reminders,
    /// planning, health and evaluation need.
    /// </summary>
    public static BotClient WithReminders(DateTimeOffset start, params string[] members)
    {
        var cases = new SubmittedCases();
        var client = new BotClient(new BotClientOptions
        {
            Start = start, Members = members, Scheduler = true, Configure = services => services.AddSingleton<ICaseSubmissions>(cases),
        });
        client._shared.Cases = cases;
        return client;
    }

    /// <summary>
    /// Two groups in one tenant on an embedded store the tests can read raw, with the scheduler, on Thursday
    /// 3 December 2026: <see cref="GroupA"/> (<see cref="NamesA"/>), the returned client, and <see cref="GroupB"/>
    /// (<see cref="NamesB"/>), through <see cref="Chat"/>.
    /// </summary>
    public static BotClient TwoGroups(PrivacyProtector? protector = null, TempDirectory? folder = null, FakeTimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var client = new BotClient(new BotClientOptions
        {
            Start = ThursdayEvening, Time = time, ConversationId = GroupA, Scheduler = true, Folder = folder, Protector = protector, Configure = configure,
        });
        client.Channel.MembersOf[GroupA] = [.. NamesA.Select(Member)];
        client.Channel.MembersOf[GroupB] = [.. NamesB.Select(Member)];
        return client;
    }

    /// <summary>The same bot, clock and channel, talked to in another group conversation.</summary>
    public BotClient Chat(string conversationId) => new(_shared, conversationId, owner: false) { Locale = Locale };

    public T Get<T>()
        where T : notnull => _shared.Bot.Get<T>();

    public Task<Group?> GroupAsync() => Get<GroupStore>().GetAsync(Address);

    /// <summary>A member's personal chat with the bot, in the group's channel and tenant.</summary>
    public ConversationAddress PersonalChat(string who) => new(Address.Adapter, Address.ChannelId, "personal-" + who.ToLowerInvariant(), ConversationScope.Personal, Address.TenantId);

    /// <summary>A member writes in the group.</summary>
    public Task<List<OutgoingMessage>> Say(string who, string text) =>
        RunAsync(new IncomingTurn { Kind = TurnKind.Message, Conversation = Address, From = Member(who), Bot = BotAccount, Text = text, Locale = Locale });

    /// <summary>A member writes in the group and mentions the bot ("@IntervisieBot wat nu?").</summary>
    public Task<List<OutgoingMessage>> Mention(string who, string text) =>
        RunAsync(new IncomingTurn { Kind = TurnKind.Message, Conversation = Address, From = Member(who), Bot = BotAccount, Text = text, Locale = Locale, MentionsBot = true });

    /// <summary>A member writes to the bot in their personal chat.</summary>
    public Task<List<OutgoingMessage>> Privately(string who, string text) =>
        RunAsync(new IncomingTurn { Kind = TurnKind.Message, Conversation = PersonalChat(who), From = Member(who), Bot = BotAccount, Text = text, Locale = Locale });

    /// <summary>A member presses a button in the group that sends <paramref name="values"/>, on the card in message <paramref name="cardMessage"/>.</summary>
    public Task<List<OutgoingMessage>> Press(string who, IReadOnlyDictionary<string, string> values, string? cardMessage = null) =>
        RunAsync(new IncomingTurn { Kind = TurnKind.CardAction, Conversation = Address, From = Member(who), Bot = BotAccount, Values = values, ReplyToId = cardMessage, Locale = Locale });

    /// <summary>A member presses a button of a card the bot sent in the group, with the card's inputs filled in as given.</summary>
    public Task<List<OutgoingMessage>> Press(string who, CardButton button, IReadOnlyDictionary<string, string>? inputs = null) =>
        RunAsync(new IncomingTurn { Kind = TurnKind.CardAction, Conversation = Address, From = Member(who), Bot = BotAccount, Values = Filled(button, inputs), ReplyToId = SomeCard, Locale = Locale });

    /// <summary>A member presses a button of a card in their personal chat, with the card's inputs filled in as given.</summary>
    public Task<List<OutgoingMessage>> PressPrivately(string who, CardButton button, IReadOnlyDictionary<string, string>? inputs = null) =>
        RunAsync(new IncomingTurn { Kind = TurnKind.CardAction, Conversation = PersonalChat(who), From = Member(who), Bot = BotAccount, Values = Filled(button, inputs), ReplyToId = SomeCard, Locale = Locale });

    /// <summary>
    /// A member presses the button <paramref name="title"/> of a card the bot sent (<see cref="Channel"/>): in the group,
    /// or in their personal chat when it was sent privately; with the card's inputs filled in as given.
    /// </summary>
    public Task<List<OutgoingMessage>> Press(string who, SentMessage card, string title, IReadOnlyDictionary<string, string>? inputs = null) =>
        RunAsync(new IncomingTurn
        {
            Kind = TurnKind.CardAction,
            Conversation = card.To is null ? Address : PersonalChat(who),
            From = Member(who),
            Bot = BotAccount,
            Values = Filled(card.Message.Card!.Buttons.Single(b => b.Title == title), inputs),
            ReplyToId = card.MessageId ?? "private-card",
            Locale = Locale,
        });

    /// <summary>The conversation's membership changes, as the channel reports it.</summary>
    public Task<List<OutgoingMessage>> Membership(TurnKind kind, params string[] names) =>
        RunAsync(new IncomingTurn { Kind = kind, Conversation = Address, From = Member(names[0]), Bot = BotAccount, Members = [.. names.Select(Member)], Locale = Locale });

    /// <summary>The bot is added to the group (by Anna).</summary>
    public Task<List<OutgoingMessage>> BotAdded() =>
        RunAsync(new IncomingTurn { Kind = TurnKind.BotAdded, Conversation = Address, From = Member("Anna"), Bot = BotAccount, Locale = Locale });

    /// <summary>Everything the bot sent to the group conversation itself so far.</summary>
    public List<OutgoingMessage> InGroup()
    {
        lock (Channel.Sent)
        {
            return [.. Channel.Sent.Where(s => s.Kind == "send" && s.Conversation == Address).Select(s => s.Message)];
        }
    }

    /// <summary>The id the channel gave the last message the bot sent in the group (to press its buttons as the card's message).</summary>
    public string LastMessageId()
    {
        lock (Channel.Sent)
        {
            return Channel.Sent.Last(s => s.Kind == "send" && s.Conversation == Address).MessageId!;
        }
    }

    /// <summary>Lets <paramref name="time"/> pass, then runs once what the scheduler finds due.</summary>
    public async Task PassAsync(TimeSpan time)
    {
        Time.Advance(time);
        await Get<DueWorkRunner>().TickAsync();
    }

    /// <summary>Lets time pass until <paramref name="localUntil"/> (Amsterdam), the scheduler ticking every <see cref="Tick"/>; returns what the bot sent meanwhile.</summary>
    public async Task<List<SentMessage>> WaitUntilAsync(DateTime localUntil)
    {
        var until = new DateTimeOffset(localUntil, Amsterdam.GetUtcOffset(localUntil));
        var before = SentCount();
        var runner = Get<DueWorkRunner>();
        while (Time.GetUtcNow() < until)
        {
            var step = Tick - TimeSpan.FromTicks(Time.GetUtcNow().UtcTicks % Tick.Ticks);
            Time.Advance(Time.GetUtcNow() + step > until ? until - Time.GetUtcNow() : step);
            await runner.TickAsync();
        }

        lock (Channel.Sent)
        {
            return Channel.Sent.Skip(before).ToList();
        }
    }

    /// <summary>Every row of the embedded store as it lies in the file.</summary>
    public IReadOnlyList<RawRows.Row> Rows() => RawRows.Read(DatabasePath);

    /// <summary>Rows that name <paramref name="group"/>'s conversation anywhere: in a key or in a stored property.</summary>
    public IReadOnlyList<RawRows.Row> RowsOf(BotClient group) => Rows().Where(r => r.Mentions(group.Address.ConversationId)).ToList();

    /// <summary>Anna sets up "Team Noord" by typing: every 4 weeks on Tuesday 19:30, Amsterdam, 90 minutes, from 12 January 2027; returns the last answer.</summary>
    public Task<List<OutgoingMessage>> SetUpAsync(params string[] facilitator) => SetUpAsync("Team Noord", "12-1-2027", facilitator);

    /// <summary>Anna sets up "Team Noord" as <see cref="SetUpAsync(string[])"/> does, with its first meeting on <paramref name="first"/>.</summary>
    public Task<List<OutgoingMessage>> SetUpStartingAsync(string first) => SetUpAsync("Team Noord", first, []);

    /// <summary>Anna sets the group up as <see cref="SetUpAsync(string[])"/> does, named <paramref name="name"/>.</summary>
    public Task<List<OutgoingMessage>> SetUpNamedAsync(string name) => SetUpAsync(name, "12-1-2027", []);

    /// <summary>The member prepares a case question by question in their personal chat; every answer holds <paramref name="secret"/>.</summary>
    public async Task PrepareCaseAsync(string who, string secret)
    {
        foreach (var answer in new[]
                 {
                     "casus", "vragen", $"{secret}: onderbroken", $"{secret}: dinsdag onderbrak Joris mij drie keer.",
                     $"Mijn vraag is: hoe kan ik rustig mijn grens aangeven bij Joris? ({secret})", $"{secret}: met mijn teamleider gepraat.",
                     $"{secret}: het moment dat Joris zei: laat mij maar.", "geen", "ja", "ja", "ja", "1",
                 })
        {
            await Privately(who, answer);
        }
    }

    /// <summary>
    /// Sets the group up as "{secret} Noord", adds an agreement, lets Anna prepare a case, and runs the incident method
    /// from start to record with <see cref="NamesA"/>: a meeting whose every text holds the secret word.
    /// </summary>
    public async Task RunConfidentialMeetingAsync(string secret)
    {
        await SetUpNamedAsync($"{secret} Noord");
        await Say("Anna", $"afspraak toevoegen {secret}: wat hier gezegd wordt, blijft hier");
        await PrepareCaseAsync("Anna", secret);
        await RunSessionAsync(Incident, NamesA, secret);
    }

    /// <summary>
    /// Runs <paramref name="method"/> from start to record: Anna brings the case, Bram facilitates, everyone else takes
    /// part; every text a member writes contains <paramref name="secret"/>.
    /// </summary>
    public async Task RunSessionAsync(MethodDefinition method, string[] names, string secret)
    {
        await StartSessionAsync(method);
        for (var index = 0; index < method.Steps.Count; index++)
        {
            await TakePartAsync(method.Steps[index], names, secret);
            await Say("Bram", "volgende");
        }

        // The close asks only what the method's own steps did not (the insight and the action).
        var frame = SessionFrame.Of(method);
        if (frame.InsightStep is null)
        {
            await Say("Anna", $"{secret}: Anna's inzicht");
        }

        if (frame.ActionStep is null)
        {
            await Say("Anna", $"{secret}: Anna's actie");
        }

        await Say("Cees", "8");
        await Say("Bram", "volgende");
    }

    /// <summary>Starts the method named <paramref name="method"/>: Anna brings the case, Bram facilitates, everyone is there.</summary>
    public async Task StartAsync(string method)
    {
        await Say("Anna", "start " + method);
        if (MethodLibrary.BuiltIn.Find(method) is { RequiresHighSafety: true })
        {
            // The group confirms it feels safe enough for the method.
            await Say("Anna", "ja");
        }

        await Say("Anna", "Anna");
        await Say("Anna", "Bram");
        // A set-up group on a day without a planned meeting is asked which meeting this is: the nearest planned one.
        if ((await Say("Anna", "iedereen")).Any(m => m.Text.StartsWith("Hoort deze sessie", StringComparison.Ordinal)))
        {
            await Say("Anna", "ja");
        }
    }

    /// <summary>Starts <paramref name="method"/> and walks on to its first collect step, where some have contributed.</summary>
    public async Task StartUntilCollectingAsync(MethodDefinition method, string[] names, string secret)
    {
        await StartSessionAsync(method);
        foreach (var step in method.Steps.TakeWhile(s => s.Interaction != StepInteraction.Collect))
        {
            await TakePartAsync(step, names, secret);
            await Say("Bram", "volgende");
        }

        await Privately(names[2], $"{secret}: {names[2]} vraagt iets");
    }

    /// <summary>The session of a meeting was held and recorded, as the session's close does.</summary>
    public Task HoldAsync(string meeting, string caseOwner, string facilitator, params string[] attendees) =>
        Get<GroupStore>().UpdateAsync(Address, group =>
        {
            group.RecordOutcome(new MeetingOutcome(Meeting.ParseKey(meeting), Time.GetUtcNow(), "u-" + caseOwner.ToLowerInvariant(), "u-" + facilitator.ToLowerInvariant(), [.. attendees.Select(a => "u-" + a.ToLowerInvariant())]));
            return (true, 0);
        });

    /// <summary>Everything a reader sees of a message: title, text, card texts and facts, choices, button titles.</summary>
    public static string Text(OutgoingMessage message) => string.Join("\n", new[] { message.Card?.Title ?? "", message.Text }
        .Concat(message.Card?.Body.SelectMany(e => e switch
        {
            CardText t => [t.Text],
            CardFacts f => f.Facts.Select(x => x.Title + ": " + x.Value),
            CardChoiceInput c => c.Choices.Select(x => x.Title),
            _ => Array.Empty<string>(),
        }) ?? [])
        .Concat(message.Card?.Buttons.Select(b => "[" + b.Title + "]") ?? []));

    public static string Text(IEnumerable<OutgoingMessage> messages) => string.Join("\n", messages.Select(Text));

    /// <summary>The button with this title, or else the one whose title contains it.</summary>
    public static CardButton Button(OutgoingMessage message, string title) => Button([message], title);

    public static CardButton Button(IEnumerable<OutgoingMessage> messages, string title)
    {
        var buttons = messages.Where(m => m.Card is not null).SelectMany(m => m.Card!.Buttons).ToList();
        return buttons.SingleOrDefault(b => b.Title == title) ?? buttons.Single(b => b.Title.Contains(title, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (_owner)
        {
            _shared.Dispose();
        }
    }

    private static Dictionary<string, string> Filled(CardButton button, IReadOnlyDictionary<string, string>? inputs)
    {
        var values = new Dictionary<string, string>(button.Data);
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return values;
    }

    private async Task<List<OutgoingMessage>> SetUpAsync(string name, string first, string[] facilitator)
    {
        List<OutgoingMessage> said = [];
        foreach (var answer in new[] { "instellen", name, "nederlands", "om de 4 weken", "dinsdag", "19:30", "standaard", "90", first, "iedereen", "nee" }
                     .Concat(facilitator.Length == 0 ? ["wisselt"] : facilitator).Append("ja"))
        {
            said = await Say("Anna", answer);
        }

        return said;
    }

    private Task StartSessionAsync(MethodDefinition method) => StartAsync(method.Aliases[0]);

    private async Task TakePartAsync(MethodStep step, string[] names, string secret)
    {
        switch (step.Interaction)
        {
            case StepInteraction.Collect:
                foreach (var name in names.Skip(1))
                {
                    for (var i = 0; i < step.Collect!.PerParticipant; i++)
                    {
                        await Privately(name, $"{secret}: {name} vraagt {i + 1}");
                    }
                }

                break;
            case StepInteraction.Rank:
                await Say("Anna", "1 helpend");
                break;
            case StepInteraction.Round:
                var speakers = step.Actor switch
                {
                    StepActor.CaseOwner => ["Anna"],
                    StepActor.Facilitator => ["Bram"],
                    StepActor.Everyone => names,
                    _ => names.Skip(1).ToArray(),
                };
                foreach (var name in speakers)
                {
                    await Say(name, "klaar");
                }

                break;
            case StepInteraction.Choose:
                await Say("Anna", $"{secret}: de gekozen vraag");
                break;
            case StepInteraction.Reflect:
                await Say("Dewi", $"{secret}: wat Dewi meeneemt");
                if (step.Actor is StepActor.CaseOwner or StepActor.Everyone)
                {
                    await Say("Anna", step.AsksAction ? $"{secret}: Anna's actie" : $"{secret}: Anna's inzicht");
                }

                break;
            default:
                break;
        }
    }

    private int SentCount()
    {
        lock (Channel.Sent)
        {
            return Channel.Sent.Count;
        }
    }

    private async Task<List<OutgoingMessage>> RunAsync(IncomingTurn turn)
    {
        var before = SentCount();
        await Router.OnTurnAsync(new TurnContext(turn, Channel));
        lock (Channel.Sent)
        {
            return Channel.Sent.Skip(before).Select(s => s.Message).ToList();
        }
    }

    /// <summary>Case preparation as the reminders see it: which case owner submitted a case for which meeting.</summary>
    public sealed class SubmittedCases : ICaseSubmissions
    {
        private readonly HashSet<(string Member, DateOnly Meeting)> _cases = [];

        public void Submit(string name, string meeting) => _cases.Add(("u-" + name.ToLowerInvariant(), Meeting.ParseKey(meeting)));

        public Task<bool> HasCaseAsync(ConversationAddress group, string memberId, DateOnly meeting, CancellationToken cancellationToken) =>
            Task.FromResult(_cases.Contains((memberId, meeting)));
    }

    /// <summary>What every view (<see cref="Chat"/>) of one client shares: the bot, its store, clock and channel.</summary>
    private sealed class Shared : IDisposable
    {
        private readonly TempDirectory? _ownFolder;
        private readonly SqliteTableServiceClient? _sqlite;

        public Shared(BotClientOptions options)
        {
            Time = options.Time ?? new FakeTimeProvider(options.Start);
            Channel = new RecordingMessenger(Time);
            Channel.Members.AddRange(options.Members.Select(Member));
            if (options.Folder is null)
            {
                _ownFolder = new TempDirectory();
            }

            Folder = options.Folder ?? _ownFolder!;
            var tables = options.Tables;
            if (tables is null)
            {
                _sqlite = new SqliteTableServiceClient(Folder.File("bot.db"), "", Time);
                tables = _sqlite;
            }

            var channel = Channel;
            Bot = new TestBot(
                Time,
                services =>
                {
                    if (options.Scheduler)
                    {
                        // As the host runs it: due work (reminders, timers, a confirmed "forget") goes out through the channel.
                        services.AddDueWork().AddSingleton<IChannelMessenger>(channel);
                    }

                    options.Configure?.Invoke(services);
                },
                tables,
                options.Protector);
        }

        public FakeTimeProvider Time { get; }

        public RecordingMessenger Channel { get; }

        public TempDirectory Folder { get; }

        public TestBot Bot { get; }

        public SubmittedCases? Cases { get; set; }

        public void Dispose()
        {
            Bot.Dispose();
            _sqlite?.Dispose();
            _ownFolder?.Dispose();
        }
    }
}

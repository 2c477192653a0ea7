using System.Globalization;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Reminders;
using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Conversations.Tests.Reminders;

/// <summary>
/// A group chat with the bot as the host composes it, with the scheduler: members type and press buttons in the group
/// and in their private chats, and time passes with the scheduler ticking every <see cref="Tick"/>, as the hosted
/// scheduler does. Everything the bot sends is kept with the local time (Amsterdam) it was sent at.
/// </summary>
public sealed class ReminderGroup : IDisposable
{
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(30);
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly Participant Bot = new("bot", "IntervisieBot");
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private readonly TestBot _bot;

    public ReminderGroup(DateTimeOffset start, params string[] names)
    {
        Time = new FakeTimeProvider(start);
        Channel = new TimedChannel(Time);
        Channel.Members.AddRange(names.Select(Member));
        _bot = new TestBot(Time, services => services.AddDueWork().AddSingleton<IChannelMessenger>(Channel).AddSingleton<ICaseSubmissions>(Cases));
    }

    public FakeTimeProvider Time { get; }

    public TimedChannel Channel { get; }

    public SubmittedCases Cases { get; } = new();

    public ConversationAddress Address { get; } = new("test", "test", "group-1", ConversationScope.GroupChat, "tenant");

    public T Get<T>()
        where T : notnull => _bot.Get<T>();

    public static Participant Member(string name) => new("u-" + name.ToLowerInvariant(), name);

    public ConversationAddress PersonalChat(string name) => new(Address.Adapter, Address.ChannelId, "personal-" + name.ToLowerInvariant(), ConversationScope.Personal, Address.TenantId);

    public Task<Group?> GroupAsync() => Get<GroupStore>().GetAsync(Address);

    /// <summary>Anna sets the group up by typing: every 4 weeks on Tuesday at 19:30 in Amsterdam, 90 minutes, from <paramref name="first"/>.</summary>
    public async Task SetUpAsync(string first)
    {
        foreach (var answer in new[] { "instellen", "Team Noord", "nederlands", "om de 4 weken", "dinsdag", "19:30", "standaard", "90", first, "iedereen", "wisselt", "ja" })
        {
            await SayAsync("Anna", answer);
        }
    }

    public Task<List<Sent>> SayAsync(string who, string text) =>
        RunAsync(new IncomingTurn { Kind = TurnKind.Message, Conversation = Address, From = Member(who), Bot = Bot, Text = text, Locale = "nl-NL" });

    /// <summary>A member presses a button of a card the bot sent them (in the group, or privately), with the card's inputs.</summary>
    public Task<List<Sent>> PressAsync(string who, Sent card, string title, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var button = card.Message.Card!.Buttons.Single(b => b.Title == title);
        var values = new Dictionary<string, string>(button.Data);
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return RunAsync(new IncomingTurn
        {
            Kind = TurnKind.CardAction,
            Conversation = card.To is null ? Address : PersonalChat(who),
            From = Member(who),
            Bot = Bot,
            Values = values,
            ReplyToId = card.MessageId ?? "private-card",
            Locale = "nl-NL",
        });
    }

    /// <summary>Lets time pass until <paramref name="localUntil"/> (Amsterdam), the scheduler ticking; returns what the bot sent meanwhile.</summary>
    public async Task<List<Sent>> WaitUntilAsync(DateTime localUntil)
    {
        var until = new DateTimeOffset(localUntil, Amsterdam.GetUtcOffset(localUntil));
        var before = Channel.Log.Count;
        var runner = Get<DueWorkRunner>();
        while (Time.GetUtcNow() < until)
        {
            var step = Tick - TimeSpan.FromTicks(Time.GetUtcNow().UtcTicks % Tick.Ticks);
            Time.Advance(Time.GetUtcNow() + step > until ? until - Time.GetUtcNow() : step);
            await runner.TickAsync();
        }

        return Channel.Log.Skip(before).ToList();
    }

    /// <summary>The session of a meeting was held and recorded, as the session's close does.</summary>
    public Task HoldAsync(string meeting, string caseOwner, string facilitator, params string[] attendees) =>
        Get<GroupStore>().UpdateAsync(Address, group =>
        {
            group.RecordOutcome(new MeetingOutcome(Meeting.ParseKey(meeting), Time.GetUtcNow(), "u-" + caseOwner.ToLowerInvariant(), "u-" + facilitator.ToLowerInvariant(), [.. attendees.Select(a => "u-" + a.ToLowerInvariant())]));
            return (true, 0);
        });

    public void Dispose() => _bot.Dispose();

    private async Task<List<Sent>> RunAsync(IncomingTurn turn)
    {
        var before = Channel.Log.Count;
        await _bot.Router.OnTurnAsync(new TurnContext(turn, Channel));
        return Channel.Log.Skip(before).ToList();
    }

    /// <summary>What the bot sent: when (local), where (the group, or a member privately), the message, and its id.</summary>
    public sealed record Sent(DateTimeOffset At, string Kind, Participant? To, OutgoingMessage Message, string? MessageId)
    {
        /// <summary>"di 20-10 19:30 · groep · Volgende week intervisie": what a member notices, and when.</summary>
        public override string ToString()
        {
            var local = TimeZoneInfo.ConvertTime(At, Amsterdam);
            var where = Kind == "update" ? "update" : To?.Name ?? "groep";
            return $"{local.ToString("ddd dd-MM HH:mm", Dutch)} · {where} · {Headline(Message)}";
        }

        public string Text => string.Join("\n", new[] { Message.Card?.Title ?? "", Message.Text }
            .Concat(Message.Card?.Body.SelectMany(e => e switch
            {
                CardText t => [t.Text],
                CardFacts f => f.Facts.Select(x => x.Title + ": " + x.Value),
                _ => Array.Empty<string>(),
            }) ?? [])
            .Concat(Message.Card?.Buttons.Select(b => "[" + b.Title + "]") ?? []));

        private static string Headline(OutgoingMessage message)
        {
            var text = message.Card?.Title is { Length: > 0 } title ? title : message.Card?.Body.OfType<CardText>().FirstOrDefault()?.Text ?? message.Text;
            return text.Length > 60 ? text[..60] : text;
        }
    }

    /// <summary>A channel that keeps what the bot sends with the time it was sent.</summary>
    public sealed class TimedChannel(TimeProvider time) : IChannelMessenger
    {
        private int _next;

        public List<Sent> Log { get; } = [];

        public List<Participant> Members { get; } = [];

        public bool Handles(ConversationAddress conversation) => true;

        public Task<string?> SendAsync(ConversationAddress conversation, OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            var id = "m" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
            Add(new Sent(time.GetUtcNow(), "send", null, message, id));
            return Task.FromResult<string?>(id);
        }

        public Task UpdateAsync(ConversationAddress conversation, string messageId, OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            Add(new Sent(time.GetUtcNow(), "update", null, message, messageId));
            return Task.CompletedTask;
        }

        public Task SendPrivateAsync(ConversationAddress conversation, Participant member, OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            Add(new Sent(time.GetUtcNow(), "private", member, message, null));
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<Participant>> GetMembersAsync(ConversationAddress conversation, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Participant>>(Members);

        private void Add(Sent sent)
        {
            lock (Log)
            {
                Log.Add(sent);
            }
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
}

using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Testing;

namespace IntervisieBot.Conversations.Tests.Groups;

/// <summary>
/// A group chat with the bot as the host composes it: members write (<see cref="Send"/>) and press buttons
/// (<see cref="Press"/>); each returns what the bot said or updated in answer.
/// </summary>
public sealed class GroupChat : IDisposable
{
    /// <summary>Monday 4 January 2027, 10:00 in Amsterdam.</summary>
    public static readonly DateTimeOffset Monday = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    private static readonly Participant Bot = new("bot", "IntervisieBot");

    public GroupChat(params string[] names)
    {
        Time = new FakeTimeProvider(Monday);
        BotHost = new TestBot(Time);
        Channel.Members.AddRange(names.Select(Member));
    }

    public FakeTimeProvider Time { get; }

    public TestBot BotHost { get; }

    public RecordingMessenger Channel { get; } = new();

    public ConversationAddress Address { get; } = new("test", "test", "group-1", ConversationScope.GroupChat, "tenant");

    public string Locale { get; set; } = "nl-NL";

    public static Participant Member(string name) => new("u-" + name.ToLowerInvariant(), name);

    public Task<Group?> GroupAsync() => BotHost.Get<GroupStore>().GetAsync(Address);

    public Task<List<OutgoingMessage>> Send(string who, string text) =>
        RunAsync(new IncomingTurn { Kind = TurnKind.Message, Conversation = Address, From = Member(who), Bot = Bot, Text = text, Locale = Locale });

    /// <summary>Presses a button of a card the bot sent, with the card's inputs filled in as given.</summary>
    public Task<List<OutgoingMessage>> Press(string who, CardButton button, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var values = new Dictionary<string, string>(button.Data);
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return RunAsync(new IncomingTurn { Kind = TurnKind.CardAction, Conversation = Address, From = Member(who), Bot = Bot, Values = values, Locale = Locale, ReplyToId = "m-card" });
    }

    /// <summary>A member's personal chat with the bot, in the group's channel and tenant.</summary>
    public ConversationAddress PersonalChat(string who) => new(Address.Adapter, Address.ChannelId, "personal-" + who.ToLowerInvariant(), ConversationScope.Personal, Address.TenantId);

    /// <summary>A member writes to the bot in their personal chat.</summary>
    public Task<List<OutgoingMessage>> SendPrivately(string who, string text) =>
        RunAsync(new IncomingTurn { Kind = TurnKind.Message, Conversation = PersonalChat(who), From = Member(who), Bot = Bot, Text = text, Locale = Locale });

    /// <summary>A member presses a button of a card in their personal chat, with the card's inputs filled in as given.</summary>
    public Task<List<OutgoingMessage>> PressPrivately(string who, CardButton button, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var values = new Dictionary<string, string>(button.Data);
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return RunAsync(new IncomingTurn { Kind = TurnKind.CardAction, Conversation = PersonalChat(who), From = Member(who), Bot = Bot, Values = values, Locale = Locale, ReplyToId = "m-card" });
    }

    /// <summary>Everything the bot sent to the group conversation itself so far.</summary>
    public List<OutgoingMessage> InGroup()
    {
        lock (Channel.Sent)
        {
            return [.. Channel.Sent.Where(s => s.Kind == "send" && s.Conversation == Address).Select(s => s.Message)];
        }
    }

    /// <summary>The conversation's membership changes, as the channel reports it.</summary>
    public Task<List<OutgoingMessage>> Membership(TurnKind kind, params string[] names) =>
        RunAsync(new IncomingTurn { Kind = kind, Conversation = Address, From = Member(names[0]), Bot = Bot, Members = [.. names.Select(Member)], Locale = Locale });

    public Task<List<OutgoingMessage>> BotAdded() =>
        RunAsync(new IncomingTurn { Kind = TurnKind.BotAdded, Conversation = Address, From = Member("Anna"), Bot = Bot, Locale = Locale });

    /// <summary>Everything a reader sees of a message: title, text, card texts and facts, button titles.</summary>
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

    /// <summary>Anna sets up "Team Noord" by typing: every 4 weeks on Tuesday 19:30, Amsterdam, 90 minutes, from 12 January 2027.</summary>
    public async Task<List<OutgoingMessage>> SetUpAsync(params string[] facilitator)
    {
        List<OutgoingMessage> said = [];
        foreach (var answer in new[] { "instellen", "Team Noord", "nederlands", "om de 4 weken", "dinsdag", "19:30", "standaard", "90", "12-1-2027", "iedereen" }
                     .Concat(facilitator.Length == 0 ? ["wisselt"] : facilitator).Append("ja"))
        {
            said = await Send("Anna", answer);
        }

        return said;
    }

    public void Dispose() => BotHost.Dispose();

    private async Task<List<OutgoingMessage>> RunAsync(IncomingTurn turn)
    {
        var before = Channel.Sent.Count;
        await BotHost.Router.OnTurnAsync(new TurnContext(turn, Channel));
        lock (Channel.Sent)
        {
            return Channel.Sent.Skip(before).Select(s => s.Message).ToList();
        }
    }
}

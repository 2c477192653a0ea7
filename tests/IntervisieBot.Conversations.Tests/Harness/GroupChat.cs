using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Conversations.Tests.Harness;

/// <summary>
/// One group conversation driven through the bot's router (as the host composes it), and the members' personal chats:
/// <c>await Say("Anna", "start")</c>, <c>await Press("Cees", button.Data)</c>. Returns what the bot did in answer.
/// </summary>
public sealed class GroupChat(IBot router, RecordingMessenger channel, ConversationAddress address)
{
    private static readonly Participant Bot = new("bot", "IntervisieBot");

    public ConversationAddress Address { get; } = address;

    public static Participant Member(string name) => new("u-" + name.ToLowerInvariant(), name);

    public Task<List<OutgoingMessage>> Say(string who, string text) =>
        SentAsync(new IncomingTurn { Kind = TurnKind.Message, Conversation = Address, From = Member(who), Bot = Bot, Text = text, Locale = "nl-NL" });

    /// <summary>A member presses a button of the card in message <paramref name="cardMessage"/>; returns what was sent and updated.</summary>
    public Task<List<OutgoingMessage>> Press(string who, IReadOnlyDictionary<string, string> values, string? cardMessage = null) =>
        SentAsync(new IncomingTurn
        {
            Kind = TurnKind.CardAction, Conversation = Address, From = Member(who), Bot = Bot, Values = values, ReplyToId = cardMessage, Locale = "nl-NL",
        });

    /// <summary>A member writes to the bot in their personal chat (in this group's channel and tenant).</summary>
    public Task<List<OutgoingMessage>> Privately(string who, string text) =>
        SentAsync(new IncomingTurn
        {
            Kind = TurnKind.Message,
            Conversation = new ConversationAddress(Address.Adapter, Address.ChannelId, "personal-" + who.ToLowerInvariant(), ConversationScope.Personal, Address.TenantId),
            From = Member(who), Bot = Bot, Text = text, Locale = "nl-NL",
        });

    /// <summary>The id the channel gave the last message the bot sent here (to press its buttons as the card's message).</summary>
    public string LastMessageId()
    {
        lock (channel.Sent)
        {
            return channel.Sent.Last(s => s.Kind == "send" && s.Conversation == Address).MessageId!;
        }
    }

    /// <summary>
    /// Runs <paramref name="method"/> from start to record: Anna brings the case, Bram facilitates, everyone else takes
    /// part; every text a member writes contains <paramref name="secret"/>.
    /// </summary>
    public async Task RunSessionAsync(MethodDefinition method, string[] names, string secret)
    {
        await StartAsync(method);
        for (var index = 0; index < method.Steps.Count; index++)
        {
            await TakePartAsync(method.Steps[index], names, secret);
            await Say("Bram", "volgende");
        }

        await Say("Anna", $"{secret}: Anna's inzicht");
        await Say("Anna", $"{secret}: Anna's actie");
        await Say("Cees", "8");
        await Say("Bram", "volgende");
    }

    /// <summary>Starts <paramref name="method"/> and walks on to its first collect step, where some have contributed.</summary>
    public async Task StartUntilCollectingAsync(MethodDefinition method, string[] names, string secret)
    {
        await StartAsync(method);
        foreach (var step in method.Steps.TakeWhile(s => s.Interaction != StepInteraction.Collect))
        {
            await TakePartAsync(step, names, secret);
            await Say("Bram", "volgende");
        }

        await Privately(names[2], $"{secret}: {names[2]} vraagt iets");
    }

    private async Task StartAsync(MethodDefinition method)
    {
        await Say("Anna", "start " + method.Aliases[0]);
        await Say("Anna", "Anna");
        await Say("Anna", "Bram");
        await Say("Anna", "iedereen");
    }

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
                break;
            default:
                break;
        }
    }

    private async Task<List<OutgoingMessage>> SentAsync(IncomingTurn turn)
    {
        int before;
        lock (channel.Sent)
        {
            before = channel.Sent.Count;
        }

        await router.OnTurnAsync(new TurnContext(turn, channel));
        lock (channel.Sent)
        {
            return channel.Sent.Skip(before).Select(s => s.Message).ToList();
        }
    }
}

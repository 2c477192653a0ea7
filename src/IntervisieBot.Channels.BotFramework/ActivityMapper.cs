using System.Text.Json;
using System.Text.RegularExpressions;
using IntervisieBot.Channels.BotFramework.AdaptiveCards;
using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Channels.BotFramework;

/// <summary>Translates between Bot Framework activities and the bot's channel-neutral turns and messages.</summary>
public static partial class ActivityMapper
{
    public const string AdaptiveCardAction = "adaptiveCard/action";

    /// <summary>
    /// The turn an activity means, heard by <paramref name="adapter"/>, or null for activities the bot does not act on.
    /// An activity without a recipient (some Direct Line clients) is addressed to <paramref name="bot"/>, the bot's
    /// configured identity.
    /// </summary>
    public static IncomingTurn? ToTurn(Activity activity, DateTimeOffset receivedAt, string adapter, Participant bot)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        if (!string.IsNullOrWhiteSpace(activity.Recipient?.Id))
        {
            bot = Account(activity.Recipient);
        }

        var kind = KindOf(activity, bot.Id);
        if (kind is null)
        {
            return null;
        }

        var turn = new IncomingTurn
        {
            Kind = kind.Value,
            Conversation = AddressOf(activity, adapter),
            From = Account(activity.From),
            Bot = bot,
            Locale = activity.Locale,
            Timestamp = activity.Timestamp ?? receivedAt,
            ReplyToId = activity.ReplyToId,
        };
        return kind switch
        {
            TurnKind.Message => turn with
            {
                Text = StripBotMention(activity, bot.Id),
                MentionsBot = turn.Conversation.IsPersonal || MentionsBot(activity, bot.Id),
            },
            TurnKind.CardAction => turn with { Values = CardValues(activity) },
            TurnKind.MembersAdded => turn with { Members = Others(activity.MembersAdded, bot.Id) },
            TurnKind.MembersRemoved => turn with { Members = Others(activity.MembersRemoved, bot.Id) },
            _ => turn,
        };
    }

    /// <summary>Where the activity happened; a conversation that says neither its type nor whether it is a group is a personal chat.</summary>
    public static ConversationAddress AddressOf(Activity activity, string adapter)
    {
        var conversation = activity.Conversation!;
        var scope = conversation.ConversationType switch
        {
            "personal" => ConversationScope.Personal,
            "groupChat" => ConversationScope.GroupChat,
            "channel" => ConversationScope.Channel,
            _ => conversation.IsGroup == true ? ConversationScope.GroupChat : ConversationScope.Personal,
        };
        return new ConversationAddress(adapter, activity.ChannelId!, conversation.Id!, scope, conversation.TenantId ?? TenantFromChannelData(activity));
    }

    /// <summary>The activity that posts <paramref name="message"/>, from the bot, in <paramref name="conversation"/>.</summary>
    public static Activity ToActivity(OutgoingMessage message, ConversationAddress conversation, Participant bot)
    {
        var (text, entities) = RenderMentions(message);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount(bot.Id, bot.Name),
            Conversation = new ConversationAccount { Id = conversation.ConversationId },
            Entities = entities.Count > 0 ? entities : null,
        };
        if (message.Card is { } card)
        {
            // Teams splits a message with text and a card in two; the card carries the text as its fallback.
            activity.Attachments = [new Attachment { ContentType = AdaptiveCardRenderer.ContentType, Content = AdaptiveCardRenderer.Render(card, text) }];
            activity.Text = entities.Count > 0 ? text : null;
        }
        else
        {
            activity.Text = text;
            activity.TextFormat = "markdown";
        }

        return activity;
    }

    private static TurnKind? KindOf(Activity activity, string botId)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                return activity.Value is { ValueKind: JsonValueKind.Object } && string.IsNullOrWhiteSpace(activity.Text) ? TurnKind.CardAction : TurnKind.Message;
            case ActivityTypes.Invoke when activity.Name == AdaptiveCardAction:
                return TurnKind.CardAction;
            case ActivityTypes.InstallationUpdate:
                return activity.Action switch
                {
                    "add" => TurnKind.BotAdded,
                    "remove" => TurnKind.BotRemoved,
                    _ => null,
                };
            case ActivityTypes.ConversationUpdate:
                if (activity.MembersAdded?.Any(m => m?.Id == botId) == true)
                {
                    return TurnKind.BotAdded;
                }

                if (activity.MembersRemoved?.Any(m => m?.Id == botId) == true)
                {
                    return TurnKind.BotRemoved;
                }

                if (activity.MembersAdded is { Count: > 0 })
                {
                    return TurnKind.MembersAdded;
                }

                return activity.MembersRemoved is { Count: > 0 } ? TurnKind.MembersRemoved : null;
            default:
                return null;
        }
    }

    private static Participant Account(ChannelAccount? account) =>
        new(account?.Id ?? "", string.IsNullOrWhiteSpace(account?.Name) ? account?.Id ?? "" : account.Name) { AadObjectId = account?.AadObjectId };

    private static List<Participant> Others(List<ChannelAccount>? members, string botId) =>
        members?.Where(m => !string.IsNullOrEmpty(m?.Id) && m.Id != botId).Select(Account).ToList() ?? [];

    private static string? TenantFromChannelData(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    /// <summary>Whether the activity carries a mention of the bot (Teams sends group messages to a bot only then, unless it may read all).</summary>
    private static bool MentionsBot(Activity activity, string botId) =>
        (activity.Entities ?? []).Any(entity => entity?.Type == "mention" && entity.Mentioned?.Id == botId);

    /// <summary>Removes every mention of the bot (Teams puts <c>&lt;at&gt;Bot&lt;/at&gt;</c> in the text) and trims.</summary>
    private static string StripBotMention(Activity activity, string botId)
    {
        var text = activity.Text ?? "";
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity?.Type == "mention" && entity.Mentioned?.Id == botId && !string.IsNullOrEmpty(entity.Text))
            {
                text = text.Replace(entity.Text, "", StringComparison.Ordinal);
            }
        }

        return WhiteSpace().Replace(text, " ").Trim();
    }

    /// <summary>Action.Submit puts data and inputs in <c>value</c>; Action.Execute in <c>value.action.data</c>.</summary>
    private static Dictionary<string, string> CardValues(Activity activity)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return values;
        }

        var data = value;
        if (activity.Type == ActivityTypes.Invoke)
        {
            if (!value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
                || !action.TryGetProperty("data", out data) || data.ValueKind != JsonValueKind.Object)
            {
                return values;
            }
        }

        foreach (var property in data.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => null,
            };
            if (text is not null)
            {
                values[property.Name] = text;
            }
        }

        return values;
    }

    private static (string Text, List<Entity> Entities) RenderMentions(OutgoingMessage message)
    {
        var text = message.Text;
        var entities = new List<Entity>();
        foreach (var person in message.Mentions)
        {
            var token = OutgoingMessage.Mention(person);
            if (!text.Contains(token, StringComparison.Ordinal))
            {
                continue;
            }

            var at = $"<at>{person.Name.Replace("<", "", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal)}</at>";
            text = text.Replace(token, at, StringComparison.Ordinal);
            entities.Add(new Entity { Type = "mention", Text = at, Mentioned = new ChannelAccount(person.Id, person.Name) });
        }

        return (text, entities);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

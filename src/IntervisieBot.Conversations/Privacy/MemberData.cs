using System.Text.Json;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Cases;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.Options;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>
/// A member's own data, which only that member gets ("export" in their personal chat, or the button on their case):
/// their prepared cases, decrypted, in each group of the channel and tenant they take part in. Never in a group's export.
/// </summary>
public sealed class MemberData(MemberGroupIndex index, CaseStore cases, ExportLinkStore links, IOptions<ExportOptions> options, TimeProvider time)
{
    public const string Format = "intervisiebot-member-export/1";

    /// <summary>
    /// For a turn in the member's personal chat: a card with a link, bound to the member, that opens their own data
    /// once; or, when the bot keeps nothing of theirs, a sentence that says so.
    /// </summary>
    public async Task<OutgoingMessage> LinkAsync(IncomingTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var texts = PrivacyTexts.For(Language.FromLocale(turn.Locale));
        var conversation = turn.Conversation;
        var found = await CasesAsync(conversation, turn.From.Id, cancellationToken);
        if (!conversation.IsPersonal || found.Count == 0)
        {
            return new OutgoingMessage(texts.MemberExportNothing);
        }

        var settings = options.Value;
        var (token, _) = await links.CreateForMemberAsync(conversation, turn.From.Id, settings.ExportLinkLifetime, cancellationToken);
        var link = settings.ExportBaseUrl.TrimEnd('/') + "/api/export/" + token;
        return OutgoingMessage.FromCard(new Card
        {
            Title = texts.MemberExportTitle,
            Body =
            [
                new CardText(string.Format(
                    System.Globalization.CultureInfo.InvariantCulture,
                    texts.MemberExportReady,
                    link,
                    (int)settings.ExportLinkLifetime.TotalMinutes,
                    string.Join(", ", found.Select(f => f.Group.Name + ": " + f.Case.Title)))),
            ],
        });
    }

    /// <summary>The member's prepared cases, one per group that holds one.</summary>
    public async Task<IReadOnlyList<(MemberGroup Group, Domain.Cases.PreparedCase Case)>> CasesAsync(ConversationAddress personalChat, string memberId, CancellationToken cancellationToken = default)
    {
        var found = new List<(MemberGroup, Domain.Cases.PreparedCase)>();
        foreach (var group in await index.GroupsOfAsync(personalChat, memberId, cancellationToken))
        {
            if (await cases.GetAsync(group.Group, memberId, cancellationToken) is { } value)
            {
                found.Add((group, value));
            }
        }

        return found;
    }

    /// <summary>The member's own data as one JSON document.</summary>
    public async Task<JsonObject> ExportAsync(ConversationAddress personalChat, string memberId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(personalChat);
        var found = await CasesAsync(personalChat, memberId, cancellationToken);
        return new JsonObject
        {
            ["format"] = Format,
            ["exportedAt"] = time.GetUtcNow(),
            ["member"] = new JsonObject { ["channelId"] = personalChat.ChannelId, ["tenantId"] = personalChat.TenantId, ["memberId"] = memberId },
            ["cases"] = new JsonArray([.. found.Select(f => (JsonNode)new JsonObject
            {
                ["group"] = f.Group.Name,
                ["conversationId"] = f.Group.Group.ConversationId,
                ["case"] = JsonSerializer.SerializeToNode(f.Case, ConversationState.Json),
            })]),
        };
    }
}

using System.Text.Json;
using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Conversations;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Channels.BotFramework.Connector;

/// <summary>
/// What the channel adapter calls to write to and read from a conversation: each call checks the service URL, then
/// goes through the <see cref="OutboundSender"/> (order, rate limits, retries). The conversation id in the URL is
/// <see cref="ConversationAddress.ConversationId"/>. Throws <see cref="ServiceUrlNotAllowedException"/> (nothing
/// sent), <see cref="ConversationUnreachableException"/>, <see cref="MessageTooLargeException"/> or
/// <see cref="ConnectorException"/>. A conversation of a <see cref="LocalActivityChannel"/> gets that channel's secret as
/// its bearer token; every other conversation gets the bot's token.
/// </summary>
public sealed class BotConnector(
    IHttpClientFactory httpClientFactory,
    IBotTokenProvider tokens,
    ServiceUrlPolicy policy,
    OutboundSender sender,
    IEnumerable<LocalActivityChannel> localChannels)
{
    private readonly LocalActivityChannel[] _localChannels = [.. localChannels];

    public const string HttpClientName = "BotFramework.Connector";

    public async Task<ResourceResponse> ReplyAsync(
        string serviceUrl, ConversationAddress conversation, string replyToId, Activity activity, CancellationToken cancellationToken = default)
    {
        var client = Client(serviceUrl, conversation);
        return await sender.SendAsync(
            conversation, ConnectorOperation.Reply, ct => client.ReplyToActivityAsync(conversation.ConversationId, replyToId, activity, ct), cancellationToken);
    }

    public async Task<ResourceResponse> SendAsync(
        string serviceUrl, ConversationAddress conversation, Activity activity, CancellationToken cancellationToken = default)
    {
        var client = Client(serviceUrl, conversation);
        return await sender.SendAsync(
            conversation, ConnectorOperation.Send, ct => client.SendToConversationAsync(conversation.ConversationId, activity, ct), cancellationToken);
    }

    public async Task<ResourceResponse> UpdateAsync(
        string serviceUrl, ConversationAddress conversation, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        var client = Client(serviceUrl, conversation);
        return await sender.SendAsync(
            conversation, ConnectorOperation.Update, ct => client.UpdateActivityAsync(conversation.ConversationId, activityId, activity, ct), cancellationToken);
    }

    public async Task DeleteAsync(string serviceUrl, ConversationAddress conversation, string activityId, CancellationToken cancellationToken = default)
    {
        var client = Client(serviceUrl, conversation);
        await sender.SendAsync(
            conversation,
            ConnectorOperation.Delete,
            async ct =>
            {
                await client.DeleteActivityAsync(conversation.ConversationId, activityId, ct);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// Opens (or finds) the personal chat of <paramref name="member"/> with the bot, in the adapter, channel and tenant of
    /// <paramref name="group"/>; Teams answers with its id. Until then the chat has no id, so rate limits, order and a
    /// <see cref="ConversationUnreachableException"/> (the app is not installed for the member, or they blocked it) use
    /// a personal address whose conversation id is the member's id.
    /// </summary>
    public async Task<ConversationResourceResponse> CreatePersonalConversationAsync(
        string serviceUrl, ConversationAddress group, ChannelAccount bot, ChannelAccount member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentException.ThrowIfNullOrEmpty(bot.Id);
        ArgumentException.ThrowIfNullOrEmpty(member.Id);
        var tenantId = group.TenantId ?? "";
        var address = group.Sibling(member.Id, ConversationScope.Personal);
        var client = Client(serviceUrl, address);
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount(bot.Id, null),
            Members = [new ChannelAccount(member.Id, null)],
            TenantId = tenantId,
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = tenantId } }, BotFrameworkJson.Options),
        };
        return await sender.SendAsync(address, ConnectorOperation.CreateConversation, ct => client.CreateConversationAsync(parameters, ct), cancellationToken);
    }

    public async Task<IReadOnlyList<ChannelAccount>> GetMembersAsync(
        string serviceUrl, ConversationAddress conversation, CancellationToken cancellationToken = default)
    {
        var client = Client(serviceUrl, conversation);
        return await sender.SendAsync(
            conversation, ConnectorOperation.GetMembers, ct => client.GetConversationMembersAsync(conversation.ConversationId, ct), cancellationToken);
    }

    /// <summary>One page of members; pass the answer's continuation token for the next, until it is null.</summary>
    public async Task<PagedMembersResult> GetPagedMembersAsync(
        string serviceUrl, ConversationAddress conversation, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var client = Client(serviceUrl, conversation);
        return await sender.SendAsync(
            conversation,
            ConnectorOperation.GetPagedMembers,
            ct => client.GetConversationPagedMembersAsync(conversation.ConversationId, pageSize, continuationToken, ct),
            cancellationToken);
    }

    private ConnectorClient Client(string serviceUrl, ConversationAddress conversation)
    {
        var local = Array.Find(_localChannels, c => string.Equals(c.Adapter, conversation.Adapter, StringComparison.Ordinal));
        return new(httpClientFactory.CreateClient(HttpClientName), serviceUrl, local is null ? tokens : new SecretToken(local.ConnectorSecret), policy);
    }

    /// <summary>A local channel's own secret: the bot's Entra token never goes to it.</summary>
    private sealed class SecretToken(string secret) : IBotTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(secret);
    }
}

using IntervisieBot.Channels.BotFramework.Connector;
using IntervisieBot.Channels.BotFramework.References;
using IntervisieBot.Channels.BotFramework.Schema;
using IntervisieBot.Conversations;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Channels.BotFramework;

/// <summary>
/// Writes to Bot Framework conversations (Teams, Web Chat, the Emulator, the playground) through the stored
/// conversation reference and the rate-limited connector. A conversation that refused a send (403/404) is marked
/// unreachable and not written to again until the bot is added there anew. An answer to the presser alone goes to
/// their personal chat: only an invoke can answer one member in the group (<see cref="BotFrameworkAdapter"/>).
/// </summary>
public sealed class BotFrameworkMessenger(
    BotConnector connector,
    ConversationReferenceStore references,
    IEnumerable<LocalActivityChannel> localChannels,
    Microsoft.Extensions.Options.IOptions<BotFrameworkOptions> options) : IChannelMessenger
{
    private readonly string[] _adapters =
    [
        .. options.Value.Enabled ? [BotFrameworkAdapter.Name] : Array.Empty<string>(),
        .. localChannels.Select(c => c.Adapter),
    ];

    /// <summary>The conversations this channel's adapters heard: <c>/api/messages</c> (when on) and the local channels.</summary>
    public bool Handles(ConversationAddress conversation) => _adapters.Contains(conversation.Adapter, StringComparer.Ordinal);

    public async Task<string?> SendAsync(ConversationAddress conversation, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var reference = await ReachableAsync(conversation, cancellationToken);
        var activity = ActivityMapper.ToActivity(message, conversation, reference.Bot);
        var response = await GuardAsync(conversation, () => connector.SendAsync(reference.ServiceUrl, conversation, activity, cancellationToken), cancellationToken);
        return response.Id;
    }

    public async Task UpdateAsync(ConversationAddress conversation, string messageId, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var reference = await ReachableAsync(conversation, cancellationToken);
        var activity = ActivityMapper.ToActivity(message, conversation, reference.Bot);
        activity.Id = messageId;
        try
        {
            await GuardAsync(conversation, () => connector.UpdateAsync(reference.ServiceUrl, conversation, messageId, activity, cancellationToken), cancellationToken);
        }
        catch (ConnectorException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // A gone conversation is ConversationNotFound (unreachable, above); any other 404 is the message itself.
            throw new MessageGoneException(conversation, $"404 {e.ErrorCode}");
        }
    }

    public async Task SendPrivateAsync(ConversationAddress conversation, Participant member, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var group = await ReachableAsync(conversation, cancellationToken);
        var personal = await references.FindPersonalChatAsync(conversation, member.Id, cancellationToken);
        if (personal is null || await references.GetAsync(personal, cancellationToken) is null)
        {
            // Opening a 1:1 chat needs the member's id in this channel, the bot's account and the tenant.
            var created = await connector.CreatePersonalConversationAsync(
                group.ServiceUrl,
                conversation,
                new ChannelAccount(group.Bot.Id, group.Bot.Name),
                new ChannelAccount(member.Id, member.Name),
                cancellationToken);
            personal = conversation.Sibling(created.Id!, ConversationScope.Personal);
            await references.SaveAsync(new ConversationReference(personal, created.ServiceUrl ?? group.ServiceUrl, group.Bot), member.Id, cancellationToken);
            await references.SavePersonalChatAsync(member.Id, personal, cancellationToken);
        }

        await SendAsync(personal, message, cancellationToken);
    }

    public async Task<IReadOnlyList<Participant>> GetMembersAsync(ConversationAddress conversation, CancellationToken cancellationToken = default)
    {
        var reference = await ReachableAsync(conversation, cancellationToken);
        var members = new List<Participant>();
        string? token = null;
        do
        {
            var page = await GuardAsync(
                conversation, () => connector.GetPagedMembersAsync(reference.ServiceUrl, conversation, pageSize: 100, continuationToken: token, cancellationToken), cancellationToken);
            members.AddRange((page.Members ?? [])
                .Where(m => !string.IsNullOrEmpty(m.Id) && m.Id != reference.Bot.Id)
                .Select(m => new Participant(m.Id!, string.IsNullOrWhiteSpace(m.Name) ? m.Id! : m.Name) { AadObjectId = m.AadObjectId }));
            token = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
        }
        while (token is not null);

        return members;
    }

    private async Task<ConversationReference> ReachableAsync(ConversationAddress conversation, CancellationToken cancellationToken)
    {
        var reference = await references.GetAsync(conversation, cancellationToken)
            ?? throw new ConversationUnreachableException(conversation, "the bot has never been in this conversation");
        return reference.Unreachable
            ? throw new ConversationUnreachableException(conversation, "the bot was removed or blocked")
            : reference;
    }

    private async Task<T> GuardAsync<T>(ConversationAddress conversation, Func<Task<T>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send();
        }
        catch (ConversationUnreachableException)
        {
            await references.MarkUnreachableAsync(conversation, cancellationToken);
            throw;
        }
    }
}

using IntervisieBot.Channels.Slack.BlockKit;
using IntervisieBot.Channels.Slack.Installations;
using IntervisieBot.Channels.Slack.References;
using IntervisieBot.Channels.Slack.WebApi;
using IntervisieBot.Conversations;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Channels.Slack;

/// <summary>
/// Writes to Slack conversations with the workspace's bot token, through the <see cref="SlackSender"/> (order, one
/// post a second per channel, retries). The message id is Slack's <c>ts</c>. A conversation that refused a write
/// (removed, archived, uninstalled) is marked unreachable and not written to until the bot is back.
/// </summary>
public sealed class SlackMessenger(
    SlackWorkspaces workspaces, SlackConversationStore conversations, SlackUserDirectory users, SlackApiClient client, SlackSender sender) : IChannelMessenger
{
    public const string ChannelId = "slack";

    /// <summary>The adapter name on every address the Slack endpoints make: no other endpoint can name Slack's rows.</summary>
    public const string Adapter = "slack";

    /// <summary>A Slack conversation's address.</summary>
    public static ConversationAddress Address(string channel, ConversationScope scope, string? teamId) => new(Adapter, ChannelId, channel, scope, teamId);

    /// <summary>What <c>chat.update</c> answers when the message is not there to change (deleted, or no longer editable).</summary>
    private static readonly HashSet<string> MessageGoneCodes = new(StringComparer.Ordinal) { "message_not_found", "cant_update_message", "edit_window_closed" };

    public bool Handles(ConversationAddress conversation) => string.Equals(conversation.Adapter, Adapter, StringComparison.Ordinal);

    public async Task<string?> SendAsync(ConversationAddress conversation, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        // The conversation is looked up inside the channel's line, so messages sent one after the other keep their order.
        var rendered = BlockKitRenderer.Render(message);
        var ts = await GuardAsync(
            conversation,
            () => sender.SendAsync(
                "chat.postMessage", SlackCallKind.Post, conversation.ConversationId,
                async ct =>
                {
                    var workspace = await ReachableAsync(conversation, ct);
                    return await client.PostMessageAsync(workspace.BotToken, conversation.ConversationId, rendered.Text, rendered.Blocks, ct);
                },
                cancellationToken),
            cancellationToken);
        if (rendered.Form is { } form)
        {
            await conversations.SaveFormAsync(conversation, ts, form, cancellationToken);
        }

        return ts;
    }

    public async Task UpdateAsync(ConversationAddress conversation, string messageId, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var rendered = BlockKitRenderer.Render(message);
        try
        {
            await GuardAsync(
                conversation,
                () => sender.SendAsync(
                    "chat.update", SlackCallKind.Write, conversation.ConversationId,
                    async ct =>
                    {
                        var workspace = await ReachableAsync(conversation, ct);
                        await client.UpdateMessageAsync(workspace.BotToken, conversation.ConversationId, messageId, rendered.Text, rendered.Blocks, ct);
                        return true;
                    },
                    cancellationToken),
                cancellationToken);
        }
        catch (SlackApiException e) when (e.Error is { } code && MessageGoneCodes.Contains(code))
        {
            throw new MessageGoneException(conversation, code);
        }

        if (rendered.Form is { } form)
        {
            await conversations.SaveFormAsync(conversation, messageId, form, cancellationToken);
        }
        else
        {
            await conversations.DeleteFormAsync(conversation, messageId, cancellationToken);
        }
    }

    /// <summary>
    /// An ephemeral message (<c>chat.postEphemeral</c>): shown in the conversation to <paramref name="member"/> alone, for
    /// this session of their client. A member who is not in the channel (any more) gets it in their direct messages.
    /// </summary>
    public async Task AnswerPresserAsync(ConversationAddress conversation, Participant member, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        if (conversation.IsPersonal)
        {
            await SendAsync(conversation, message, cancellationToken);
            return;
        }

        var rendered = BlockKitRenderer.Render(message);
        try
        {
            await GuardAsync(
                conversation,
                () => sender.SendAsync(
                    "chat.postEphemeral", SlackCallKind.Post, conversation.ConversationId,
                    async ct =>
                    {
                        var workspace = await ReachableAsync(conversation, ct);
                        return await client.PostEphemeralAsync(workspace.BotToken, conversation.ConversationId, member.Id, rendered.Text, rendered.Blocks, ct);
                    },
                    cancellationToken),
                cancellationToken);
        }
        catch (SlackApiException e) when (e.Error is "user_not_in_channel")
        {
            await SendPrivateAsync(conversation, member, message, cancellationToken);
        }
    }

    public async Task SendPrivateAsync(ConversationAddress conversation, Participant member, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var workspace = await WorkspaceAsync(conversation, cancellationToken);
        var team = conversation.TenantId ?? workspace.TeamId;
        var channel = await conversations.FindDirectMessageAsync(team, member.Id, cancellationToken);
        if (channel is null)
        {
            var personal = Address(member.Id, ConversationScope.Personal, team);
            channel = await GuardAsync(
                personal,
                () => sender.SendAsync("conversations.open", SlackCallKind.Read, member.Id, ct => client.OpenDirectMessageAsync(workspace.BotToken, member.Id, ct), cancellationToken),
                cancellationToken);
            await conversations.SaveDirectMessageAsync(team, member.Id, channel, cancellationToken);
            await conversations.SaveAsync(new SlackConversation(Address(channel, ConversationScope.Personal, team), workspace.BotUserId), cancellationToken);
        }

        await SendAsync(Address(channel, ConversationScope.Personal, team), message, cancellationToken);
    }

    public async Task<IReadOnlyList<Participant>> GetMembersAsync(ConversationAddress conversation, CancellationToken cancellationToken = default)
    {
        var workspace = await ReachableAsync(conversation, cancellationToken);
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await GuardAsync(
                conversation,
                () => sender.SendAsync(
                    "conversations.members", SlackCallKind.Read, conversation.ConversationId,
                    ct => client.GetMembersAsync(workspace.BotToken, conversation.ConversationId, cursor, cancellationToken: ct), cancellationToken),
                cancellationToken);
            ids.AddRange(page.Members);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var members = new List<Participant>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal).Where(id => id != workspace.BotUserId))
        {
            var user = await users.GetAsync(workspace, id, cancellationToken);
            if (!user.IsBot && !user.Deleted)
            {
                members.Add(new Participant(user.Id, user.Name));
            }
        }

        return members;
    }

    private async Task<SlackWorkspace> WorkspaceAsync(ConversationAddress conversation, CancellationToken cancellationToken) =>
        await workspaces.FindAsync(conversation.TenantId, cancellationToken)
        ?? throw new ConversationUnreachableException(conversation, "the app is not installed in this workspace");

    private async Task<SlackWorkspace> ReachableAsync(ConversationAddress conversation, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(conversation, cancellationToken);
        return await conversations.GetAsync(conversation, cancellationToken) is { Unreachable: true }
            ? throw new ConversationUnreachableException(conversation, "the bot was removed, or the channel archived")
            : workspace;
    }

    private async Task<T> GuardAsync<T>(ConversationAddress conversation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (SlackApiException e) when (e.IsGone)
        {
            if (!conversation.IsPersonal || conversation.ConversationId.StartsWith('D'))
            {
                await conversations.MarkUnreachableAsync(conversation, cancellationToken);
            }

            throw new ConversationUnreachableException(conversation, e.Error ?? "gone");
        }
    }
}

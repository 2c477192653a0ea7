using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Conversations.Outbound;

/// <summary>
/// Due work of kind <c>outbox</c>: sends a message the <see cref="Outbox"/> kept, through the conversation's channel,
/// then removes it, so it goes out once. A failure is retried by the scheduler with its growing delays; a conversation
/// the bot was removed from, or the last attempt, removes the message unsent.
/// </summary>
public sealed class OutboxDelivery(Outbox outbox, IEnumerable<IChannelMessenger> messengers, IOptions<SchedulerOptions> options) : IDueWorkHandler
{
    public const string WorkKind = "outbox";

    public string Kind => WorkKind;

    public async Task HandleAsync(DueWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var conversation = work.Group;
        var id = work.Data.GetValueOrDefault(Outbox.IdKey) ?? "";
        if (await outbox.FindAsync(conversation, id, cancellationToken) is not { } found)
        {
            return;
        }

        var (operation, kept) = found;

        var messenger = messengers.FirstOrDefault(m => m.Handles(conversation))
            ?? throw new InvalidOperationException($"No channel writes to '{conversation.Adapter}' conversations.");
        try
        {
            await SendAsync(messenger, conversation, operation, kept, cancellationToken);
        }
        catch (Exception e) when (e is ConversationUnreachableException || (work.Attempt + 1 >= options.Value.MaxAttempts && e is not OperationCanceledException))
        {
            await outbox.RemoveAsync(conversation, id, cancellationToken);
            throw;
        }

        await outbox.RemoveAsync(conversation, id, cancellationToken);
    }

    private static async Task SendAsync(IChannelMessenger messenger, ConversationAddress conversation, OutboxOperation operation, KeptMessage kept, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case OutboxOperation.SendPrivate when kept.Member is { } member:
                await messenger.SendPrivateAsync(conversation, member, kept.Message, cancellationToken);
                break;
            case OutboxOperation.Update when kept.MessageId is { } messageId:
                try
                {
                    await messenger.UpdateAsync(conversation, messageId, kept.Message, cancellationToken);
                }
                catch (MessageGoneException)
                {
                    await messenger.SendAsync(conversation, kept.Message, cancellationToken);
                }

                break;
            default:
                await messenger.SendAsync(conversation, kept.Message, cancellationToken);
                break;
        }
    }
}

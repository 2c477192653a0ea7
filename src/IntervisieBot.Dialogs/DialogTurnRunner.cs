using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Storage.Tables;

namespace IntervisieBot.Dialogs;

/// <summary>
/// Runs one turn against a conversation's stored dialogs: one read of the state, the turn's logic, at most one
/// write (none when nothing changed), conditional on the version read. When another instance wrote first, the turn
/// is run again on the fresh state; what the bot says is sent only after the write succeeded, so nothing is said
/// twice and no answer is lost.
/// </summary>
public sealed class DialogTurnRunner(DialogStateStore store)
{
    public const int MaxAttempts = 8;

    public async Task RunAsync(
        DialogSet dialogs, ITurnContext context, Func<DialogContext, CancellationToken, Task> onTurn, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.LoadAsync(context.Turn.Conversation, cancellationToken);
            var buffered = new BufferedTurnContext(context);
            await onTurn(new DialogContext(dialogs, stored.State, buffered), cancellationToken);

            var json = stored.State.Serialize();
            var etag = stored.ETag;
            if (!string.Equals(json, stored.Json, StringComparison.Ordinal))
            {
                try
                {
                    etag = await store.SaveAsync(context.Turn.Conversation, json, stored.ETag, cancellationToken);
                }
                catch (TableConflictException) when (attempt < MaxAttempts)
                {
                    continue;
                }
            }

            var posted = await buffered.FlushAsync(cancellationToken);
            if (posted.Count > 0)
            {
                await RememberLiveAsync(context.Turn.Conversation, stored.State, etag, posted, cancellationToken);
            }

            return;
        }
    }

    /// <summary>
    /// A live message was posted anew, so its id is known only now, after the turn's write: one more conditional write
    /// keeps it. When another turn wrote in between, its state is read again and patched.
    /// </summary>
    private async Task RememberLiveAsync(
        ConversationAddress conversation, ConversationState state, ETag? etag, IReadOnlyDictionary<string, string?> posted, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            foreach (var (slot, id) in posted)
            {
                DialogContext.RememberLive(state, slot, id);
            }

            try
            {
                await store.SaveAsync(conversation, state.Serialize(), etag, cancellationToken);
                return;
            }
            catch (TableConflictException) when (attempt < MaxAttempts)
            {
                var fresh = await store.LoadAsync(conversation, cancellationToken);
                (state, etag) = (fresh.State, fresh.ETag);
            }
        }
    }
}

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
            if (!string.Equals(json, stored.Json, StringComparison.Ordinal))
            {
                try
                {
                    await store.SaveAsync(context.Turn.Conversation, json, stored.ETag, cancellationToken);
                }
                catch (TableConflictException) when (attempt < MaxAttempts)
                {
                    continue;
                }
            }

            await buffered.FlushAsync(cancellationToken);
            return;
        }
    }
}

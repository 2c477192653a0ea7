using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Dialogs;

/// <summary>How a live message is said: updated in place while it is there, posted anew when it is not.</summary>
internal static class LiveMessage
{
    /// <summary>Returns the id of the message that now shows <paramref name="message"/> (null: the channel gave none).</summary>
    public static async Task<string?> ShowAsync(ITurnContext context, string? knownId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (knownId is not null)
        {
            try
            {
                await context.UpdateAsync(knownId, message, cancellationToken);
                return knownId;
            }
            catch (MessageGoneException)
            {
                // Someone deleted it, or the channel no longer lets it change: a new one takes its place.
            }
        }

        return await context.SendAsync(message, cancellationToken);
    }
}

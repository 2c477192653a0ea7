namespace IntervisieBot.Conversations.Outbound;

/// <summary>
/// A channel could not deliver a message after its retries, with a failure that may pass later (throttled for longer
/// than it waits, the service unavailable, the network): the message certainly did not arrive, so sending it again
/// later does not show it twice. The turn keeps it in the <see cref="Outbox"/> instead of failing.
/// </summary>
public sealed class MessageNotDeliveredException(string reason, Exception innerException)
    : Exception($"The message was not delivered after the channel's retries: {reason}", innerException);

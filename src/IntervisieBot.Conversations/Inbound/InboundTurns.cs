using System.Collections.Concurrent;
using IntervisieBot.Conversations.Texts;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Inbox;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Storage.Tables;
using Microsoft.Extensions.Logging;

namespace IntervisieBot.Conversations.Inbound;

/// <summary>
/// How a member's turn is accepted and run. <see cref="AcceptAsync"/> stores the turn in the <see cref="TurnInbox"/>
/// first; only then may the channel be answered 200, so an accepted turn survives a crash. The turn then runs on its
/// conversation's lane and leaves the inbox when it was handled.
/// <para>
/// While the store is out of reach (<see cref="StoreUnavailableException"/>, at once when its circuit is open):
/// a turn that cannot be stored is refused (the channel gets a 503) and a turn that cannot run waits on its lane and
/// is tried again every <see cref="OutageRetryDelay"/>; either way the conversation hears <see cref="BotTexts.StoreUnavailable"/>
/// once, not once per message. Turns waiting behind it are bounded and coalesced by the work queue; a conversation
/// whose oldest turns were dropped hears <see cref="BotTexts.OldMessagesSkipped"/> once.
/// </para>
/// </summary>
public sealed partial class InboundTurns(
    TurnInbox inbox,
    ConversationWorkQueue queue,
    TurnRunner runner,
    IEnumerable<IChannelMessenger> messengers,
    IEnumerable<IInboundTurnEnricher> enrichers,
    TimeProvider time,
    ILogger<InboundTurns> logger)
{
    /// <summary>How long a turn that met a store outage waits before it is tried again (the breaker's probe).</summary>
    public static readonly TimeSpan OutageRetryDelay = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, byte> _toldOutage = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _toldSkipped = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<InboxEntry> _unfinished = new();

    /// <summary>
    /// Stores the turn durably and queues it. Throws when the store cannot take it (the channel must not be told it
    /// arrived); the conversation has then been told once that the bot's memory is out of reach.
    /// </summary>
    public async Task AcceptAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        InboxEntry entry;
        try
        {
            entry = await inbox.AcceptAsync(turn, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            await TellOnceAsync(_toldOutage, turn, static t => t.StoreUnavailable, cancellationToken);
            throw;
        }

        StoreWorks();
        Run(entry);
    }

    /// <summary>Queues a turn from the inbox on its conversation's lane.</summary>
    internal void Run(InboxEntry entry)
    {
        var turn = entry.Turn;
        queue.Enqueue(turn.Conversation.Key, ct => HandleAsync(entry, ct), CoalesceKey(turn), reason => DroppedAsync(entry, reason));
    }

    /// <summary>Takes over the turns of instances that died (their lease ran out), and finishes what this one could not.</summary>
    internal async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var retried = _unfinished.Count;
        for (var i = 0; i < retried && _unfinished.TryDequeue(out var entry); i++)
        {
            await CompleteAsync(entry);
        }

        var claimed = await inbox.ClaimAbandonedAsync(max: 200, cancellationToken);
        foreach (var entry in claimed)
        {
            Run(entry);
        }

        return claimed.Count;
    }

    private async Task HandleAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var messenger = messengers.FirstOrDefault(m => m.Handles(entry.Turn.Conversation));
        if (messenger is null)
        {
            // No channel of this run writes there any more (it was switched off): nothing can answer the turn.
            LogNoChannel(entry.Turn.Conversation.Adapter);
            await CompleteAsync(entry);
            return;
        }

        var turn = entry.Turn;
        var enricher = enrichers.FirstOrDefault(e => e.Handles(turn.Conversation));
        if (enricher is not null)
        {
            turn = await enricher.EnrichAsync(turn, cancellationToken);
        }

        while (true)
        {
            try
            {
                await runner.RunAsync(new TurnContext(turn, messenger), cancellationToken);
                break;
            }
            catch (StoreUnavailableException)
            {
                // The turn stays on its lane (and in the inbox) until the store answers again.
                await TellOnceAsync(_toldOutage, turn, static t => t.StoreUnavailable, cancellationToken, messenger);
                await Task.Delay(OutageRetryDelay, time, cancellationToken);
            }
        }

        StoreWorks();
        await CompleteAsync(entry);
    }

    private async Task DroppedAsync(InboxEntry entry, DropReason reason)
    {
        if (reason == DropReason.TooMany)
        {
            await TellOnceAsync(_toldSkipped, entry.Turn, static t => t.OldMessagesSkipped, CancellationToken.None);
        }

        await CompleteAsync(entry);
    }

    /// <summary>The row goes; when the store refuses, it is tried again at the next recovery round (never run twice here).</summary>
    private async Task CompleteAsync(InboxEntry entry)
    {
        try
        {
            await inbox.CompleteAsync(entry, CancellationToken.None);
        }
        catch (TableStorageException e)
        {
            LogNotCompleted(e.ErrorCode);
            _unfinished.Enqueue(entry);
        }
    }

    /// <summary>The store answered: the next outage is told again, and so are dropped turns after it.</summary>
    private void StoreWorks()
    {
        if (!_toldOutage.IsEmpty)
        {
            _toldOutage.Clear();
            _toldSkipped.Clear();
        }
    }

    private async Task TellOnceAsync(
        ConcurrentDictionary<string, byte> told, IncomingTurn turn, Func<BotTexts, string> text, CancellationToken cancellationToken, IChannelMessenger? messenger = null)
    {
        if (turn.Kind is TurnKind.BotRemoved or TurnKind.Scheduled || !told.TryAdd(turn.Conversation.Key, 0))
        {
            return;
        }

        messenger ??= messengers.FirstOrDefault(m => m.Handles(turn.Conversation));
        if (messenger is null)
        {
            return;
        }

        try
        {
            await messenger.SendAsync(turn.Conversation, new OutgoingMessage(text(BotTexts.For(Language.FromLocale(turn.Locale)))), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNoticeFailed(e.GetType().Name);
        }
    }

    /// <summary>Turns that say the same thing again while they wait: the same member, kind, text and values.</summary>
    private static string? CoalesceKey(IncomingTurn turn) => turn.Kind switch
    {
        TurnKind.Message or TurnKind.CardAction => string.Join(
            '\u001f',
            new[] { turn.Kind.ToString(), turn.From.Id, turn.PersonalChat?.Key ?? "", turn.Text.Trim().ToUpperInvariant() }
                .Concat(turn.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + "=" + v.Value))),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored turn for adapter {Adapter} has no channel in this run and is dropped")]
    private partial void LogNoChannel(string adapter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A handled turn could not be removed from the inbox ({Code}); tried again later")]
    private partial void LogNotCompleted(string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notice about the store could not be sent: {Reason}")]
    private partial void LogNoticeFailed(string reason);
}

using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Conversations.Sessions;

/// <summary><c>start [method]</c> runs a session in a group; <c>report</c> shows the last session's record.</summary>
public sealed class SessionCommands(
    MethodLibrary methods, TimeProvider time, SessionRoutes routes, SessionRecordStore records, ISessionRotation rotation, ISessionCases cases, Scheduling.IDueWorkScheduler? scheduler = null, RevealOrder? order = null) : ICommandHandler, IDialogModule, ICardHandler
{
    public IReadOnlyCollection<Command> Commands { get; } =
        [Command.Start, Command.Report, Command.Next, Command.Back, Command.Skip, Command.Pause, Command.Resume, Command.Extend];

    public string Card => SessionCards.SecondCaseCard;

    /// <summary>"Second case" after a short method: the set-up again, with short methods only and another case owner.</summary>
    public async Task HandleAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        if (dc.ActiveDialog is not null || turn.Conversation.IsPersonal)
        {
            return;
        }

        var texts = SessionTexts.For(Language.FromLocale(turn.Locale));
        if (turn.ReplyToId is { } offer)
        {
            await dc.Context.UpdateAsync(offer, SessionCards.SecondCaseOffer(texts, null, answered: true), cancellationToken);
        }

        await dc.BeginDialogAsync(
            SessionSetupDialog.Id,
            SessionSetupDialog.Options(new SessionSetupOptions
            {
                FirstOwner = turn.Values.GetValueOrDefault("owner", ""),
                Meeting = SessionMeeting.Parse(turn.Values.GetValueOrDefault(SessionCards.MeetingKey)),
            }),
            cancellationToken);
    }

    public void AddTo(DialogSet dialogs) => dialogs.AddSessions(methods, time, routes, records, rotation, cases, scheduler, order);

    public async Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = SessionTexts.For(Language.FromLocale(turn.Locale));
        if (command is not (Command.Start or Command.Report))
        {
            // The session's own controls, with no session running.
            await dc.SendAsync(new OutgoingMessage(texts.NoSessionRunning), cancellationToken);
            return;
        }

        if (command == Command.Start)
        {
            if (turn.Conversation.IsPersonal)
            {
                await dc.SendAsync(new OutgoingMessage(texts.StartInGroup), cancellationToken);
                return;
            }

            await dc.BeginDialogAsync(SessionSetupDialog.Id, SessionSetupDialog.Options(new SessionSetupOptions { Method = argument }), cancellationToken);
            return;
        }

        var record = await records.LatestAsync(turn.Conversation, cancellationToken);
        // The record's date in the group's own time zone, as the group knows it.
        var zone = record is null ? null : Domain.Groups.Schedule.FindZone((await rotation.OpenAsync(turn.Conversation, texts.Language, cancellationToken))?.TimeZoneId);
        await dc.SendAsync(
            record is null
                ? new OutgoingMessage(texts.NoReport)
                : OutgoingMessage.FromCard(SessionCards.Report(record, methods, texts, texts.Language, zone)),
            cancellationToken);
    }
}

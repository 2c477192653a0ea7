namespace IntervisieBot.Conversations.Dialogs;

/// <summary>The dialogs a bot knows, by id.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet Add(Dialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new InvalidOperationException($"Two dialogs have the id '{dialog.Id}'.");
        }

        return this;
    }

    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);

    /// <summary>
    /// The dialogs the bot runs, in one set (the bot's own flows register here as they are built). Without a
    /// scheduler, session steps are not timed.
    /// </summary>
    public static DialogSet CreateDefault(
        Domain.Methods.MethodLibrary methods, TimeProvider time, Sessions.SessionRoutes routes, Sessions.SessionRecordStore records, Scheduling.IDueWorkScheduler? scheduler = null) =>
        Sessions.SessionSetupDialog.AddSessions(Flows.AdviceDialog.AddAdvice(new DialogSet(), methods), methods, time, routes, records, scheduler);
}

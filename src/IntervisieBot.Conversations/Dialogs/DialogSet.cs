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

    /// <summary>The dialogs the bot runs: every feature's <see cref="IDialogModule"/> adds its own.</summary>
    public static DialogSet From(IEnumerable<IDialogModule> modules)
    {
        var dialogs = new DialogSet();
        foreach (var module in modules)
        {
            module.AddTo(dialogs);
        }

        return dialogs;
    }
}

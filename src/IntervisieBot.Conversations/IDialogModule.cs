using IntervisieBot.Dialogs;

namespace IntervisieBot.Conversations;

/// <summary>Adds a feature's dialogs to the bot's one <see cref="DialogSet"/>.</summary>
public interface IDialogModule
{
    void AddTo(DialogSet dialogs);
}

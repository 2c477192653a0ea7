using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations.Groups;

/// <summary>
/// <c>instellen</c>/<c>setup</c>: the whole set-up for a new group; for a group that is set up, a card with a button per
/// setting; <c>instellen tijd</c>/<c>setup time</c> changes one setting (and what depends on it).
/// </summary>
public sealed class SetupCommands(GroupSetupDialog setup, GroupStore groups) : ICommandHandler, IDialogModule
{
    public IReadOnlyCollection<Command> Commands { get; } = [Command.Setup];

    public void AddTo(DialogSet dialogs) => setup.AddTo(dialogs);

    public async Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken)
    {
        var group = dc.Turn.Conversation.IsPersonal ? null : await groups.GetAsync(dc.Turn.Conversation, cancellationToken);
        var texts = GroupCards.TextsFor(group, dc.Turn.Locale);
        if (dc.Turn.Conversation.IsPersonal)
        {
            await dc.SendAsync(new OutgoingMessage(texts.GroupOnly), cancellationToken);
            return;
        }

        if (group is null)
        {
            await dc.BeginDialogAsync(GroupSetupDialog.DialogId, GroupSetupDialog.Options(GroupSetupDialog.AllFields), cancellationToken);
            return;
        }

        if (FieldsFor(argument) is { } fields)
        {
            await dc.BeginDialogAsync(GroupSetupDialog.DialogId, GroupSetupDialog.Options(fields), cancellationToken);
            return;
        }

        await dc.SendAsync(OutgoingMessage.FromCard(GroupCards.SettingsMenu(group, texts)), cancellationToken);
    }

    /// <summary>The questions a setting's word asks, with the ones that depend on it (a new rhythm needs a new first date).</summary>
    public static IReadOnlyList<string>? FieldsFor(string argument)
    {
        var word = argument.Trim().Trim('.', '!', '?').ToLowerInvariant();
        var setting = GroupTexts.SettingWords.FirstOrDefault(s => s.Nl == word || s.En == word || s.Synonyms.Contains(word));
        return setting.Field switch
        {
            null => null,
            "cadence" => ["cadence", "week", "weekday", "first"],
            "weekday" => ["week", "weekday", "first"],
            "facilitator" => ["facilitator", "fixed"],
            "all" => GroupSetupDialog.AllFields,
            var field => [field],
        };
    }
}

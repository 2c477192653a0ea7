using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Cases;

/// <summary>
/// <c>casus</c>/<c>case</c> (J5), in the member's personal chat with the bot: finds the groups whose roster has the
/// member and starts <see cref="CasePreparationDialog"/>. Typed in a group, it sends the member a private message
/// instead: a case is never written in the group.
/// </summary>
public sealed class CaseCommand(CaseGroups caseGroups) : ICommandHandler
{
    public IReadOnlyCollection<Command> Commands { get; } = [Command.Case];

    public async Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = CaseTexts.For(Language.FromLocale(turn.Locale));
        if (!turn.Conversation.IsPersonal)
        {
            await dc.Context.SendPrivateAsync(turn.From, new OutgoingMessage(texts.PrivateInvite), cancellationToken);
            await dc.SendAsync(new OutgoingMessage(texts.InGroup), cancellationToken);
            return;
        }

        var memberGroups = await caseGroups.OfMemberAsync(turn, cancellationToken);
        if (memberGroups.Count == 0)
        {
            await dc.SendAsync(new OutgoingMessage(texts.NoGroup), cancellationToken);
            return;
        }

        var options = new CasePreparationOptions([.. memberGroups.Select(g => new ChosenCaseGroup(g.Group.ConversationId, g.Group.Scope.ToString(), g.Name))]);
        await dc.BeginDialogAsync(CasePreparationDialog.Id, CasePreparationDialog.Options(options), cancellationToken);
    }
}

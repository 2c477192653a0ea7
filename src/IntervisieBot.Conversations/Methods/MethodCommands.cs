using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Conversations.Texts;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Methods;

namespace IntervisieBot.Conversations.Methods;

/// <summary><c>methods</c> shows the method library; <c>advice</c> starts the method advice (J7).</summary>
public sealed class MethodCommands(MethodLibrary methods, GroupStore groups, ISessionCases cases) : ICommandHandler, IDialogModule
{
    public IReadOnlyCollection<Command> Commands { get; } = [Command.Methods, Command.Advice];

    public void AddTo(DialogSet dialogs) => dialogs.AddAdvice(methods, groups, cases);

    public async Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken)
    {
        if (command == Command.Advice)
        {
            await dc.BeginDialogAsync(AdviceDialog.Id, cancellationToken: cancellationToken);
            return;
        }

        var texts = BotTexts.For(Language.FromLocale(dc.Turn.Locale));
        await dc.SendAsync(OutgoingMessage.FromCard(MethodCards.Overview(methods, texts, texts.Language)), cancellationToken);
    }
}

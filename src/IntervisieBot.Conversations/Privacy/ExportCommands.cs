using System.Globalization;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.Options;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>
/// <c>export</c>/<c>exporteer</c> (J11) posts a link that works once: in a group to the group's export, in a personal
/// chat to the member's own prepared cases. It is answered even while a flow runs, like <c>forget</c>.
/// </summary>
public sealed class ExportCommands(ExportLinkStore links, MemberData members, IOptions<ExportOptions> options) : ICommandHandler
{
    public IReadOnlyCollection<Command> Commands { get; } = [Command.Export];

    public async Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = PrivacyTexts.For(Language.FromLocale(turn.Locale));
        if (turn.Conversation.IsPersonal)
        {
            await dc.SendAsync(new OutgoingMessage(texts.ExportInPersonalChat), cancellationToken);
            await dc.SendAsync(await members.LinkAsync(turn, cancellationToken), cancellationToken);
            return;
        }

        // Whatever followed the word (a token, an id) is ignored: an export is always of this conversation.
        var settings = options.Value;
        var (token, _) = await links.CreateAsync(turn.Conversation, settings.ExportLinkLifetime, cancellationToken);
        var link = settings.ExportBaseUrl.TrimEnd('/') + "/api/export/" + token;
        await dc.SendAsync(
            OutgoingMessage.FromCard(new Card
            {
                Title = texts.ExportTitle,
                Body = [new CardText(string.Format(CultureInfo.InvariantCulture, texts.ExportReady, link, (int)settings.ExportLinkLifetime.TotalMinutes))],
            }),
            cancellationToken);
    }
}

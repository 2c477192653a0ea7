using System.Globalization;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Conversations.Privacy;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.Options;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Calendar;

/// <summary>
/// <c>agenda</c>/<c>calendar</c> in a group: the link to the group's calendar feed (made on first use), the next meeting
/// as an .ics file, and a button that renews the link so the old one stops working.
/// </summary>
public sealed class CalendarCommands(CalendarLinkStore links, GroupStore groups, IOptions<ExportOptions> options, TimeProvider time) : ICommandHandler, ICardHandler
{
    public const string CardName = "calendar";

    public IReadOnlyCollection<Command> Commands { get; } = [Command.Calendar];

    public string Card => CardName;

    /// <summary>The feed's address for a token.</summary>
    public static string FeedPath(string token) => "/api/calendar/" + token + ".ics";

    /// <summary>One meeting's .ics file for a token.</summary>
    public static string MeetingPath(string token, string meetingKey) => "/api/calendar/" + token + "/" + meetingKey + ".ics";

    public Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken) => ShowAsync(dc, renew: false, cancellationToken);

    public Task HandleAsync(DialogContext dc, CancellationToken cancellationToken) =>
        ShowAsync(dc, renew: dc.Turn.Values.GetValueOrDefault(Cards.ActionKey) == "renew", cancellationToken);

    private async Task ShowAsync(DialogContext dc, bool renew, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        if (turn.Conversation.IsPersonal)
        {
            await dc.SendAsync(new OutgoingMessage(CalendarTexts.For(Language.FromLocale(turn.Locale)).InPersonalChat), cancellationToken);
            return;
        }

        if (await groups.GetAsync(turn.Conversation, cancellationToken) is not { } group)
        {
            await dc.SendAsync(new OutgoingMessage(CalendarTexts.For(Language.FromLocale(turn.Locale)).NotSetUp), cancellationToken);
            return;
        }

        var texts = CalendarTexts.For(group.Settings.Language);
        var token = renew ? await links.RenewAsync(turn.Conversation, cancellationToken) : await links.GetOrCreateAsync(turn.Conversation, cancellationToken);
        if (renew)
        {
            if (turn.ReplyToId is { } old)
            {
                // The old card shows a link that no longer works: it goes.
                await dc.Context.UpdateAsync(old, OutgoingMessage.FromCard(new Card { Title = texts.Title, Body = [new CardText(string.Format(CultureInfo.InvariantCulture, texts.Renewed, turn.From.Name))] }), cancellationToken);
            }
            else
            {
                await dc.SendAsync(new OutgoingMessage(string.Format(CultureInfo.InvariantCulture, texts.Renewed, turn.From.Name)), cancellationToken);
            }
        }

        var baseUrl = options.Value.ExportBaseUrl.TrimEnd('/');
        var next = group.NextMeetings(time.GetUtcNow(), 1);
        var groupTexts = GroupTexts.For(group.Settings.Language);
        await dc.SendAsync(OutgoingMessage.FromCard(new Card
        {
            Title = texts.Title,
            Body =
            [
                new CardText(string.Format(CultureInfo.InvariantCulture, texts.Ready, baseUrl + FeedPath(token))),
                .. next.Count == 0
                    ? Array.Empty<CardElement>()
                    : [new CardText(texts.NextMeeting(GroupCards.When(next[0].Meeting, group, groupTexts), baseUrl + MeetingPath(token, next[0].Meeting.Key)))],
            ],
            Buttons = [Cards.Button(texts.RenewButton, "renew", CardName)],
        }), cancellationToken);
    }
}

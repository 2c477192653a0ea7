using IntervisieBot.Conversations.Sessions;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;
using IntervisieBot.Domain.Methods;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Groups;

/// <summary>
/// J8, <c>geschiedenis</c>/<c>history</c>: the sessions held, newest first, and the group's figures: meetings held
/// against planned, attendance and turns per member, the methods used and how they were rated.
/// </summary>
public sealed class HistoryCommands(GroupStore groups, SessionRecordStore records, MethodLibrary methods, TimeProvider time) : ICommandHandler
{
    /// <summary>How many sessions the list shows; the figures count them all.</summary>
    public const int Listed = 10;

    public IReadOnlyCollection<Command> Commands { get; } = [Command.History];

    public async Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken)
    {
        var conversation = dc.Turn.Conversation;
        var group = conversation.IsPersonal ? null : await groups.GetAsync(conversation, cancellationToken);
        var texts = GroupCards.TextsFor(group, dc.Turn.Locale);
        if (conversation.IsPersonal)
        {
            await dc.SendAsync(new OutgoingMessage(texts.GroupOnly), cancellationToken);
            return;
        }

        var held = await records.AllAsync(conversation, cancellationToken);
        if (held.Count == 0 && (group is null || group.Outcomes.Count == 0))
        {
            await dc.SendAsync(new OutgoingMessage(texts.NoHistory), cancellationToken);
            return;
        }

        await dc.SendAsync(OutgoingMessage.FromCard(Card(group, held, GroupFigures.Compute(group, held, time.GetUtcNow()), methods, texts)), cancellationToken);
    }

    public static Card Card(Group? group, IReadOnlyList<SessionRecord> held, GroupFigures figures, MethodLibrary methods, GroupTexts texts)
    {
        var language = texts.Language;
        var zone = group?.Schedule.Zone ?? Schedule.FindZone(GroupSettings.DefaultTimeZone) ?? TimeZoneInfo.Utc;
        string MethodName(string id) => methods.Find(id)?.Name.In(language) ?? id;
        string Rating(double value) => value.ToString("0.0", texts.Culture);
        var lines = held.Take(Listed).Select(r =>
            texts.HistoryLine(TimeZoneInfo.ConvertTime(r.StartedAt, zone).ToString("d MMM yyyy", texts.Culture), MethodName(r.MethodId), r.CaseOwner.Name, r.Facilitator.Name)
            + (r.AverageRating is { } avg ? GroupCards.Format(texts.RatingSuffix, Rating(avg)) : ""));
        return new Card
        {
            Title = texts.HistoryTitle,
            Body =
            [
                new CardText(string.Join("\n", lines.Select(l => "- " + l))),
                new CardText(texts.FiguresTitle, TextStyle.Heading),
                new CardText(figures.Planned is { } planned ? texts.HeldOfPlanned(figures.HeldPlanned, planned, figures.Extra) : texts.HeldCount(figures.Held)),
                new CardText(texts.AttendanceTitle, TextStyle.Heading),
                new CardFacts(figures.Members.Select(m => new CardFact(m.Name, texts.MemberFigures(m.Attended, figures.Held, m.Cases, m.Facilitated))).ToList()),
                .. figures.Methods.Count == 0 ? Array.Empty<CardElement>() :
                [
                    new CardText(texts.MethodsTitle, TextStyle.Heading),
                    new CardFacts(figures.Methods.Select(m => new CardFact(
                        MethodName(m.MethodId),
                        m.AverageRating is { } avg ? texts.MethodRated(m.Used, Rating(avg)) : GroupCards.Format(texts.MethodUnrated, m.Used))).ToList()),
                ],
            ],
        };
    }
}

using IntervisieBot.Conversations.Texts;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Groups;

/// <summary>
/// Members who join or leave the conversation of a group that is set up are offered to be added to or taken off the
/// participants: a card with two buttons. Nothing changes until someone presses one.
/// </summary>
public sealed class RosterChanges(GroupStore groups) : IMembershipHandler, ICardHandler
{
    public const string CardName = "roster";

    public string Card => CardName;

    public async Task OnMembersChangedAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        if (turn.Kind is not (TurnKind.MembersAdded or TurnKind.MembersRemoved) || turn.Conversation.IsPersonal || await groups.GetAsync(turn.Conversation, cancellationToken) is not { } group)
        {
            return;
        }

        var texts = GroupCards.TextsFor(group, turn.Locale);
        var joined = turn.Kind == TurnKind.MembersAdded;
        foreach (var member in turn.Members.Where(m => m.Id != turn.Bot.Id && group.Roster.Contains(m.Id) != joined))
        {
            var data = new Dictionary<string, string> { ["id"] = member.Id, ["name"] = member.Name };
            await context.SendAsync(OutgoingMessage.FromCard(new Card
            {
                Body = [new CardText(GroupCards.Format(joined ? texts.Joined : texts.Left, member.Name, group.Settings.Name))],
                Buttons =
                [
                    Button(joined ? texts.AddMemberButton : texts.RemoveMemberButton, joined ? "add" : "remove", data, joined ? ButtonStyle.Positive : ButtonStyle.Destructive),
                    Button(texts.LeaveAsIsButton, "keep", data),
                ],
            }), cancellationToken);
        }
    }

    public async Task HandleAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var values = dc.Turn.Values;
        var action = values.GetValueOrDefault(Cards.ActionKey);
        var id = values.GetValueOrDefault("id", "");
        var name = values.GetValueOrDefault("name", "").Trim();
        var updated = await groups.UpdateAsync(dc.Turn.Conversation, group => action switch
        {
            "add" when id.Length > 0 && name.Length > 0 => (group.AddMember(new Member(id, name)), true),
            "remove" => (group.RemoveMember(id), true),
            _ => (false, false),
        }, cancellationToken);
        if (updated is not { Group: var group })
        {
            return;
        }

        var texts = GroupCards.TextsFor(group, dc.Turn.Locale);
        var said = action switch
        {
            "add" => GroupCards.Format(texts.MemberAdded, name),
            "remove" => GroupCards.Format(texts.MemberRemoved, name),
            _ => texts.LeftAsIs,
        };
        if (dc.Turn.ReplyToId is { } pressed)
        {
            await dc.Context.UpdateAsync(pressed, OutgoingMessage.FromCard(new Card { Body = [new CardText(said), new CardText(GroupCards.Format(BotTexts.For(group.Settings.Language).AnsweredBy, dc.Turn.From.Name), TextStyle.Subtle)] }), cancellationToken);
        }
        else
        {
            await dc.SendAsync(new OutgoingMessage(said), cancellationToken);
        }
    }

    private static CardButton Button(string title, string action, Dictionary<string, string> data, ButtonStyle style = ButtonStyle.Default) =>
        new(title, new Dictionary<string, string>(data) { [Cards.ActionKey] = action, [Cards.CardKey] = CardName }, style);
}

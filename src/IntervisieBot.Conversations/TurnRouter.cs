using IntervisieBot.Conversations.Messages;
using IntervisieBot.Conversations.Texts;

namespace IntervisieBot.Conversations;

/// <summary>
/// The bot's entry point for every turn: decides what a message, a button press or a membership change means and
/// answers it. Dialogs (set-up, the session, case preparation) hang off this router as they are built.
/// </summary>
public sealed class TurnRouter : IBot
{
    public async Task OnTurnAsync(ITurnContext context, CancellationToken cancellationToken = default)
    {
        var turn = context.Turn;
        var texts = BotTexts.For(Languages.FromLocale(turn.Locale));
        switch (turn.Kind)
        {
            case TurnKind.BotAdded:
                var welcome = turn.Locale is null ? Cards.WelcomeInBothLanguages(turn.Conversation.Scope) : Cards.Welcome(texts, turn.Conversation.Scope);
                await context.SendAsync(OutgoingMessage.FromCard(welcome), cancellationToken);
                break;
            case TurnKind.Message:
                await OnMessageAsync(context, texts, cancellationToken);
                break;
            case TurnKind.CardAction:
                await OnCardActionAsync(context, texts, cancellationToken);
                break;
            default:
                // Removal and membership changes need no answer yet: nothing is posted, nothing is forgotten.
                break;
        }
    }

    private static async Task OnMessageAsync(ITurnContext context, BotTexts texts, CancellationToken cancellationToken)
    {
        var command = Commands.Recognize(context.Turn.Text);
        var reply = command switch
        {
            Command.Help => OutgoingMessage.FromCard(Cards.Help(texts)),
            _ => new OutgoingMessage(texts.NotUnderstood),
        };
        await context.SendAsync(reply, cancellationToken);
    }

    private static async Task OnCardActionAsync(ITurnContext context, BotTexts texts, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        turn.Values.TryGetValue(Cards.ActionKey, out var action);
        turn.Values.TryGetValue(Cards.CardKey, out var card);
        if (card == "welcome" && turn.ReplyToId is { } cardMessage)
        {
            // Answered cards lose their buttons, so nobody presses them twice.
            var answered = turn.Locale is null
                ? Cards.WelcomeInBothLanguages(turn.Conversation.Scope, answered: true, answeredBy: turn.From.Name)
                : Cards.Welcome(texts, turn.Conversation.Scope, answered: true, answeredBy: turn.From.Name);
            await context.UpdateAsync(cardMessage, OutgoingMessage.FromCard(answered), cancellationToken);
        }

        if (action == "help")
        {
            await context.SendAsync(OutgoingMessage.FromCard(Cards.Help(texts)), cancellationToken);
        }
    }
}

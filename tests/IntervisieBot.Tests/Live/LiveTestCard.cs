using IntervisieBot.Conversations;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace IntervisieBot.Tests.Live;

/// <summary>
/// A kind of button only these tests send, so the channels' live messages and presser answers are checked without any
/// feature of the bot: <c>show</c> puts its <c>text</c> on the live card of slot <c>test</c> (with buttons),
/// <c>end</c> ends that card with its text (without buttons), <c>stale</c> answers the presser alone with its text (or <see cref="Refusal"/>), <c>refuse</c> also replaces the
/// pressed card by one saying its text.
/// </summary>
public sealed class LiveTestCard : ICardHandler
{
    public const string Name = "live-test";
    public const string Slot = "test";
    public const string TextKey = "text";

    /// <summary>What a press of <c>stale</c> without a text of its own answers.</summary>
    public const string Refusal = "Deze knop hoort bij een eerdere stap.";

    public string Card => Name;

    public static void AddTo(IServiceCollection services) => services.AddSingleton<ICardHandler, LiveTestCard>();

    /// <summary>The values of a press of this card's button.</summary>
    public static Dictionary<string, string> Press(string action, string text) =>
        new() { [Cards.CardKey] = Name, [Cards.ActionKey] = action, [TextKey] = text };

    public static OutgoingMessage CardSaying(string text) => OutgoingMessage.FromCard(new Card
    {
        Title = text,
        Buttons =
        [
            new CardButton("Volgende", Press("show", text + " +")),
            new CardButton("Oude knop", Press("stale", "")),
        ],
    });

    public async Task HandleAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var text = dc.Turn.Values.GetValueOrDefault(TextKey, "");
        switch (dc.Turn.Values.GetValueOrDefault(Cards.ActionKey))
        {
            case "show":
                await dc.ShowLiveAsync(Slot, CardSaying(text), cancellationToken);
                break;
            case "end":
                await dc.EndLiveAsync(Slot, OutgoingMessage.FromCard(new Card { Title = text }), cancellationToken);
                break;
            case "refuse":
                // As a stale step card is refused: it loses its buttons, and only the presser hears why.
                if (dc.Turn.ReplyToId is { } pressed)
                {
                    await dc.Context.UpdateAsync(pressed, OutgoingMessage.FromCard(new Card { Title = text }), cancellationToken);
                }

                await dc.Context.AnswerPresserAsync(new OutgoingMessage(Refusal), cancellationToken);
                break;
            case "stale":
                await dc.Context.AnswerPresserAsync(new OutgoingMessage(text.Length > 0 ? text : Refusal), cancellationToken);
                break;
            default:
                break;
        }
    }
}

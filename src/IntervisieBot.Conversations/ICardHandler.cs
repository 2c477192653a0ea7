using IntervisieBot.Dialogs;

namespace IntervisieBot.Conversations;

/// <summary>
/// Handles the buttons of one kind of card (the <see cref="Cards.CardKey"/> value of its buttons) that do not belong
/// to a running flow, e.g. the buttons of a reminder. Runs before the flow gets the turn.
/// </summary>
public interface ICardHandler
{
    string Card { get; }

    Task HandleAsync(DialogContext dc, CancellationToken cancellationToken);
}

namespace IntervisieBot.Dialogs.Messages;

/// <summary>
/// What the bot says, whatever the channel: text (simple markdown: **bold**, _italic_, lists, line breaks), an
/// optional card, and the people it addresses. A mention is written in the text as <see cref="Mention"/> returns it;
/// each channel renders it in its own way (Teams <c>&lt;at&gt;Name&lt;/at&gt;</c>, Slack <c>&lt;@U123&gt;</c>).
/// </summary>
public sealed record OutgoingMessage
{
    public OutgoingMessage(string text, Card? card = null)
    {
        Text = text;
        Card = card;
    }

    public string Text { get; init; }

    public Card? Card { get; init; }

    public IReadOnlyList<Participant> Mentions { get; init; } = [];

    /// <summary>The token that stands for a mention of <paramref name="participant"/> in <see cref="Text"/>.</summary>
    public static string Mention(Participant participant) => "<@" + participant.Id + ">";

    public static OutgoingMessage FromCard(Card card) => new(card.Title ?? "", card);
}

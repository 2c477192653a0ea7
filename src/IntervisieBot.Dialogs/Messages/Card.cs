namespace IntervisieBot.Dialogs.Messages;

/// <summary>
/// A channel-neutral card: a title, elements and buttons. The Bot Framework channel renders it as an Adaptive Card
/// (version 1.5), Slack as Block Kit, the playground as HTML. Every button carries data; pressing it comes back as
/// a <see cref="TurnKind.CardAction"/> turn with that data plus the values of the card's inputs.
/// </summary>
public sealed record Card
{
    public string? Title { get; init; }

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardButton> Buttons { get; init; } = [];
}

public enum TextStyle
{
    Normal,
    Heading,
    Subtle,
}

public abstract record CardElement;

public sealed record CardText(string Text, TextStyle Style = TextStyle.Normal) : CardElement;

public sealed record CardFacts(IReadOnlyList<CardFact> Facts) : CardElement;

public sealed record CardFact(string Title, string Value);

public enum InputKind
{
    Text,
    MultilineText,
    Number,
    Date,
    Time,
}

/// <summary>A field to fill in; its value arrives under <paramref name="Id"/> with the button's data.</summary>
public sealed record CardInput(string Id, string Label, InputKind Kind = InputKind.Text, string? Value = null, string? Placeholder = null, bool Required = false)
    : CardElement;

/// <summary>A choice from a list; with <paramref name="Multiple"/> the value is the chosen values joined by commas.</summary>
public sealed record CardChoiceInput(string Id, string Label, IReadOnlyList<CardChoice> Choices, string? Value = null, bool Multiple = false, bool Expanded = false)
    : CardElement;

public sealed record CardChoice(string Title, string Value);

public enum ButtonStyle
{
    Default,
    Positive,
    Destructive,
}

/// <summary>A button; <paramref name="Data"/> comes back with the press. Keys and values are short strings.</summary>
public sealed record CardButton(string Title, IReadOnlyDictionary<string, string> Data, ButtonStyle Style = ButtonStyle.Default);

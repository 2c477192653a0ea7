using IntervisieBot.Conversations.Texts;
using IntervisieBot.Dialogs.Messages;

namespace IntervisieBot.Conversations;

/// <summary>The cards the bot shows outside of dialogs.</summary>
public static class Cards
{
    public const string ActionKey = "action";
    public const string CardKey = "card";

    public static Card Welcome(BotTexts texts, ConversationScope scope, bool answered = false, string? answeredBy = null) => new()
    {
        Title = texts.WelcomeTitle,
        Body =
        [
            new CardText(scope == ConversationScope.Personal ? texts.WelcomePersonal : texts.WelcomeGroup),
            new CardText(texts.WhatIStoreTitle, TextStyle.Heading),
            new CardText(texts.WhatIStore),
            .. answeredBy is null ? Array.Empty<CardElement>() : [new CardText(string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.AnsweredBy, answeredBy), TextStyle.Subtle)],
        ],
        Buttons = answered ? [] : [Button(texts.HelpButton, "help", "welcome"), .. scope == ConversationScope.Personal ? Array.Empty<CardButton>() : [SetupButton(texts.SetupButton, texts.SetupCommand)]],
    };

    /// <summary>The welcome's "set up" button: it stands for the typed command, so it starts set-up like typing it does.</summary>
    public static CardButton SetupButton(string title, string command) =>
        new(title, new Dictionary<string, string> { [ActionKey] = "setup", [CardKey] = "welcome", [TurnRouter.CommandKey] = command }, ButtonStyle.Positive);

    /// <summary>When the conversation's language is not known yet (Teams' install notice has no locale): both, Dutch first.</summary>
    public static Card WelcomeInBothLanguages(ConversationScope scope, bool answered = false, string? answeredBy = null)
    {
        var nl = Welcome(BotTexts.Dutch, scope, answered, answeredBy);
        var en = Welcome(BotTexts.English, scope, answered, answeredBy);
        return nl with
        {
            Title = BotTexts.Dutch.WelcomeTitle + " · " + BotTexts.English.WelcomeTitle,
            Body = [.. nl.Body, new CardText("English", TextStyle.Heading), .. en.Body.Where(e => e is not CardText { Style: TextStyle.Subtle })],
            Buttons = answered
                ? []
                : [
                    Button(BotTexts.Dutch.HelpButton + " / " + BotTexts.English.HelpButton, "help", "welcome"),
                    .. scope == ConversationScope.Personal ? Array.Empty<CardButton>() : [SetupButton(BotTexts.Dutch.SetupButton + " / " + BotTexts.English.SetupButton, "instellen")],
                ],
        };
    }

    /// <summary>The welcome in the sender's language, or in both when the channel did not say which.</summary>
    public static Card WelcomeFor(IncomingTurn turn, BotTexts texts, string? answeredBy = null) => turn.Locale is null
        ? WelcomeInBothLanguages(turn.Conversation.Scope, answered: answeredBy is not null, answeredBy)
        : Welcome(texts, turn.Conversation.Scope, answered: answeredBy is not null, answeredBy);

    public static Card Help(BotTexts texts) => new()
    {
        Title = texts.HelpTitle,
        Body =
        [
            new CardText(texts.HelpIntro),
            new CardFacts(texts.HelpCommands.Select(c => new CardFact(c.Command, c.Meaning)).ToList()),
        ],
    };

    public static CardButton Button(string title, string action, string card, ButtonStyle style = ButtonStyle.Default) =>
        new(title, new Dictionary<string, string> { [ActionKey] = action, [CardKey] = card }, style);
}

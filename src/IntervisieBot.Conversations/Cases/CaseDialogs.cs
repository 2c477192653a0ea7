using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Cases;

namespace IntervisieBot.Conversations.Cases;

/// <summary>What the two case dialogs share: their prompts' ids and the language and give-up of a step.</summary>
internal static class CaseDialogs
{
    public const string ChoiceId = "case-choice";
    public const string ConfirmId = "case-confirm";
    public const string TextId = "case-text";

    /// <summary>A case with nothing typed yet.</summary>
    public static PreparedCase Empty() => new() { Title = "", Situation = "", Question = "" };

    public static async Task<DialogTurnResult> GiveUpAsync<TState>(WaterfallStepContext<TState> step, Language language, CancellationToken cancellationToken)
        where TState : class, new()
    {
        await step.Dialogs.SendAsync(new OutgoingMessage(CaseTexts.For(language).GaveUp), cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    /// <summary>The language a case dialog keeps (<paramref name="kept"/>), else the one of the turn's locale.</summary>
    public static Language LanguageOf(DialogContext dc, Language? kept) =>
        kept ?? Language.FromLocale(dc.Turn.Locale);
}

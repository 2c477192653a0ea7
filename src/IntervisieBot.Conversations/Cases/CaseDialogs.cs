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

    public static async Task<DialogTurnResult> GiveUpAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Dialogs.SendAsync(new OutgoingMessage(Texts(step).GaveUp), cancellationToken);
        return await step.EndAsync(null, cancellationToken);
    }

    public static Language LanguageOf(WaterfallStepContext step) =>
        StoredLanguage.Read(step.Values) ?? Language.FromLocale(step.Dialogs.Turn.Locale);

    public static CaseTexts Texts(WaterfallStepContext step) => CaseTexts.For(LanguageOf(step));
}

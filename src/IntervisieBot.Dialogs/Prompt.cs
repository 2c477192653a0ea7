using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;

namespace IntervisieBot.Dialogs;

/// <summary>What a validator sees: the recognised value, who answered, and how many tries this is.</summary>
public sealed record PromptValidatorContext(JsonNode Value, Participant From, int Attempt);

/// <summary>
/// Asks one question and waits for an answer it understands from someone allowed to answer. Answers it does not
/// understand (or that its validator refuses) get the retry text, up to <see cref="PromptOptions.MaxAttempts"/>;
/// then the prompt ends with a null result and the step that asked decides.
/// </summary>
public abstract class Prompt(string id, Func<PromptValidatorContext, string?>? validator = null) : Dialog(id)
{
    private const string OptionsKey = "options";
    private const string AttemptsKey = "attempts";

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var prompt = PromptOptions.FromJson(options);
        dc.ActiveDialog!.State[OptionsKey] = prompt.ToJson();
        dc.ActiveDialog.State[AttemptsKey] = 0;
        await dc.SendAsync(Ask(prompt, prompt.Text), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        var prompt = PromptOptions.FromJson(state[OptionsKey]);
        if (prompt.AllowedAnswerers.Count > 0 && !prompt.AllowedAnswerers.Contains(dc.Turn.From.Id))
        {
            // Someone else spoke; the question still waits for the person it is for.
            return DialogTurnResult.Waiting;
        }

        var attempt = (state[AttemptsKey]?.GetValue<int>() ?? 0) + 1;
        state[AttemptsKey] = attempt;
        var value = Recognize(dc.Turn, prompt);
        var problem = value is null ? null : validator?.Invoke(new PromptValidatorContext(value, dc.Turn.From, attempt));
        if (value is not null && problem is null)
        {
            await OnAnsweredAsync(dc, prompt, value, cancellationToken);
            return await dc.EndDialogAsync(value, cancellationToken);
        }

        if (attempt >= prompt.MaxAttempts)
        {
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        await dc.SendAsync(Ask(prompt, problem ?? prompt.RetryText ?? DefaultRetry(prompt)), cancellationToken);
        return DialogTurnResult.Waiting;
    }

    /// <summary>The answer as a value, or null when the turn does not answer this prompt.</summary>
    protected abstract JsonNode? Recognize(IncomingTurn turn, PromptOptions options);

    protected abstract string DefaultRetry(PromptOptions options);

    /// <summary>After an accepted answer: choice prompts take the buttons off the card that was pressed.</summary>
    protected virtual Task OnAnsweredAsync(DialogContext dc, PromptOptions options, JsonNode value, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>The message that asks; choice prompts add buttons.</summary>
    protected virtual OutgoingMessage Ask(PromptOptions options, string text) => new(text);

    /// <summary>Lower case, accents removed, surrounding punctuation trimmed: how typed answers are compared.</summary>
    protected static string Normalize(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).Trim('.', '!', '?', ',', ';', ':', ' ');
    }
}

public sealed class TextPrompt(string id, Func<PromptValidatorContext, string?>? validator = null) : Prompt(id, validator)
{
    protected override JsonNode? Recognize(IncomingTurn turn, PromptOptions options) =>
        turn.Kind == TurnKind.Message && !string.IsNullOrWhiteSpace(turn.Text) ? JsonValue.Create(turn.Text.Trim()) : null;

    protected override string DefaultRetry(PromptOptions options) =>
        options.Language == Language.Dutch ? "Ik heb nog geen antwoord gezien. Typ het hier." : "I haven't seen an answer yet. Please type it here.";
}

/// <summary>One of a list, by button or typed (the title, the value, a synonym, or its number).</summary>
public class ChoicePrompt(string id, Func<PromptValidatorContext, string?>? validator = null) : Prompt(id, validator)
{
    public const string ChoiceKey = "choice";
    public const string PromptKey = "prompt";

    protected override JsonNode? Recognize(IncomingTurn turn, PromptOptions options)
    {
        if (turn.Kind == TurnKind.CardAction)
        {
            return turn.Values.TryGetValue(PromptKey, out var prompt) && prompt == Id && turn.Values.TryGetValue(ChoiceKey, out var pressed)
                   && options.Choices.Any(c => c.Value == pressed)
                ? JsonValue.Create(pressed)
                : null;
        }

        var typed = Normalize(turn.Text);
        if (typed.Length == 0)
        {
            return null;
        }

        if (int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= options.Choices.Count)
        {
            return JsonValue.Create(options.Choices[number - 1].Value);
        }

        var match = options.Choices.FirstOrDefault(c =>
            Normalize(c.Title) == typed || Normalize(c.Value) == typed || (c.Synonyms?.Any(s => Normalize(s) == typed) ?? false));
        return match is null ? null : JsonValue.Create(match.Value);
    }

    protected override string DefaultRetry(PromptOptions options) =>
        options.Language == Language.Dutch ? "Kies een van de knoppen, of typ het nummer of de naam." : "Please pick one of the buttons, or type its number or name.";

    /// <summary>The pressed card keeps its question and shows the answer and who gave it, without buttons to press again.</summary>
    /// <summary>The choices the prompt offers (a prompt may have its own when the options give none).</summary>
    protected virtual IReadOnlyList<PromptChoice> ChoicesOf(PromptOptions options) => options.Choices;

    protected override Task OnAnsweredAsync(DialogContext dc, PromptOptions options, JsonNode value, CancellationToken cancellationToken)
    {
        if (dc.Turn.Kind != TurnKind.CardAction || dc.Turn.ReplyToId is not { } pressed)
        {
            return Task.CompletedTask;
        }

        var chosen = ChoicesOf(options).FirstOrDefault(c => c.Value == dc.Turn.Values.GetValueOrDefault(ChoiceKey))?.Title ?? value.ToString();
        var answered = (options.Language == Language.Dutch ? "Gekozen door {0}: {1}" : "Chosen by {0}: {1}").Replace("{0}", dc.Turn.From.Name, StringComparison.Ordinal).Replace("{1}", chosen, StringComparison.Ordinal);
        return dc.Context.UpdateAsync(pressed, OutgoingMessage.FromCard(new Card
        {
            Body = [new CardText(options.Text), new CardText(answered, TextStyle.Subtle)],
        }) with { Text = options.Text }, cancellationToken);
    }

    protected override OutgoingMessage Ask(PromptOptions options, string text) => OutgoingMessage.FromCard(new Card
    {
        Body = [new CardText(text)],
        Buttons = options.Choices
            .Select(c => new CardButton(c.Title, new Dictionary<string, string> { [PromptKey] = Id, [ChoiceKey] = c.Value }))
            .ToList(),
    }) with { Text = text };
}

/// <summary>Yes or no, in Dutch or English, by button or typed.</summary>
public sealed class ConfirmPrompt(string id) : ChoicePrompt(id)
{
    public static IReadOnlyList<PromptChoice> Choices(Language language) =>
    [
        new("yes", language == Language.Dutch ? "Ja" : "Yes", ["ja", "yes", "j", "y", "ok", "oke", "okay", "prima", "goed", "sure", "jazeker", "zeker"]),
        new("no", language == Language.Dutch ? "Nee" : "No", ["nee", "no", "n", "nope", "liever niet", "niet"]),
    ];

    /// <summary>Its own Ja/Nee when the options give none, so the answered card says "Gekozen door Anna: Ja", never "true".</summary>
    protected override IReadOnlyList<PromptChoice> ChoicesOf(PromptOptions options) => options.Choices.Count > 0 ? options.Choices : Choices(options.Language);

    protected override JsonNode? Recognize(IncomingTurn turn, PromptOptions options)
    {
        var value = base.Recognize(turn, options with { Choices = ChoicesOf(options) });
        return value is null ? null : JsonValue.Create(value.GetValue<string>() == "yes");
    }

    protected override OutgoingMessage Ask(PromptOptions options, string text) =>
        base.Ask(options with { Choices = options.Choices.Count > 0 ? options.Choices : Choices(options.Language) }, text);

    protected override string DefaultRetry(PromptOptions options) =>
        options.Language == Language.Dutch ? "Kies Ja of Nee." : "Please choose Yes or No.";
}

/// <summary>A number, with a comma or a point as the decimal mark.</summary>
public sealed class NumberPrompt(string id, Func<PromptValidatorContext, string?>? validator = null) : Prompt(id, validator)
{
    protected override JsonNode? Recognize(IncomingTurn turn, PromptOptions options)
    {
        var typed = turn.Kind == TurnKind.CardAction ? turn.Values.GetValueOrDefault("value", "") : turn.Text;
        var text = typed.Trim().Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : null;
    }

    protected override string DefaultRetry(PromptOptions options) =>
        options.Language == Language.Dutch ? "Dat is geen getal dat ik herken. Typ bijvoorbeeld 90." : "That's not a number I recognise. Type, for example, 90.";
}

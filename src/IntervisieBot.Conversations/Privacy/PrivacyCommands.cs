using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IntervisieBot.Conversations.Dialogs;
using IntervisieBot.Conversations.Messages;
using IntervisieBot.Conversations.Texts;
using Microsoft.Extensions.Options;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>
/// <c>forget</c>/<c>vergeet</c> and <c>export</c> in a group (J11). Forget asks twice: the first button turns the card into
/// a last check whose button carries a one-time code kept in the conversation's state for a few minutes; only that
/// second press erases, so a stray click or an old card does nothing. Export posts an expiring link to the group's
/// data as a JSON file.
/// </summary>
public sealed class PrivacyCommands(GroupData data, ExportLinkStore links, IOptions<ExportOptions> options, TimeProvider time) : ICommandHandler, ICardHandler
{
    public const string CardName = "forget";
    public const string CodeKey = "code";
    private const string PendingKey = "forgetConfirmation";

    /// <summary>Long enough to read the last check and press; short enough that an old card cannot erase later.</summary>
    private static readonly TimeSpan ConfirmWindow = TimeSpan.FromMinutes(10);

    public IReadOnlyCollection<Command> Commands { get; } = [Command.Forget, Command.Export];

    public string Card => CardName;

    public async Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = PrivacyTexts.For(Languages.FromLocale(turn.Locale));
        if (turn.Conversation.IsPersonal)
        {
            await dc.SendAsync(new OutgoingMessage(command == Command.Forget ? texts.ForgetInPersonalChat : texts.ExportInPersonalChat), cancellationToken);
            return;
        }

        if (command == Command.Forget)
        {
            await dc.SendAsync(OutgoingMessage.FromCard(AskCard(texts)), cancellationToken);
            return;
        }

        // Whatever followed the word (a token, an id) is ignored: an export is always of this conversation.
        var settings = options.Value;
        var (token, _) = await links.CreateAsync(turn.Conversation, settings.ExportLinkLifetime, cancellationToken);
        var link = settings.ExportBaseUrl.TrimEnd('/') + "/api/export/" + token;
        await dc.SendAsync(
            OutgoingMessage.FromCard(new Card
            {
                Title = texts.ExportTitle,
                Body = [new CardText(Format(texts.ExportReady, link, (int)settings.ExportLinkLifetime.TotalMinutes))],
            }),
            cancellationToken);
    }

    public async Task HandleAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = PrivacyTexts.For(Languages.FromLocale(turn.Locale));
        if (turn.Conversation.IsPersonal)
        {
            await dc.SendAsync(new OutgoingMessage(texts.ForgetInPersonalChat), cancellationToken);
            return;
        }

        switch (turn.Values.GetValueOrDefault(Cards.ActionKey))
        {
            case "ask":
                var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                dc.State.Values[PendingKey] = new JsonObject { [CodeKey] = code, ["until"] = time.GetUtcNow() + ConfirmWindow };
                await ReplaceAsync(dc, FinalCard(texts, code), cancellationToken);
                return;
            case "erase" when TakePending(dc):
                var forgotten = await data.ForgetAsync(turn.Conversation, cancellationToken);

                // The state is gone from storage; an empty state keeps it so (the turn deletes, never rewrites, it).
                dc.State.Stack.Clear();
                dc.State.Values.Clear();
                await ReplaceAsync(dc, ForgottenCard(texts, turn.From.Name, forgotten), cancellationToken);
                return;
            case "erase":
                await ReplaceAsync(dc, Answered(texts, texts.ForgetExpired, turn.From.Name), cancellationToken);
                return;
            default:
                dc.State.Values.Remove(PendingKey);
                await ReplaceAsync(dc, Answered(texts, texts.ForgetCancelled, turn.From.Name), cancellationToken);
                return;
        }
    }

    /// <summary>Whether the pressed button carries the code this conversation is waiting for, still in time; uses it up.</summary>
    private bool TakePending(DialogContext dc)
    {
        var pending = dc.State.Values[PendingKey];
        dc.State.Values.Remove(PendingKey);
        var expected = pending?[CodeKey]?.GetValue<string>();
        var until = pending?["until"]?.GetValue<DateTimeOffset>();
        var given = dc.Turn.Values.GetValueOrDefault(CodeKey);
        return expected is not null && given is not null && until > time.GetUtcNow()
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
    }

    private static Card AskCard(PrivacyTexts texts) => new()
    {
        Title = texts.ForgetTitle,
        Body = [new CardText(texts.ForgetWhat), new CardText(texts.ForgetIrreversible, TextStyle.Heading)],
        Buttons =
        [
            Cards.Button(texts.ForgetButton, "ask", CardName, ButtonStyle.Destructive),
            Cards.Button(texts.ForgetCancelButton, "cancel", CardName),
        ],
    };

    private static Card FinalCard(PrivacyTexts texts, string code) => new()
    {
        Title = texts.ForgetFinalTitle,
        Body = [new CardText(texts.ForgetWhat), new CardText(Format(texts.ForgetFinal, (int)ConfirmWindow.TotalMinutes), TextStyle.Heading)],
        Buttons =
        [
            new CardButton(
                texts.ForgetFinalButton,
                new Dictionary<string, string> { [Cards.ActionKey] = "erase", [Cards.CardKey] = CardName, [CodeKey] = code },
                ButtonStyle.Destructive),
            Cards.Button(texts.ForgetCancelButton, "cancel", CardName),
        ],
    };

    private static Card ForgottenCard(PrivacyTexts texts, string by, IReadOnlyList<(string Store, int Items)> forgotten)
    {
        var lines = forgotten.Select(f => $"- {texts.StoreNames.GetValueOrDefault(f.Store, f.Store)}: {f.Items}").ToList();
        return new Card
        {
            Title = texts.ForgottenTitle,
            Body = [new CardText(lines.Count == 0 ? Format(texts.ForgottenNothing, by) : Format(texts.Forgotten, by, string.Join("\n", lines)))],
        };
    }

    private static Card Answered(PrivacyTexts texts, string text, string by) => new()
    {
        Title = texts.ForgetTitle,
        Body = [new CardText(text), new CardText(Format(texts.AnsweredBy, by), TextStyle.Subtle)],
    };

    /// <summary>The pressed card is replaced (so its buttons cannot be pressed again); without one, the answer is sent.</summary>
    private static async Task ReplaceAsync(DialogContext dc, Card card, CancellationToken cancellationToken)
    {
        if (dc.Turn.ReplyToId is { } pressed)
        {
            await dc.Context.UpdateAsync(pressed, OutgoingMessage.FromCard(card), cancellationToken);
        }
        else
        {
            await dc.SendAsync(OutgoingMessage.FromCard(card), cancellationToken);
        }
    }

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}

using System.Globalization;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain;
using IntervisieBot.Domain.Groups;

namespace IntervisieBot.Conversations.Groups;

/// <summary>
/// J2 in chat: <c>afspraken</c>/<c>agreements</c> lists them with who added each and when, with buttons that open a
/// small form to add, change or remove one. Typed: <c>afspraak toevoegen …</c>, <c>afspraak wijzigen 2 …</c>,
/// <c>afspraak verwijderen 2</c> (or <c>afspraak 2 wijzigen …</c>; English: add, change, remove). Numbers are the
/// positions in the list; the forms carry the agreement's own number, so they stay right when the list changes.
/// </summary>
public sealed class AgreementCommands(GroupStore groups, TimeProvider time) : ICommandHandler, ICardHandler
{
    public const string CardName = "agreements";
    public const string TextInput = "text";
    public const string NumberInput = "number";

    /// <summary>On a change or remove form: the agreements as they were when the form was drawn (<see cref="Version"/>).</summary>
    public const string VersionKey = "v";

    public IReadOnlyCollection<Command> Commands { get; } = [Command.Agreements];

    public string Card => CardName;

    public Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken)
    {
        var words = argument.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        // "2 wijzigen ..." reads the same as "wijzigen 2 ...".
        if (words.Length >= 2 && int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            (words[0], words[1]) = (words[1], words[0]);
        }

        var verb = words.Length > 0 ? words[0].ToLowerInvariant() : "";
        var action = verb switch
        {
            "" => "show",
            "toevoegen" or "nieuw" or "nieuwe" or "erbij" or "add" or "new" => "add",
            "wijzigen" or "wijzig" or "aanpassen" or "veranderen" or "change" or "edit" => "change",
            "verwijderen" or "verwijder" or "weg" or "schrappen" or "remove" or "delete" => "remove",
            "bespreken" or "evalueren" or "review" => "review",
            _ => "usage",
        };
        if (action == "review")
        {
            // "afspraken bespreken elke 4" / "agreements review every 4": the number is the last word (0: never).
            var last = argument.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
            return ReviewEveryAsync(dc, int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var every) ? every : null, cancellationToken);
        }

        var rest = action == "add" ? argument.Trim()[verb.Length..].Trim() : words.Length > 2 ? words[2] : "";
        var position = action is "change" or "remove" && words.Length > 1 && int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : (int?)null;
        return RunAsync(dc, action, position, null, rest, cancellationToken);
    }

    /// <summary>Every how many sessions the agenda includes reviewing the agreements (J2; 0 means never).</summary>
    private async Task ReviewEveryAsync(DialogContext dc, int? every, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        if (await GroupCards.OnlyInTheGroupAsync(dc, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        var updated = await groups.UpdateAsync(turn.Conversation, group =>
        {
            if (every is not { } n || n > 12)
            {
                return (false, false);
            }

            group.ChangeSettings(group.Settings with { ReviewAgreementsEvery = n }, now);
            return (true, true);
        }, cancellationToken);
        if (updated is not { Group: var saved, Result: var changed })
        {
            await dc.SendAsync(new OutgoingMessage(GroupTexts.For(Language.FromLocale(turn.Locale)).NotSetUp), cancellationToken);
            return;
        }

        var texts = GroupCards.TextsFor(saved, turn.Locale);
        await dc.SendAsync(
            new OutgoingMessage(!changed
                ? texts.ReviewEveryUsage
                : saved.Settings.ReviewAgreementsEvery == 0 ? texts.ReviewNever : GroupCards.Format(texts.ReviewEvery, saved.Settings.ReviewAgreementsEvery)),
            cancellationToken);
    }

    public Task HandleAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var values = dc.Turn.Values;
        var number = values.TryGetValue(NumberInput, out var n) && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        return RunAsync(dc, values.GetValueOrDefault(Cards.ActionKey, "show"), null, number, values.GetValueOrDefault(TextInput, ""), cancellationToken, values.GetValueOrDefault(VersionKey));
    }

    /// <param name="dc">The turn.</param>
    /// <param name="action">show, usage, add, change, remove, or a form to open (add-form, change-form, remove-form).</param>
    /// <param name="position">Typed: the agreement's place in the list (1 is the first).</param>
    /// <param name="number">From a form: the agreement's own number.</param>
    /// <param name="text">The new text, for add and change.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <param name="version">From a change or remove form: <see cref="Version"/> of the agreements it was drawn from.</param>
    private async Task RunAsync(DialogContext dc, string action, int? position, int? number, string text, CancellationToken cancellationToken, string? version = null)
    {
        var turn = dc.Turn;
        if (await GroupCards.OnlyInTheGroupAsync(dc, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        string? said = null;
        Card? form = null;
        var updated = await groups.UpdateAsync(turn.Conversation, group =>
        {
            var texts = GroupCards.TextsFor(group, turn.Locale);
            said = null;
            form = null;
            var target = number ?? (position is { } at && at >= 1 && at <= group.Agreements.Count ? group.Agreements[at - 1].Number : null);
            if (action is "change" or "remove" && version is not null && version != Version(group))
            {
                // The form showed texts that have changed since: acting on it could change or remove the wrong thing.
                said = texts.AgreementFormOutOfDate;
                return (false, 0);
            }

            if (action is "add" or "change" && text.Length > 0 && Agreement.Clean(text) is null)
            {
                said = texts.AgreementEmpty;
                return (false, 0);
            }

            switch (action)
            {
                case "add" when text.Length == 0:
                case "add-form":
                    form = Form(group, texts, "add");
                    return (false, 0);
                case "add":
                    said = GroupCards.Format(texts.AgreementAdded, group.AddAgreement(text, turn.From.Name, now).Text);
                    return (true, 0);
                case "change-form" or "remove-form":
                    form = Form(group, texts, action[..^5]);
                    return (false, 0);
                case "change" or "remove" when target is null:
                    said = position is null && number is null ? texts.AgreementsUsage : GroupCards.Format(texts.AgreementUnknown, position ?? number ?? 0);
                    return (false, 0);
                case "change" when text.Length == 0:
                    form = Form(group, texts, "change", target);
                    return (false, 0);
                case "change":
                    var changed = group.ChangeAgreement(target!.Value, text, turn.From.Name, now);
                    said = changed is null ? GroupCards.Format(texts.AgreementUnknown, position ?? number ?? 0) : GroupCards.Format(texts.AgreementChanged, changed.Text);
                    return (changed is not null, 0);
                case "remove":
                    var removed = group.RemoveAgreement(target!.Value);
                    said = removed is null ? GroupCards.Format(texts.AgreementUnknown, position ?? number ?? 0) : GroupCards.Format(texts.AgreementRemoved, removed.Text);
                    return (removed is not null, 0);
                case "usage":
                    said = texts.AgreementsUsage;
                    return (false, 0);
                default:
                    return (false, 0);
            }
        }, cancellationToken);
        if (updated is not { Group: var saved })
        {
            var texts = GroupTexts.For(Language.FromLocale(turn.Locale));
            await dc.SendAsync(OutgoingMessage.FromCard(new Card { Body = [new CardText(texts.NotSetUp)], Buttons = [GroupCards.CommandButton(texts.SetupButton, texts.SetupCommand, ButtonStyle.Positive)] }), cancellationToken);
            return;
        }

        if (said is not null)
        {
            await dc.SendAsync(new OutgoingMessage(said), cancellationToken);
        }

        if (form is not null)
        {
            await dc.SendAsync(OutgoingMessage.FromCard(form), cancellationToken);
            return;
        }

        if (action is "show" or "add" or "change" or "remove" && (said is null || action != "show"))
        {
            await dc.SendAsync(OutgoingMessage.FromCard(List(saved, GroupCards.TextsFor(saved, turn.Locale))), cancellationToken);
        }
    }

    /// <summary>The agreements, numbered, each with who added it and when (and who changed it last).</summary>
    public static Card List(Group group, GroupTexts texts)
    {
        string When(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, group.Schedule.Zone).ToString("d MMMM yyyy", texts.Culture);
        var body = new List<CardElement>();
        if (group.Agreements.Count == 0)
        {
            body.Add(new CardText(texts.NoAgreements));
        }

        foreach (var (agreement, index) in group.Agreements.Select((a, i) => (a, i)))
        {
            body.Add(new CardText($"{index + 1}. {agreement.Text}"));
            var by = texts.AgreementBy(agreement.AddedBy, When(agreement.AddedAt))
                + (agreement.ChangedBy is { } changer ? " · " + texts.AgreementChangedBy(changer, When(agreement.ChangedAt!.Value)) : "");
            body.Add(new CardText(by, TextStyle.Subtle));
        }

        return new Card
        {
            Title = texts.AgreementsTitle,
            Body = body,
            Buttons =
            [
                Cards.Button(texts.AddButton, "add-form", CardName, ButtonStyle.Positive),
                .. group.Agreements.Count == 0 ? Array.Empty<CardButton>() : [Cards.Button(texts.ChangeButton, "change-form", CardName), Cards.Button(texts.RemoveButton, "remove-form", CardName)],
            ],
        };
    }

    private static Card Form(Group group, GroupTexts texts, string action, int? number = null)
    {
        var choose = new CardChoiceInput(
            NumberInput,
            texts.WhichAgreementLabel,
            group.Agreements.Select((a, i) => new CardChoice($"{i + 1}. {Short(a.Text)}", a.Number.ToString(CultureInfo.InvariantCulture))).ToList(),
            Value: (number ?? (group.Agreements.Count > 0 ? group.Agreements[0].Number : null))?.ToString(CultureInfo.InvariantCulture));
        var current = number is { } n ? group.Agreements.FirstOrDefault(a => a.Number == n)?.Text : null;
        return action switch
        {
            "add" => new Card
            {
                Title = texts.AgreementsTitle,
                Body = [new CardInput(TextInput, texts.NewAgreementLabel, InputKind.MultilineText, Required: true)],
                Buttons = [Cards.Button(texts.SaveButton, "add", CardName, ButtonStyle.Positive)],
            },
            "change" => new Card
            {
                Title = texts.AgreementsTitle,
                Body = [choose, new CardInput(TextInput, texts.NewTextLabel, InputKind.MultilineText, Value: current, Required: true)],
                Buttons = [Stamped(Cards.Button(texts.SaveButton, "change", CardName, ButtonStyle.Positive), group)],
            },
            _ => new Card
            {
                Title = texts.AgreementsTitle,
                Body = [choose],
                Buttons = [Stamped(Cards.Button(texts.RemoveButton, "remove", CardName, ButtonStyle.Destructive), group)],
            },
        };
    }

    private static CardButton Stamped(CardButton button, Group group) =>
        button with { Data = new Dictionary<string, string>(button.Data) { [VersionKey] = Version(group) } };

    /// <summary>A short fingerprint of the agreements (numbers and texts): any add, change or removal changes it.</summary>
    private static string Version(Group group)
    {
        var all = string.Join("\n", group.Agreements.Select(a => a.Number.ToString(CultureInfo.InvariantCulture) + "\t" + a.Text));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(all)).AsSpan(0, 8));
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";
}

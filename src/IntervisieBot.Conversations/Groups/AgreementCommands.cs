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
/// A long list is shown <see cref="PageSize"/> at a time (<c>afspraken 2</c>, or the button under the card), so the
/// card stays within what Teams and Slack take in one message; a group keeps at most <see cref="Group.MaxAgreements"/>.
/// </summary>
public sealed class AgreementCommands(GroupStore groups, TimeProvider time) : ICommandHandler, ICardHandler
{
    public const string CardName = "agreements";
    public const string TextInput = "text";
    public const string NumberInput = "number";

    /// <summary>On a change or remove form: the agreements as they were when the form was drawn (<see cref="Version"/>).</summary>
    public const string VersionKey = "v";

    /// <summary>On the list and its forms: which page of the agreements (1 is the first).</summary>
    public const string PageKey = "p";

    /// <summary>
    /// Agreements on one card: 20 of the longest make an Adaptive Card of about 12 KB (Teams takes about 28 KB) and
    /// 44 Slack blocks (Slack takes 50).
    /// </summary>
    public const int PageSize = 20;

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
        if (words.Length == 1 && int.TryParse(verb, NumberStyles.None, CultureInfo.InvariantCulture, out var page))
        {
            // "afspraken 2": the second page of the list.
            return RunAsync(dc, "show", null, null, "", cancellationToken, page: page);
        }

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
        var page = values.TryGetValue(PageKey, out var p) && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var shown) ? shown : 1;
        return RunAsync(dc, values.GetValueOrDefault(Cards.ActionKey, "show"), null, number, values.GetValueOrDefault(TextInput, ""), cancellationToken, values.GetValueOrDefault(VersionKey), page);
    }

    /// <param name="dc">The turn.</param>
    /// <param name="action">show, usage, add, change, remove, or a form to open (add-form, change-form, remove-form).</param>
    /// <param name="position">Typed: the agreement's place in the list (1 is the first).</param>
    /// <param name="number">From a form: the agreement's own number.</param>
    /// <param name="text">The new text, for add and change.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <param name="version">From a change or remove form: <see cref="Version"/> of the agreements it was drawn from.</param>
    /// <param name="page">The page of the list to show, and whose agreements a change or remove form offers.</param>
    private async Task RunAsync(DialogContext dc, string action, int? position, int? number, string text, CancellationToken cancellationToken, string? version = null, int page = 1)
    {
        var turn = dc.Turn;
        if (await GroupCards.OnlyInTheGroupAsync(dc, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        string? said = null;
        Card? form = null;
        GroupTexts? groupTexts = null;
        (Group Group, int Result)? updated;
        try
        {
            updated = await groups.UpdateAsync(turn.Conversation, group =>
            {
                var texts = groupTexts = GroupCards.TextsFor(group, turn.Locale);
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
                    case "add" or "add-form" when !group.CanAddAgreement:
                        said = texts.AgreementsFull(Group.MaxAgreements);
                        return (false, 0);
                    case "add" when text.Length == 0:
                    case "add-form":
                        form = Form(group, texts, "add");
                        return (false, 0);
                    case "add":
                        said = GroupCards.Format(texts.AgreementAdded, group.AddAgreement(text, turn.From.Name, now).Text);
                        return (true, 0);
                    case "change-form" or "remove-form":
                        form = Form(group, texts, action[..^5], page: page);
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
        }
        catch (GroupTooLargeException)
        {
            // Only removing something can help; "try again" would not.
            var texts = groupTexts ?? GroupTexts.For(Language.FromLocale(turn.Locale));
            await dc.SendAsync(new OutgoingMessage(texts.GroupTooLarge), cancellationToken);
            return;
        }

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
            // After an add, the page with the new agreement (the last); after a change or removal, the page the form showed.
            var shown = action == "add" ? PageCount(saved) : page;
            await dc.SendAsync(OutgoingMessage.FromCard(List(saved, GroupCards.TextsFor(saved, turn.Locale), shown)), cancellationToken);
        }
    }

    /// <summary>
    /// The agreements, numbered, each with who added it and when (and who changed it last); of a long list, the
    /// <see cref="PageSize"/> on <paramref name="page"/>, with how many follow and a button to see them.
    /// </summary>
    public static Card List(Group group, GroupTexts texts, int page = 1)
    {
        string When(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, group.Schedule.Zone).ToString("d MMMM yyyy", texts.Culture);
        page = Math.Clamp(page, 1, PageCount(group));
        var body = new List<CardElement>();
        if (group.Agreements.Count == 0)
        {
            body.Add(new CardText(texts.NoAgreements));
        }

        var first = (page - 1) * PageSize;
        foreach (var (agreement, index) in group.Agreements.Select((a, i) => (a, i)).Skip(first).Take(PageSize))
        {
            body.Add(new CardText($"{index + 1}. {agreement.Text}"));
            var by = texts.AgreementBy(agreement.AddedBy, When(agreement.AddedAt))
                + (agreement.ChangedBy is { } changer ? " · " + texts.AgreementChangedBy(changer, When(agreement.ChangedAt!.Value)) : "");
            body.Add(new CardText(by, TextStyle.Subtle));
        }

        var pages = PageCount(group);
        if (pages > 1)
        {
            var last = Math.Min(first + PageSize, group.Agreements.Count);
            body.Add(new CardText(texts.AgreementsShown(first + 1, last, group.Agreements.Count), TextStyle.Subtle));
            if (page < pages)
            {
                body.Add(new CardText(texts.MoreAgreements(group.Agreements.Count - last, page + 1)));
            }
        }

        return new Card
        {
            Title = texts.AgreementsTitle,
            Body = body,
            Buttons =
            [
                .. page < pages ? [OnPage(Cards.Button(texts.MoreAgreementsButton, "show", CardName, ButtonStyle.Positive), page + 1)] : Array.Empty<CardButton>(),
                .. page == pages && pages > 1 ? [Cards.Button(texts.FirstAgreementsButton, "show", CardName)] : Array.Empty<CardButton>(),
                Cards.Button(texts.AddButton, "add-form", CardName, page < pages ? ButtonStyle.Default : ButtonStyle.Positive),
                .. group.Agreements.Count == 0
                    ? Array.Empty<CardButton>()
                    : [OnPage(Cards.Button(texts.ChangeButton, "change-form", CardName), page), OnPage(Cards.Button(texts.RemoveButton, "remove-form", CardName), page)],
            ],
        };
    }

    private static int PageCount(Group group) => Math.Max(1, (group.Agreements.Count + PageSize - 1) / PageSize);

    private static CardButton OnPage(CardButton button, int page) =>
        page == 1 ? button : button with { Data = new Dictionary<string, string>(button.Data) { [PageKey] = page.ToString(CultureInfo.InvariantCulture) } };

    /// <summary>A form to add, change or remove one; a change or remove form offers the agreements of <paramref name="page"/> (or of the page that holds <paramref name="number"/>).</summary>
    private static Card Form(Group group, GroupTexts texts, string action, int? number = null, int page = 1)
    {
        if (number is { } chosen && group.Agreements.ToList().FindIndex(a => a.Number == chosen) is >= 0 and var at)
        {
            page = (at / PageSize) + 1;
        }

        page = Math.Clamp(page, 1, PageCount(group));
        var offered = group.Agreements.Select((a, i) => (a, i)).Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var choose = new CardChoiceInput(
            NumberInput,
            texts.WhichAgreementLabel,
            offered.Select(x => new CardChoice($"{x.i + 1}. {Short(x.a.Text)}", x.a.Number.ToString(CultureInfo.InvariantCulture))).ToList(),
            Value: (number ?? (offered.Count > 0 ? offered[0].a.Number : null))?.ToString(CultureInfo.InvariantCulture));
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
                Buttons = [OnPage(Stamped(Cards.Button(texts.SaveButton, "change", CardName, ButtonStyle.Positive), group), page)],
            },
            _ => new Card
            {
                Title = texts.AgreementsTitle,
                Body = [choose],
                Buttons = [OnPage(Stamped(Cards.Button(texts.RemoveButton, "remove", CardName, ButtonStyle.Destructive), group), page)],
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

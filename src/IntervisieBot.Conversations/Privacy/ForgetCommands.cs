using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntervisieBot.Conversations.Scheduling;
using IntervisieBot.Dialogs;
using IntervisieBot.Dialogs.Messages;
using Microsoft.Extensions.Options;
using IntervisieBot.Domain;

namespace IntervisieBot.Conversations.Privacy;

/// <summary>
/// <c>forget</c>/<c>vergeet</c> (J11). Forget asks first; confirmed, it is announced in the group (who
/// asked, what will be erased, when) and planned as durable due work after <see cref="ForgetOptions.ForgetGracePeriod"/>,
/// in which any participant can cancel it (the button, or <c>vergeet annuleren</c>). Only the one who asked can make it
/// run at once, and only when nobody else is left in the conversation. Each announcement's buttons carry the request's
/// one-time code, so a card of an earlier request does nothing. <c>export</c> is <see cref="ExportCommands"/>.
/// </summary>
public sealed class ForgetCommands(
    GroupData data,
    IOptions<ForgetOptions> forgetOptions,
    Groups.GroupStore groups,
    TimeProvider time,
    IDueWorkScheduler? scheduler = null) : ICommandHandler, ICardHandler, IScheduledTurnHandler
{
    public const string CardName = "forget";
    public const string CodeKey = "code";
    public const string WorkId = "forget";
    public const string ByKey = "by";

    /// <summary>The words after <c>vergeet</c>/<c>forget</c> that cancel a planned erase.</summary>
    private static readonly HashSet<string> CancelWords = new(StringComparer.OrdinalIgnoreCase) { "annuleren", "annuleer", "cancel", "stop", "niet" };

    public IReadOnlyCollection<Command> Commands { get; } = [Command.Forget];

    public string Card => CardName;

    string IScheduledTurnHandler.Name => WorkId;

    /// <summary>"vergeet annuleren" stops a planned erase whatever runs; it is never an answer to the running flow.</summary>
    public bool AnswersWhileAFlowRuns(Command command, string argument) => command == Command.Forget && IsCancel(argument);

    /// <summary>Whether <paramref name="argument"/> (what followed <c>vergeet</c>) asks to cancel a planned erase.</summary>
    public static bool IsCancel(string argument) => CancelWords.Contains(argument.Trim().TrimEnd('.', '!'));

    public async Task HandleAsync(DialogContext dc, Command command, string argument, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = PrivacyTexts.For(Language.FromLocale(turn.Locale));
        if (turn.Conversation.IsPersonal)
        {
            await dc.SendAsync(new OutgoingMessage(texts.ForgetInPersonalChat), cancellationToken);
            return;
        }

        if (IsCancel(argument))
        {
            await CancelAsync(dc, texts, code: null, cancellationToken);
        }
        else if (await PendingAsync(turn.Conversation, cancellationToken) is { } pending)
        {
            var named = pending with { Name = await NameOfAsync(dc.Context, pending.By, texts, cancellationToken) };
            await dc.SendAsync(OutgoingMessage.FromCard(PendingCard(texts, named, await WhenAsync(turn.Conversation, named.Work.DueAt, texts, cancellationToken))), cancellationToken);
        }
        else
        {
            await dc.SendAsync(OutgoingMessage.FromCard(AskCard(texts)), cancellationToken);
        }
    }

    public async Task HandleAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var texts = PrivacyTexts.For(Language.FromLocale(turn.Locale));
        if (turn.Conversation.IsPersonal)
        {
            await dc.SendAsync(new OutgoingMessage(texts.ForgetInPersonalChat), cancellationToken);
            return;
        }

        var code = turn.Values.GetValueOrDefault(CodeKey);
        switch (turn.Values.GetValueOrDefault(Cards.ActionKey))
        {
            case "ask":
                await RequestAsync(dc, texts, cancellationToken);
                return;
            case "keep":
                await CancelAsync(dc, texts, code, cancellationToken);
                return;
            case "now":
                await EraseNowAsync(dc, texts, code, cancellationToken);
                return;
            case "erase":
                // The last check of an earlier version of this card: erasing now goes through the grace period.
                await ReplaceAsync(dc, Answered(texts, texts.ForgetExpired, turn.From.Name), cancellationToken);
                return;
            default:
                await ReplaceAsync(dc, Answered(texts, texts.ForgetCancelled, turn.From.Name), cancellationToken);
                return;
        }
    }

    /// <summary>The planned erase, when it is due: everything of the group goes, and the group hears what went.</summary>
    async Task IScheduledTurnHandler.HandleAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var texts = PrivacyTexts.For(Language.FromLocale(turn.Locale));
        var by = await NameOfAsync(context, turn.Values.GetValueOrDefault(ByKey, ""), texts, cancellationToken);
        await data.ForgetAsync(
            turn.Conversation,
            forgotten => context.SendAsync(OutgoingMessage.FromCard(ForgottenCard(texts, by, forgotten)), cancellationToken),
            cancellationToken);
    }

    /// <summary>"Ja, alles wissen": the erase is planned after the grace period and announced in the group.</summary>
    private async Task RequestAsync(DialogContext dc, PrivacyTexts texts, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        if (scheduler is null)
        {
            // Without a scheduler (a bot composed without one) nothing can wait: the confirmation erases.
            await EraseAsync(dc, texts, cancellationToken);
            return;
        }

        if (await PendingAsync(turn.Conversation, cancellationToken) is { } already)
        {
            var named = already with { Name = await NameOfAsync(dc.Context, already.By, texts, cancellationToken) };
            await ReplaceAsync(dc, PendingCard(texts, named, await WhenAsync(turn.Conversation, named.Work.DueAt, texts, cancellationToken)), cancellationToken);
            return;
        }

        var work = new DueWork(turn.Conversation, WorkId, ScheduledTurnHandler.WorkKind, time.GetUtcNow() + forgetOptions.Value.ForgetGracePeriod)
        {
            Data = new Dictionary<string, string>
            {
                [IScheduledTurnHandler.NameKey] = WorkId,
                [ByKey] = turn.From.Id,
                [CodeKey] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                [ScheduledTurnHandler.LocaleKey] = turn.Locale ?? "",
            },
        };
        await scheduler.ScheduleAsync(work, cancellationToken);
        await ReplaceAsync(dc, PendingCard(texts, new Pending(work, turn.From.Name), await WhenAsync(turn.Conversation, work.DueAt, texts, cancellationToken)), cancellationToken);
    }

    private async Task CancelAsync(DialogContext dc, PrivacyTexts texts, string? code, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var pending = await PendingAsync(turn.Conversation, cancellationToken);
        if (pending is null || scheduler is null)
        {
            await SayAsync(dc, Answered(texts, texts.ForgetNothingPending, turn.From.Name), code, cancellationToken);
            return;
        }

        if (code is not null && !Same(pending.Code, code))
        {
            await dc.SendAsync(new OutgoingMessage(texts.ForgetCardOutOfDate), cancellationToken);
            return;
        }

        await scheduler.CancelAsync(turn.Conversation, WorkId, cancellationToken);
        await SayAsync(dc, Answered(texts, Format(texts.ForgetCancelledBy, turn.From.Name), turn.From.Name), code, cancellationToken);
    }

    private async Task EraseNowAsync(DialogContext dc, PrivacyTexts texts, string? code, CancellationToken cancellationToken)
    {
        var turn = dc.Turn;
        var pending = await PendingAsync(turn.Conversation, cancellationToken);
        if (pending is null || code is null || !Same(pending.Code, code))
        {
            await dc.SendAsync(new OutgoingMessage(pending is null ? texts.ForgetNothingPending : texts.ForgetCardOutOfDate), cancellationToken);
            return;
        }

        var others = (await dc.Context.GetMembersAsync(cancellationToken)).Where(m => m.Id != turn.From.Id && m.Id != turn.Bot.Id).ToList();
        if (pending.By != turn.From.Id || others.Count > 0)
        {
            await dc.SendAsync(new OutgoingMessage(Format(texts.ForgetNowRefused, await WhenAsync(turn.Conversation, pending.Work.DueAt, texts, cancellationToken))), cancellationToken);
            return;
        }

        await EraseAsync(dc, texts, cancellationToken);
    }

    private async Task EraseAsync(DialogContext dc, PrivacyTexts texts, CancellationToken cancellationToken)
    {
        var forgotten = await data.ForgetAsync(dc.Turn.Conversation, cancellationToken: cancellationToken);

        // The state is gone from storage; an empty state keeps it so (the turn deletes, never rewrites, it).
        dc.State.Stack.Clear();
        dc.State.Values.Clear();
        dc.State.LiveMessages = null;
        await ReplaceAsync(dc, ForgottenCard(texts, dc.Turn.From.Name, forgotten), cancellationToken);
    }

    private async Task<Pending?> PendingAsync(ConversationAddress group, CancellationToken cancellationToken)
    {
        if (scheduler is null || (await scheduler.ListAsync(group, cancellationToken)).FirstOrDefault(w => w.Id == WorkId) is not { } work)
        {
            return null;
        }

        return new Pending(work, null);
    }

    private static async Task<string> NameOfAsync(ITurnContext context, string memberId, PrivacyTexts texts, CancellationToken cancellationToken) =>
        (await context.GetMembersAsync(cancellationToken)).FirstOrDefault(m => m.Id == memberId)?.Name ?? texts.SomeParticipant;

    private static bool Same(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));

    /// <summary>"vrijdag 4 december om 19:30": in the group's time zone (Amsterdam's before set-up), in the reader's language.</summary>
    private async Task<string> WhenAsync(ConversationAddress group, DateTimeOffset at, PrivacyTexts texts, CancellationToken cancellationToken)
    {
        var zone = (await groups.GetAsync(group, cancellationToken))?.Schedule.Zone ?? TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return texts.DayAtTime(local.ToString("dddd d MMMM", texts.Culture), local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    private string Grace(PrivacyTexts texts)
    {
        var grace = forgetOptions.Value.ForgetGracePeriod;
        if (grace.TotalHours >= 1 && grace.TotalHours % 1 == 0)
        {
            return grace.TotalHours == 1 ? texts.OneHour : Format(texts.Hours, (int)grace.TotalHours);
        }

        var minutes = (int)Math.Ceiling(grace.TotalMinutes);
        return minutes == 1 ? texts.OneMinute : Format(texts.Minutes, minutes);
    }

    private Card AskCard(PrivacyTexts texts) => new()
    {
        Title = texts.ForgetTitle,
        Body = [new CardText(texts.ForgetWhat), new CardText(Format(texts.ForgetIrreversible, Grace(texts)), TextStyle.Heading)],
        Buttons =
        [
            Cards.Button(texts.ForgetButton, "ask", CardName, ButtonStyle.Destructive),
            Cards.Button(texts.ForgetCancelButton, "cancel", CardName),
        ],
    };

    private static Card PendingCard(PrivacyTexts texts, Pending pending, string when) => new()
    {
        Title = texts.ForgetPendingTitle,
        Body =
        [
            new CardText(texts.ForgetPending(pending.Name ?? texts.SomeParticipant, when)),
            new CardText(texts.ForgetWhat),
            new CardText(texts.ForgetHowToCancel, TextStyle.Heading),
        ],
        Buttons =
        [
            new CardButton(texts.ForgetKeepButton, new Dictionary<string, string> { [Cards.ActionKey] = "keep", [Cards.CardKey] = CardName, [CodeKey] = pending.Code }, ButtonStyle.Positive),
            new CardButton(texts.ForgetNowButton, new Dictionary<string, string> { [Cards.ActionKey] = "now", [Cards.CardKey] = CardName, [CodeKey] = pending.Code }, ButtonStyle.Destructive),
        ],
    };

    private static Card ForgottenCard(PrivacyTexts texts, string by, IReadOnlyList<(string Store, int Items)> forgotten)
    {
        // What was erased, in words: never a store's name or a count of rows.
        var lines = forgotten.Select(f => texts.StoreNames.GetValueOrDefault(f.Store, texts.OtherData)).Distinct().Select(name => "- " + name).ToList();
        return new Card
        {
            Title = texts.ForgottenTitle,
            Body = [new CardText(lines.Count == 0 ? Format(texts.ForgottenNothing, by) : texts.Forgotten(by, string.Join("\n", lines)))],
        };
    }

    private static Card Answered(PrivacyTexts texts, string text, string by) => new()
    {
        Title = texts.ForgetTitle,
        Body = [new CardText(text), new CardText(Format(texts.AnsweredBy, by), TextStyle.Subtle)],
    };

    /// <summary>A pressed card is replaced by the answer; a typed request gets it as a new message.</summary>
    private static Task SayAsync(DialogContext dc, Card card, string? code, CancellationToken cancellationToken) =>
        code is null ? dc.SendAsync(OutgoingMessage.FromCard(card), cancellationToken) : ReplaceAsync(dc, card, cancellationToken);

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

    /// <summary>A planned erase: its due work, and who asked (when known in this turn).</summary>
    private sealed record Pending(DueWork Work, string? Name)
    {
        public string Code => Work.Data.GetValueOrDefault(CodeKey, "");

        public string By => Work.Data.GetValueOrDefault(ByKey, "");
    }
}

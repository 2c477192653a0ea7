using System.Globalization;
using IntervisieBot.Dialogs.Messages;
using IntervisieBot.Domain.Sessions;

namespace IntervisieBot.Conversations.Sessions;

/// <summary>
/// A member's request to the running session, read from a pressed button's data or from typed words, and the button
/// data that asks for it. The names in button data never change: cards already sent in a chat carry them.
/// </summary>
public sealed record SessionAction(SessionActionKind Kind)
{
    /// <summary>The button data key that names the action.</summary>
    public const string Key = "session";

    /// <summary>The minutes "extend" adds when no number is given.</summary>
    public const int DefaultExtension = 5;

    private const string AtKey = "at";
    private const string ValueKey = "value";
    private const string MinutesKey = "minutes";
    private const string LabelPrefix = "label-";

    /// <summary>Where the session was when the button was shown (see <see cref="SessionCards.Where"/>), if stamped.</summary>
    public string? At { get; init; }

    /// <summary>The rating or choice the button carries; for extend the minutes asked (from the button or typed).</summary>
    public string? Value { get; init; }

    /// <summary>From the rank card: each question's label, by question number, in the order the card gave them.</summary>
    public IReadOnlyList<(int Number, QuestionLabel Label)> Labels { get; init; } = [];

    /// <summary>Whether it moves the session between steps (or on in the close).</summary>
    public bool Moves => Kind is SessionActionKind.Next or SessionActionKind.Skip or SessionActionKind.Back or SessionActionKind.Reveal;

    /// <summary>The minutes an extend asks for: the number given (1 to 60), else <see cref="DefaultExtension"/>.</summary>
    public int Minutes =>
        int.TryParse((Value ?? "").Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is >= 1 and <= 60
            ? minutes
            : DefaultExtension;

    /// <summary>
    /// The action of a turn in the group: the pressed button's (an unknown one is no action), otherwise the command
    /// word typed on its own ("volgende", "klaar", "verleng 10"); null when it is neither.
    /// </summary>
    public static SessionAction? Parse(IncomingTurn turn)
    {
        var values = turn.Values;
        var kind = values.TryGetValue(Key, out var pressed) ? FromName(pressed) : FromWords(turn.Text);
        if (kind is not { } known)
        {
            return null;
        }

        return new SessionAction(known)
        {
            At = values.GetValueOrDefault(AtKey),
            Value = known switch
            {
                SessionActionKind.Extend => values.GetValueOrDefault(MinutesKey) ?? Commands.Parse(turn.Text).Argument,
                SessionActionKind.Rate or SessionActionKind.Choose => values.GetValueOrDefault(ValueKey, ""),
                _ => null,
            },
            Labels = known == SessionActionKind.Rank ? LabelsOf(values) : [],
        };
    }

    /// <summary>The data of a button that asks for this action.</summary>
    public IReadOnlyDictionary<string, string> ToData()
    {
        var data = new Dictionary<string, string> { [Key] = Name(Kind) };
        if (At is { } at)
        {
            data[AtKey] = at;
        }

        if (Value is { } value)
        {
            data[Kind == SessionActionKind.Extend ? MinutesKey : ValueKey] = value;
        }

        return data;
    }

    /// <summary>The rank card's input for question <paramref name="number"/>.</summary>
    public static string LabelInput(int number) => LabelPrefix + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The rank card's value for a label.</summary>
    public static string LabelValue(QuestionLabel label) => label switch
    {
        QuestionLabel.Helpful => "helpful",
        QuestionLabel.Neutral => "neutral",
        _ => "not",
    };

    /// <summary>A label typed in a rank step: "2 helpend", "3. neutral", "1 niet helpend".</summary>
    public static (int Number, QuestionLabel Label)? LabelInWords(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0].TrimEnd('.', ':'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        QuestionLabel? label = parts[1] switch
        {
            "helpend" or "helpful" => QuestionLabel.Helpful,
            "neutraal" or "neutral" => QuestionLabel.Neutral,
            "niet helpend" or "niet" or "not helpful" or "not" => QuestionLabel.NotHelpful,
            _ => null,
        };
        return label is { } l ? (number, l) : null;
    }

    private static string Name(SessionActionKind kind) => kind switch
    {
        SessionActionKind.Next => "next",
        SessionActionKind.Skip => "skip",
        SessionActionKind.Back => "back",
        SessionActionKind.Pause => "pause",
        SessionActionKind.Resume => "resume",
        SessionActionKind.Extend => "extend",
        SessionActionKind.PassTheFloor => "floor",
        SessionActionKind.ShareCase => "share",
        SessionActionKind.Rate => "rate",
        SessionActionKind.Rank => "rank",
        SessionActionKind.Reveal => "reveal",
        SessionActionKind.SendAsIs => "send-as-is",
        _ => "choose",
    };

    private static SessionActionKind? FromName(string name) =>
        Enum.GetValues<SessionActionKind>().Cast<SessionActionKind?>().FirstOrDefault(k => Name(k!.Value) == name);

    private static SessionActionKind? FromWords(string text) => Commands.RecognizeBare(text) switch
    {
        _ when Commands.Parse(text).Command == Command.Extend => SessionActionKind.Extend,
        Command.Next => SessionActionKind.Next,
        Command.Back => SessionActionKind.Back,
        Command.Skip => SessionActionKind.Skip,
        Command.Pause => SessionActionKind.Pause,
        Command.Resume => SessionActionKind.Resume,
        Command.Case => SessionActionKind.ShareCase,
        _ => text.Trim().TrimEnd('.', '!').ToLowerInvariant() switch
        {
            "klaar" or "done" => SessionActionKind.PassTheFloor,
            "onthullen" or "onthul" or "reveal" => SessionActionKind.Reveal,
            _ => null,
        },
    };

    private static List<(int Number, QuestionLabel Label)> LabelsOf(IReadOnlyDictionary<string, string> values)
    {
        var labels = new List<(int Number, QuestionLabel Label)>();
        foreach (var (key, value) in values)
        {
            if (!key.StartsWith(LabelPrefix, StringComparison.Ordinal)
                || !int.TryParse(key.AsSpan(LabelPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }

            QuestionLabel? label = value switch
            {
                "helpful" => QuestionLabel.Helpful,
                "neutral" => QuestionLabel.Neutral,
                "not" => QuestionLabel.NotHelpful,
                _ => null,
            };
            if (label is { } chosen)
            {
                labels.Add((number, chosen));
            }
        }

        return labels;
    }
}

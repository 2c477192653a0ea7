namespace IntervisieBot.Conversations;

/// <summary>
/// Typed commands, in Dutch and English, case-insensitive, with or without the bot's mention (the channel removes
/// it) and with surrounding punctuation ignored. The first word decides; the rest is the command's argument.
/// </summary>
public static class Commands
{
    private static readonly Dictionary<string, Command> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = Command.Help, ["hulp"] = Command.Help, ["?"] = Command.Help, ["menu"] = Command.Help,
        ["setup"] = Command.Setup, ["instellen"] = Command.Setup, ["inrichten"] = Command.Setup,
        ["start"] = Command.Start, ["starten"] = Command.Start,
        ["methods"] = Command.Methods, ["methodes"] = Command.Methods, ["methoden"] = Command.Methods,
        ["advice"] = Command.Advice, ["advies"] = Command.Advice,
        ["next"] = Command.Next, ["volgende"] = Command.Next, ["verder"] = Command.Next,
        ["back"] = Command.Back, ["terug"] = Command.Back, ["vorige"] = Command.Back,
        ["pause"] = Command.Pause, ["pauze"] = Command.Pause,
        ["resume"] = Command.Resume, ["hervat"] = Command.Resume, ["doorgaan"] = Command.Resume,
        ["skip"] = Command.Skip, ["overslaan"] = Command.Skip,
        ["extend"] = Command.Extend, ["verleng"] = Command.Extend, ["verlengen"] = Command.Extend,
        ["stop"] = Command.Stop, ["cancel"] = Command.Stop, ["annuleer"] = Command.Stop, ["annuleren"] = Command.Stop, ["end"] = Command.Stop, ["einde"] = Command.Stop,
        ["agreements"] = Command.Agreements, ["afspraken"] = Command.Agreements, ["agreement"] = Command.Agreements, ["afspraak"] = Command.Agreements,
        ["schedule"] = Command.Schedule, ["planning"] = Command.Schedule, ["rooster"] = Command.Schedule,
        ["turn"] = Command.Turn, ["beurt"] = Command.Turn,
        ["case"] = Command.Case, ["casus"] = Command.Case,
        ["absent"] = Command.Absent, ["afwezig"] = Command.Absent, ["afmelden"] = Command.Absent,
        ["report"] = Command.Report, ["verslag"] = Command.Report,
        ["history"] = Command.History, ["geschiedenis"] = Command.History,
        ["calendar"] = Command.Calendar, ["agenda"] = Command.Calendar, ["kalender"] = Command.Calendar,
        ["forget"] = Command.Forget, ["vergeet"] = Command.Forget,
        ["export"] = Command.Export, ["exporteer"] = Command.Export,
        ["evaluation"] = Command.Evaluation, ["evaluatie"] = Command.Evaluation,
    };

    public static Command Recognize(string text) => Parse(text).Command;

    /// <summary>
    /// The command when the text is that word alone (e.g. "volgende"), else None. While a flow runs, sentences that
    /// happen to start with a command word ("Volgende keer vraag ik door") are answers, not commands.
    /// </summary>
    public static Command RecognizeBare(string text) => Parse(text) is { Argument.Length: 0 } bare ? bare.Command : Command.None;

    /// <summary>The command and what follows it (e.g. "start incidentmethode" → Start, "incidentmethode").</summary>
    public static (Command Command, string Argument) Parse(string text)
    {
        var parts = text.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return (Command.None, "");
        }

        var word = parts[0].Length > 1 ? parts[0].Trim('.', '!', ',', ':', ';', '/') : parts[0];
        return Words.TryGetValue(word, out var command)
            ? (command, parts.Length > 1 ? parts[1].Trim() : "")
            : (Command.None, text.Trim());
    }
}

namespace IntervisieBot.Conversations;

public enum Command
{
    None,
    Help,
}

/// <summary>Typed commands, in Dutch and English, case-insensitive, with surrounding punctuation ignored.</summary>
public static class Commands
{
    private static readonly Dictionary<string, Command> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = Command.Help,
        ["hulp"] = Command.Help,
        ["?"] = Command.Help,
        ["menu"] = Command.Help,
    };

    public static Command Recognize(string text)
    {
        var first = text.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var word = first.Length > 1 ? first.Trim('.', '!', ',', ':', ';', '/') : first;
        return Words.GetValueOrDefault(word, Command.None);
    }
}

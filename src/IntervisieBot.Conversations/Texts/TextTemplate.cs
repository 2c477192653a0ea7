using System.Globalization;

namespace IntervisieBot.Conversations.Texts;

/// <summary>Fills a text's blanks ({0}, {1}, ...); the texts records' methods use it, so callers pass typed arguments.</summary>
public static class TextTemplate
{
    public static string Fill(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}

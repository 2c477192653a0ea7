using System.Text;

namespace IntervisieBot.Dialogs.Messages;

/// <summary>
/// Turns channel ids (which may hold '/', '#', '?', ':' or ';', as Teams channel ids do) into text the Table service
/// takes as a key, reversibly: such characters and '%' become %XX, as in a URL.
/// </summary>
public static class StorageKey
{
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' or '~' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

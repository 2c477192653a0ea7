using System.Buffers.Text;
using System.Text;

namespace IntervisieBot.Storage.AzureTables;

/// <summary>
/// The service's two continuation headers folded into the port's one opaque token, and back. The header values are
/// the service's own opaque strings; the token just carries them, URL-safe, so callers can put it in a link.
/// </summary>
internal static class QueryContinuation
{
    private const char Separator = '\n';

    public static string? Encode(string? nextPartitionKey, string? nextRowKey)
    {
        if (string.IsNullOrEmpty(nextPartitionKey))
        {
            return null;
        }

        var text = string.IsNullOrEmpty(nextRowKey) ? nextPartitionKey : nextPartitionKey + Separator + nextRowKey;
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static (string NextPartitionKey, string? NextRowKey) Decode(string token)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The continuation token is not one this store issued.", nameof(token), ex);
        }

        var parts = text.Split(Separator, 2);
        if (parts[0].Length == 0)
        {
            throw new ArgumentException("The continuation token is not one this store issued.", nameof(token));
        }

        return (parts[0], parts.Length == 2 ? parts[1] : null);
    }
}

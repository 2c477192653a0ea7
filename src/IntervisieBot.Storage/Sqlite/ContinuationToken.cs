using System.Buffers.Text;
using System.Text;

namespace IntervisieBot.Storage.Sqlite;

/// <summary>
/// The continuation token of a query: the last row key it read, so the next page starts after it. Opaque to
/// callers (base64url with a version letter), and safe to pass back to another instance on the same file.
/// </summary>
internal static class ContinuationToken
{
    private const char Version = 'k';

    public static string Encode(string lastRowKey) => Version + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastRowKey));

    public static string Decode(string token)
    {
        try
        {
            if (token.Length > 0 && token[0] == Version)
            {
                return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(1)));
            }
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException("The continuation token is not one this store gave out.", nameof(token));
    }
}
